import type { Question, QuestionBank, RoleFamily } from '../bank';
import { lineRelevance, lineShares } from '../select/relevance';
import type { LineDetail } from './types';

export interface DutyCoverage {
  /** For each duty line, in order: the ids of the questions that assess it. */
  questionIds: string[][];
  /** Covered assessable duty lines / assessable duty lines, in percent (100 when none is assessable). */
  coveragePercent: number;
  uncoveredDuties: string[];
}

/**
 * The coverage map for any set of questions over already-tagged duty lines: the same rule the
 * generator uses, so an assessment edited by HR is mapped exactly like a generated one.
 */
export function dutyCoverage(duties: LineDetail[], questions: Question[]): DutyCoverage {
  const questionIds = duties.map((d) => {
    const shares = lineShares(d);
    return questions.filter((q) => lineRelevance(q, shares) > 0).map((q) => q.id);
  });
  const assessable = duties.map((d, i) => ({ d, i })).filter(({ d }) => d.assessable);
  const uncovered = assessable.filter(({ i }) => questionIds[i].length === 0);
  return {
    questionIds,
    coveragePercent: assessable.length
      ? Math.round((1000 * (assessable.length - uncovered.length)) / assessable.length) / 10
      : 100,
    uncoveredDuties: uncovered.map(({ d }) => d.text),
  };
}

/**
 * Questions that can stand in for `question`: same kind, at least one shared competency, not
 * already used; the closest first (most shared competencies, same role family, nearest difficulty).
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
    }))
    .filter((s) => s.shared > 0);
  scored.sort(
    (a, b) => b.shared - a.shared || b.familyFit - a.familyFit || a.distance - b.distance || (a.q.id < b.q.id ? -1 : 1),
  );
  return scored.map((s) => s.q);
}

/** A question that may replace another, with the posting's duty lines it assesses. */
export interface RankedReplacement {
  question: Question;
  /** Indexes of the duty lines it assesses, in order. */
  dutyIndexes: number[];
}

/**
 * Ranks replacement candidates (alternativesFor's list, closest first) by the posting's duty lines
 * each assesses, most first; ties keep their closeness order. A candidate that assesses none stays
 * last with no indexes, so the caller can warn before it is chosen.
 */
export function rankReplacements(duties: LineDetail[], candidates: Question[]): RankedReplacement[] {
  const shares = duties.map((d) => lineShares(d));
  return candidates
    .map((question, order) => ({
      question,
      order,
      dutyIndexes: shares.flatMap((s, i) => (lineRelevance(question, s) > 0 ? [i] : [])),
    }))
    .sort((a, b) => b.dutyIndexes.length - a.dutyIndexes.length || a.order - b.order)
    .map(({ question, dutyIndexes }) => ({ question, dutyIndexes }));
}
