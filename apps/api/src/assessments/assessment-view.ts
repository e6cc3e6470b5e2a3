import {
  QUESTION_KIND_ORDER,
  type AssessmentQuestionView,
  type AssessmentSummary,
  type AssessmentView,
  type BilingualText,
} from '@rubricon/contracts';
import { dutyCoverage, type Question } from '@rubricon/generation';
import type { AssessmentEntity } from './assessment.entity';

/** The staff view: questions with rubrics and probes, visible examples, hidden tests as a count only. */
export function toAssessmentView(
  assessment: AssessmentEntity,
  postingTitle: string,
  snapshots: Map<string, Question>,
  competencyLabels: Record<string, BilingualText>,
): AssessmentView {
  const duties = assessment.duties;
  const questions = assessment.questions.map((q) => snapshots.get(q.bankQuestionId)!);
  const coverage = dutyCoverage(duties, questions);
  const dutyIndexes = (id: string) => coverage.questionIds.flatMap((ids, i) => (ids.includes(id) ? [i] : []));
  const sections = QUESTION_KIND_ORDER.map((kind) => ({
    kind,
    questions: questions.filter((q) => q.kind === kind).map((q) => questionView(q, dutyIndexes(q.id))),
  })).filter((s) => s.questions.length > 0);
  return {
    ...toAssessmentSummary(assessment, postingTitle),
    coveragePercent: coverage.coveragePercent,
    // What the questions need, for HR to compare with durationMinutes before publishing.
    questionMinutes: questions.reduce((sum, q) => sum + q.minutes, 0),
    lang: assessment.lang,
    bankVersion: assessment.bankVersion,
    sections,
    duties: duties.map((d, i) => ({
      text: d.text,
      assessable: d.assessable,
      lowConfidence: d.lowConfidence,
      competencies: d.competencies.map((c) => c.id),
      questionIds: coverage.questionIds[i],
    })),
    uncoveredDuties: coverage.uncoveredDuties,
    // Every label, not only this assessment's: swap and add lists show other questions' competencies.
    competencyLabels,
  };
}

export function questionView(q: Question, dutyIndexes: number[]): AssessmentQuestionView {
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
    dutyIndexes,
  };
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
