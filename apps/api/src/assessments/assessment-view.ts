import {
  QUESTION_KIND_ORDER,
  type AssessmentQuestionView,
  type AssessmentSummary,
  type AssessmentView,
  type BilingualText,
  type DutyMatchView,
} from '@rubricon/contracts';
import { dutyCoverage, isComposed, type CoverageMatch, type Question, type QuestionBank } from '@rubricon/generation';
import type { AssessmentEntity } from './assessment.entity';

/** The staff view: questions with rubrics and probes, visible examples, hidden tests as a count only. */
export function toAssessmentView(
  assessment: AssessmentEntity,
  postingTitle: string,
  snapshots: Map<string, Question>,
  /** The current bank: its term statistics match the questions to the duty lines. */
  bank: QuestionBank,
  competencyLabels: Record<string, BilingualText>,
): AssessmentView {
  const duties = assessment.duties;
  const questions = assessment.questions.map((q) => snapshots.get(q.bankQuestionId)!);
  const coverage = dutyCoverage(duties, questions, bank);
  const matchesOf = (id: string): DutyMatchView[] =>
    coverage.matches.flatMap((ms, index) => ms.filter((m) => m.questionId === id).map((m) => matchView(index, m)));
  const sections = QUESTION_KIND_ORDER.map((kind) => ({
    kind,
    questions: questions.filter((q) => q.kind === kind).map((q) => questionView(q, matchesOf(q.id))),
  })).filter((s) => s.questions.length > 0);
  return {
    ...toAssessmentSummary(assessment, postingTitle),
    coveragePercent: coverage.coveragePercent,
    directPercent: coverage.directPercent,
    // What the questions need, for HR to compare with durationMinutes before publishing.
    questionMinutes: questions.reduce((sum, q) => sum + q.minutes, 0),
    lang: assessment.lang,
    bankVersion: assessment.bankVersion,
    familyReasons: assessment.familyReasons ?? [],
    sections,
    duties: duties.map((d, i) => ({
      text: d.text,
      assessable: d.assessable,
      lowConfidence: d.lowConfidence,
      competencies: d.competencies.map((c) => c.id),
      questionIds: coverage.questionIds[i],
      matches: coverage.matches[i].map(({ questionId, strength, words, competencies }) => ({
        questionId,
        strength,
        words,
        competencies,
      })),
    })),
    uncoveredDuties: coverage.uncoveredDuties,
    indirectDuties: coverage.indirectDuties,
    // Every label, not only this assessment's: swap and add lists show other questions' competencies.
    competencyLabels,
  };
}

function matchView(index: number, m: CoverageMatch): DutyMatchView {
  return { index, strength: m.strength, words: m.words, competencies: m.competencies };
}

export function questionView(q: Question, dutyMatches: DutyMatchView[]): AssessmentQuestionView {
  const view: AssessmentQuestionView = {
    id: q.id,
    kind: q.kind,
    title: q.title,
    prompt: q.prompt,
    competencies: q.competencies,
    roleFamilies: q.roleFamilies,
    difficulty: q.difficulty,
    minutes: q.minutes,
    rubric: q.rubric,
    probes: q.probes ?? [],
    dutyIndexes: dutyMatches.map((m) => m.index),
    dutyMatches,
  };
  if (isComposed(q)) view.composedFrom = { duty: q.composedFrom.duty };
  if (q.kind === 'coding') {
    view.coding = {
      starter: q.starter,
      examples: q.examples,
      hiddenTestCount: q.hiddenTests.length,
      comparator: q.comparator,
    };
  }
  return view;
}

export function toAssessmentSummary(a: AssessmentEntity, postingTitle: string): AssessmentSummary {
  return {
    id: a.id,
    postingId: a.postingId,
    postingTitle,
    status: a.status,
    roleFamily: a.roleFamily,
    durationMinutes: a.durationMinutes,
    questionCount: a.questions.length,
    coveragePercent: a.coveragePercent,
    seed: a.seed,
    createdAt: a.createdAt.toISOString(),
    publishedAt: a.publishedAt?.toISOString() ?? null,
    blindScoring: a.blindScoring,
  };
}
