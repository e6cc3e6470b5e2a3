import type { Question, QuestionBank, QuestionKind, RoleFamily } from '../bank';
import type { Blueprint } from '../blueprint/blueprints';
import { contentIndex } from '../relevance/content-index';
import { matchDuty, type DutyMatch, type DutyQuery } from '../relevance/duty-match';
import { createPrng } from './prng';
import { competencyWeights, postingRelevance, round, Shares } from './relevance';

export interface SelectionInput {
  bank: QuestionBank;
  blueprint: Blueprint;
  family: RoleFamily;
  difficulty: 1 | 2 | 3;
  /** The duty lines prepared for matching (content terms and competency shares). */
  duties: DutyQuery[];
  /** Competency shares per requirement line. */
  requirements: Shares[];
  /** Without a seed the canonical form; with one, a parallel form. */
  seed?: number;
}

export interface SelectedQuestion {
  question: Question;
  /** Picked to cover duty lines, to fill the section by relevance, or composed from a duty line (generate-assessment.ts). */
  phase: 'cover' | 'fill' | 'composed';
  /** True when no question of this kind for the role family could serve. */
  familyFallback: boolean;
}

export interface Selection {
  sections: Array<{ kind: QuestionKind; questions: SelectedQuestion[] }>;
  unfilled: Array<{ kind: QuestionKind; missing: number }>;
}

type Scorer = (q: Question) => { score: number; covers: number };
interface Candidate {
  q: Question;
  score: number;
  covers: number;
  distance: number;
  fallback: boolean;
}

// Candidates within this fraction of the best score are "equally good" for parallel forms.
const FORM_MARGIN = 0.2;
// How many of the best-ranked cover candidates get a look-ahead (see coverStep).
const LOOKAHEAD = 8;

interface State {
  free: Map<QuestionKind, number>;
  used: Set<string>;
  covered: boolean[];
}

function cloneState(s: State): State {
  return { free: new Map(s.free), used: new Set(s.used), covered: [...s.covered] };
}

function byRank(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    a.distance - b.distance ||
    Number(a.fallback) - Number(b.fallback) ||
    (a.q.id < b.q.id ? -1 : a.q.id > b.q.id ? 1 : 0)
  );
}

/** How much being tied to a duty line outweighs posting-wide relevance when filling a section. */
const DUTY_BONUS = 1;
// A match score (content BM25 plus prior, about 0..30) over this counts as fully relevant.
const MATCH_SCALE = 30;

/**
 * Weighted greedy set cover of the assessable duty lines by questions that assess them directly
 * (by what they say, see duty-match.ts) within the blueprint's slots, then a fill of the remaining
 * slots by relevance. Every pick assesses some duty line or shares a competency with a requirement.
 */
export function selectQuestions(input: SelectionInput): Selection {
  const { bank, blueprint, family, difficulty } = input;
  const pick = input.seed === undefined ? () => 0 : createPrng(input.seed);
  const weights = competencyWeights(
    input.duties.map((d) => d.shares),
    input.requirements,
  );
  const index = contentIndex(bank);
  const matches = new Map<string, Array<DutyMatch | null>>(
    bank.questions.map((q) => [q.id, input.duties.map((d) => matchDuty(index, d, q))]),
  );
  // Per question and duty line: how well it assesses the line directly (0 = not directly).
  const relevance = new Map(
    [...matches].map(([id, ms]) => [
      id,
      ms.map((m) => (m?.strength === 'direct' ? round(Math.min(1, m.score / MATCH_SCALE)) : 0)),
    ]),
  );
  const state: State = {
    free: new Map(blueprint.sections.map((s) => [s.kind, s.count])),
    used: new Set(),
    covered: input.duties.map(() => false),
  };
  const chosen = new Map<QuestionKind, SelectedQuestion[]>(blueprint.sections.map((s) => [s.kind, []]));

  const rankKind = (st: State, kind: QuestionKind, fallback: boolean, score: Scorer): Candidate[] =>
    bank.questions
      .filter((q) => q.kind === kind && !st.used.has(q.id) && q.roleFamilies.includes(family) !== fallback)
      .map((q) => ({ q, ...score(q), distance: Math.abs(q.difficulty - difficulty), fallback }))
      .filter((c) => c.score > 0);

  // Per kind: questions for the role family; only if none of them scores, any family's questions of that kind.
  const candidates = (st: State, kinds: QuestionKind[], score: Scorer): Candidate[] =>
    kinds
      .flatMap((kind) => {
        const own = rankKind(st, kind, false, score);
        return own.length ? own : rankKind(st, kind, true, score);
      })
      .sort(byRank);

  const apply = (st: State, q: Question) => {
    st.used.add(q.id);
    st.free.set(q.kind, st.free.get(q.kind)! - 1);
    relevance.get(q.id)!.forEach((r, i) => {
      if (r > 0) st.covered[i] = true;
    });
  };

  // Gain = newly covered lines (weighted by how well they are assessed) plus a little posting-wide
  // relevance so that requirement lines break near-ties.
  const coverCandidates = (st: State): Candidate[] => {
    const open = blueprint.sections.filter((s) => st.free.get(s.kind)! > 0).map((s) => s.kind);
    const newLines = (q: Question) => relevance.get(q.id)!.flatMap((r, i) => (r > 0 && !st.covered[i] ? [i] : []));
    const score: Scorer = (q) => {
      const lines = newLines(q);
      const gain = lines.reduce((sum, i) => sum + 1 + relevance.get(q.id)![i], 0);
      return { score: lines.length ? round(gain + 0.1 * postingRelevance(q, weights)) : 0, covers: lines.length };
    };
    const ranked = candidates(st, open, score);
    // A line that no question of the family can cover may still be covered from another family.
    const reachable = new Set(ranked.flatMap((c) => newLines(c.q)));
    const rescue = open
      .flatMap((kind) => rankKind(st, kind, true, score))
      .filter((c) => !ranked.some((r) => r.q.id === c.q.id) && newLines(c.q).some((i) => !reachable.has(i)));
    return [...ranked, ...rescue].sort(byRank);
  };

  // Plain greedy to the end from a state: the number of duty lines it ends up covering.
  const finalCoverage = (from: State): number => {
    const st = cloneState(from);
    for (let ranked = coverCandidates(st); ranked.length; ranked = coverCandidates(st)) apply(st, ranked[0].q);
    return st.covered.filter(Boolean).length;
  };

  // One step of the cover with a look-ahead: among the best few candidates keep those whose greedy
  // continuation covers the most lines (slots are per kind, so the locally best pick can strand a
  // line only another kind could cover); then the best-ranked, or a seeded pick among near-equals.
  const coverStep = (ranked: Candidate[]): Candidate => {
    const top = ranked.slice(0, LOOKAHEAD).map((c) => {
      const st = cloneState(state);
      apply(st, c.q);
      return { c, final: finalCoverage(st) };
    });
    const most = Math.max(...top.map((t) => t.final));
    // Equal final coverage is what makes two forms equivalent; the first pick may cover fewer lines.
    return choose(top.filter((t) => t.final === most).map((t) => t.c));
  };

  const choose = (ranked: Candidate[]): Candidate => {
    const floor = round(ranked[0].score * (1 - FORM_MARGIN));
    // Peers newly cover as many duty lines as the best, so every form needs as many composed questions.
    const peers = ranked.filter((c) => c.score >= floor && c.covers === ranked[0].covers);
    return peers[Math.floor(pick() * peers.length)];
  };

  const take = (c: Candidate, phase: SelectedQuestion['phase']) => {
    apply(state, c.q);
    chosen.get(c.q.kind)!.push({ question: c.q, phase, familyFallback: c.fallback });
  };

  // Phase 1: cover duty lines.
  for (let ranked = coverCandidates(state); ranked.length; ranked = coverCandidates(state))
    take(coverStep(ranked), 'cover');

  // Phase 2: fill each section to its count by posting-wide relevance: competency relevance plus
  // how well the question matches the duty lines. Questions that assess a duty line (directly or
  // partly) come before those only a requirement line asks for, and a second question centred on
  // the same competency as one already in the section counts half (two English questions teach
  // less than one English and one ownership question).
  const dutyLink = (q: Question) =>
    matches.get(q.id)!.reduce((best, m) => Math.max(best, m ? Math.min(1, m.score / MATCH_SCALE) : 0), 0);
  const fillScore = (kind: QuestionKind) => (q: Question) => {
    const repeats = chosen.get(kind)!.some((c) => c.question.competencies[0] === q.competencies[0]);
    const link = dutyLink(q);
    const base = postingRelevance(q, weights) + link;
    // A duty line still without a direct question would get one composed for it: assessing it counts most.
    const covers = relevance.get(q.id)!.filter((r, i) => r > 0 && !state.covered[i]).length;
    const score = base > 0 ? (base + (link > 0 ? DUTY_BONUS : 0) + covers * DUTY_BONUS) * (repeats ? 0.5 : 1) : 0;
    return { score: round(score), covers };
  };
  for (const section of blueprint.sections) {
    while (state.free.get(section.kind)! > 0) {
      const ranked = candidates(state, [section.kind], fillScore(section.kind));
      if (ranked.length === 0) break;
      take(choose(ranked), 'fill');
    }
  }

  return {
    sections: blueprint.sections
      .map((s) => ({ kind: s.kind, questions: chosen.get(s.kind)! }))
      .filter((s) => s.questions.length > 0),
    unfilled: blueprint.sections
      .filter((s) => state.free.get(s.kind)! > 0)
      .map((s) => ({ kind: s.kind, missing: state.free.get(s.kind)! })),
  };
}
