import type { Question } from '../bank';
import { isComposed } from '../compose/compose-question';
import { lineRelevance, lineShares, type Shares } from '../select/relevance';
import type { TaggedLine } from '../tagging/tag-line';
import { filterLine } from '../tagging/line-filters';
import { normalise } from '../text/normalise';
import { contentMatch, idf, queryTerms, withoutInner, type ContentIndex } from './content-index';

export type MatchStrength = 'direct' | 'partial';

/** Why a question assesses a duty line: what HR sees as "why this question". */
export interface DutyMatch {
  strength: MatchStrength;
  /** The line's words the question's text also uses, most telling first. */
  words: string[];
  /** The line's competencies the question assesses too (the prior). */
  competencies: string[];
  /** Content plus prior, for ranking; 0..about 30. */
  score: number;
}

/** A duty line prepared for matching: its content terms and competency shares. */
export interface DutyQuery {
  text: string;
  assessable: boolean;
  terms: string[];
  shares: Shares;
}

export function dutyQuery(line: TaggedLine): DutyQuery {
  return {
    text: line.text,
    assessable: line.assessable,
    // The catch-all, schooling and years clauses say nothing the question could match.
    terms: line.assessable ? queryTerms(filterLine(normalise(line.text)).text) : [],
    shares: lineShares(line),
  };
}

// Calibrated on the seed postings against the bank (see docs/generation.md, "Relevance"): a direct
// match mentions a fair share of what the line says, in at least two of its distinctive words, and
// assesses one of the line's competencies; without a shared competency the text must say more.
const DIRECT_MIN_WORDS = 2;
const DIRECT_MIN_SHARE = 0.15;
// A long list line ("RAG, tool use, MCP, multi-agent, guardrails") is never mentioned whole: a
// strong BM25 score on a smaller share still makes a direct match.
const LIST_MIN_SHARE = 0.1;
const LIST_MIN_SCORE = 15;
const CONTENT_ONLY_MIN_WORDS = 3;
const CONTENT_ONLY_MIN_SHARE = 0.35;
const PARTIAL_MIN_SCORE = 3;
// What a shared competency adds to the ranking score (lineRelevance is 0..1).
const PRIOR_WEIGHT = 4;

/** How a question assesses a duty line, or null when it does not. */
export function matchDuty(index: ContentIndex, query: DutyQuery, q: Question): DutyMatch | null {
  if (!query.assessable) return null;
  const prior = lineRelevance(q, query.shares);
  const shared = q.competencies.filter((c) => query.shares[c]);
  const composed = isComposed(q);
  if (composed && q.composedFrom.duty === query.text) {
    return { strength: 'direct', words: telling(index, query.terms), competencies: shared, score: 100 };
  }
  const content = contentMatch(index, query.terms, q);
  const score = round(content.score + PRIOR_WEIGHT * prior);
  // A question composed from another line quotes that line: sharing its words is no direct evidence.
  const direct =
    !composed &&
    (prior > 0
      ? content.words.length >= DIRECT_MIN_WORDS &&
        (content.share >= DIRECT_MIN_SHARE || (content.share >= LIST_MIN_SHARE && content.score >= LIST_MIN_SCORE))
      : content.words.length >= CONTENT_ONLY_MIN_WORDS && content.share >= CONTENT_ONLY_MIN_SHARE);
  if (direct) return { strength: 'direct', words: content.words, competencies: shared, score };
  if (prior > 0 || (content.words.length > 0 && content.score >= PARTIAL_MIN_SCORE)) {
    return { strength: 'partial', words: content.words, competencies: shared, score };
  }
  return null;
}

/** A line's most distinctive words (for a question composed from it), longest word of a family only. */
function telling(index: ContentIndex, terms: string[]): string[] {
  const ranked = [...terms].sort((a, b) => idf(index, b) - idf(index, a) || (a < b ? -1 : a > b ? 1 : 0));
  return withoutInner(ranked).slice(0, 5);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
