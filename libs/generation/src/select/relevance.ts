import type { Question } from '../bank';
import type { TaggedLine } from '../tagging/tag-line';

// A question's first competency is what it centres on; later ones are secondary.
const POSITION_WEIGHTS = [1, 0.8, 0.6];
const REQUIREMENT_FACTOR = 0.5;

export type Shares = Record<string, number>;

/** Each tagged line spreads a total weight of 1 over its competencies in proportion to their scores. */
export function lineShares(line: TaggedLine): Shares {
  const total = line.competencies.reduce((s, c) => s + c.score, 0);
  const out: Shares = {};
  if (!line.assessable || total <= 0) return out;
  for (const c of line.competencies) out[c.id] = c.score / total;
  return out;
}

export function positionWeight(index: number): number {
  return POSITION_WEIGHTS[Math.min(index, POSITION_WEIGHTS.length - 1)];
}

/** How strongly a question assesses what one line asks for (0 = not at all). */
export function lineRelevance(q: Question, shares: Shares): number {
  let sum = 0;
  q.competencies.forEach((c, i) => {
    if (shares[c]) sum += shares[c] * positionWeight(i);
  });
  return round(sum);
}

/** Posting-wide competency weights: duties count fully, requirements add half. */
export function competencyWeights(duties: Shares[], requirements: Shares[]): Shares {
  const out: Shares = {};
  for (const s of duties) for (const [c, w] of Object.entries(s)) out[c] = (out[c] ?? 0) + w;
  for (const s of requirements) for (const [c, w] of Object.entries(s)) out[c] = (out[c] ?? 0) + w * REQUIREMENT_FACTOR;
  return out;
}

export function postingRelevance(q: Question, weights: Shares): number {
  return lineRelevance(q, weights);
}

/** Rounded so that float noise never decides a tie. */
export function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
