import type { Question, QuestionBank, RoleFamily } from '../bank';
import { contentIndex } from '../relevance/content-index';
import { dutyQuery, matchDuty, type DutyMatch, type MatchStrength } from '../relevance/duty-match';
import type { TaggedLine } from '../tagging/tag-line';

/** One question assessing one duty line, with the reason HR sees. */
export interface CoverageMatch {
  questionId: string;
  strength: MatchStrength;
  /** The line's words the question's text uses too. */
  words: string[];
  /** The line's competencies the question assesses. */
  competencies: string[];
}

export interface DutyCoverage {
  /** For each duty line, in order: the ids of the questions that assess it (directly or partly). */
  questionIds: string[][];
  /** For each duty line: how each of those questions assesses it, direct ones first. */
  matches: CoverageMatch[][];
  /** Assessable duty lines with any question / assessable duty lines, in percent (100 when none is assessable). */
  coveragePercent: number;
  /** The same for direct questions only. */
  directPercent: number;
  uncoveredDuties: string[];
  /** Assessable duty lines that no question assesses directly. */
  indirectDuties: string[];
}

const percent = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 100);

function toCoverage(questionId: string, m: DutyMatch): CoverageMatch {
  return { questionId, strength: m.strength, words: m.words, competencies: m.competencies };
}

/**
 * The coverage map for any set of questions over already-tagged duty lines, by the same matching
 * the generator uses (what the texts say, with competency tags as a prior), so an assessment
 * edited by HR is mapped exactly like a generated one. `bank` supplies the term statistics.
 */
export function dutyCoverage(duties: TaggedLine[], questions: Question[], bank: QuestionBank): DutyCoverage {
  const index = contentIndex(bank);
  const matches = duties.map((line) => {
    const query = dutyQuery(line);
    return questions
      .map((q) => ({ q, m: matchDuty(index, query, q) }))
      .filter((x): x is { q: Question; m: DutyMatch } => x.m !== null)
      .sort((a, b) => Number(b.m.strength === 'direct') - Number(a.m.strength === 'direct') || b.m.score - a.m.score)
      .map(({ q, m }) => toCoverage(q.id, m));
  });
  const assessable = duties.map((d, i) => ({ d, i })).filter(({ d }) => d.assessable);
  const uncovered = assessable.filter(({ i }) => matches[i].length === 0);
  const indirect = assessable.filter(({ i }) => !matches[i].some((m) => m.strength === 'direct'));
  return {
    questionIds: matches.map((ms) => ms.map((m) => m.questionId)),
    matches,
    coveragePercent: percent(assessable.length - uncovered.length, assessable.length),
    directPercent: percent(assessable.length - indirect.length, assessable.length),
    uncoveredDuties: uncovered.map(({ d }) => d.text),
    indirectDuties: indirect.map(({ d }) => d.text),
  };
}

/**
 * Questions that can stand in for `question`: same kind, not already used; the closest first (most
 * shared competencies, same role family, nearest difficulty). rankReplacements then orders them by
 * the posting's duty lines.
 */
export function alternativesFor(
  bank: QuestionBank,
  question: Question,
  family: RoleFamily,
  exclude: Iterable<string> = [],
): Question[] {
  const excluded = new Set(exclude);
  const wanted = new Set(question.competencies);
  const scored = bank.questions
    .filter((q) => q.kind === question.kind && q.id !== question.id && !excluded.has(q.id))
    .map((q) => ({
      q,
      shared: q.competencies.filter((c) => wanted.has(c)).length,
      familyFit: q.roleFamilies.includes(family) ? 1 : 0,
      distance: Math.abs(q.difficulty - question.difficulty),
    }));
  scored.sort(
    (a, b) => b.shared - a.shared || b.familyFit - a.familyFit || a.distance - b.distance || (a.q.id < b.q.id ? -1 : 1),
  );
  return scored.map((s) => s.q);
}

/** A question that may replace another, with the posting's duty lines it assesses and why. */
export interface RankedReplacement {
  question: Question;
  /** Indexes of the duty lines it assesses, in order. */
  dutyIndexes: number[];
  /** For each of those lines (same order): how it assesses it. */
  matches: CoverageMatch[];
}

/**
 * Ranks replacement candidates (alternativesFor's list, closest first) by what they assess of the
 * posting's duty lines: most lines assessed directly, then most lines at all, then the strongest
 * match; ties keep their closeness order. Candidates that assess no duty line are left out: a swap
 * should never trade a question on the posting for one beside it.
 */
export function rankReplacements(
  duties: TaggedLine[],
  candidates: Question[],
  bank: QuestionBank,
): RankedReplacement[] {
  const index = contentIndex(bank);
  const queries = duties.map(dutyQuery);
  return candidates
    .map((question, order) => {
      const found = queries.flatMap((q, i) => {
        const m = matchDuty(index, q, question);
        return m ? [{ i, m }] : [];
      });
      return {
        question,
        order,
        direct: found.filter((f) => f.m.strength === 'direct').length,
        best: Math.max(0, ...found.map((f) => f.m.score)),
        dutyIndexes: found.map((f) => f.i),
        matches: found.map((f) => toCoverage(question.id, f.m)),
      };
    })
    .filter((r) => r.dutyIndexes.length > 0)
    .sort(
      (a, b) =>
        b.direct - a.direct || b.dutyIndexes.length - a.dutyIndexes.length || b.best - a.best || a.order - b.order,
    )
    .map(({ question, dutyIndexes, matches }) => ({ question, dutyIndexes, matches }));
}
