import { QUESTION_KIND_ORDER, type QuestionKind } from '@rubricon/contracts';

/**
 * The one order of an assessment's questions, for HR's review, the candidate's page and HR's
 * results alike: by kind (coding, case, scenario, behavioral, as the review's sections show them),
 * then by position within a kind. Question n is the same question everywhere. Positions alone
 * would put a question added later after every other kind, while the review showed it in its
 * kind's section (HR's question 3 was the candidate's 5).
 */
export function compareQuestionOrder(
  a: { kind: QuestionKind; position: number },
  b: { kind: QuestionKind; position: number },
): number {
  return QUESTION_KIND_ORDER.indexOf(a.kind) - QUESTION_KIND_ORDER.indexOf(b.kind) || a.position - b.position;
}
