import type { CandidateQuestionView } from '@rubricon/contracts';

export interface Unanswered {
  /** The question's number as the candidate sees it (1-based, the navigator's order). */
  number: number;
  question: CandidateQuestionView;
}

/**
 * The questions without an answer, in the navigator's order: blank text, and for coding questions
 * blank code or a starter left as it was (it solves nothing, so submitting it is worth a warning).
 */
export function unansweredQuestions(
  questions: CandidateQuestionView[],
  contentOf: (questionId: string) => string,
): Unanswered[] {
  return questions.flatMap((question, i) => {
    const content = contentOf(question.id).trim();
    const starters = question.coding ? Object.values(question.coding.starter).map((s) => s.trim()) : [];
    return content === '' || starters.includes(content) ? [{ number: i + 1, question }] : [];
  });
}
