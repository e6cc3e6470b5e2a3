import type { AttemptStatus, CandidateAnswer, CandidateAttemptView, CandidateQuestionView } from '@rubricon/contracts';
import { QUESTION_KIND_ORDER } from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import type { Delivery } from '../assessments/assessments.service';
import type { AnswerEntity } from './answer.entity';
import type { AttemptEntity } from './attempt.entity';
import type { CandidateEntity } from '../invitations/candidate.entity';

/**
 * What a candidate may see, built field by field from the question (never by deleting fields from
 * it): prompt, starter code, visible examples, the number of hidden tests. No rubric, no hidden
 * test, no solution can slip through a new field in the bank.
 */
export function candidateQuestion(q: Question): CandidateQuestionView {
  const view: CandidateQuestionView = { id: q.id, kind: q.kind, title: q.title, prompt: q.prompt, minutes: q.minutes };
  if (q.kind === 'coding') {
    view.coding = {
      starter: { javascript: q.starter.javascript, typescript: q.starter.typescript, python: q.starter.python },
      examples: q.examples.map((e) => ({
        input: e.input,
        expected: e.expected,
        ...(e.explanation ? { explanation: e.explanation } : {}),
      })),
      hiddenTestCount: q.hiddenTests.length,
    };
  } else {
    // Roughly 60-120 characters of considered writing per minute the question is worth.
    view.lengthGuidance = { min: q.minutes * 40, max: q.minutes * 400 };
  }
  return view;
}

export function candidateAnswer(a: AnswerEntity): CandidateAnswer {
  return {
    questionId: a.questionId,
    content: a.content,
    ...(a.language ? { language: a.language } : {}),
    version: a.version,
    savedAt: a.savedAt.toISOString(),
  };
}

export function effectiveStatus(attempt: AttemptEntity, invitationExpiresAt: Date, now: Date): AttemptStatus {
  return attempt.status === 'invited' && invitationExpiresAt <= now ? 'expired' : attempt.status;
}

export function remainingMs(attempt: AttemptEntity, now: Date): number | null {
  if (attempt.status !== 'in_progress' || !attempt.deadline) return null;
  return Math.max(0, attempt.deadline.getTime() - now.getTime());
}

export function candidateAttemptView(
  attempt: AttemptEntity,
  status: AttemptStatus,
  candidate: CandidateEntity,
  delivery: Delivery,
  answers: AnswerEntity[],
  now: Date,
): CandidateAttemptView {
  const started = attempt.status === 'in_progress' || attempt.status === 'submitted';
  return {
    attemptId: attempt.id,
    status,
    candidateName: candidate.name,
    title: delivery.title,
    durationMinutes: delivery.durationMinutes,
    sections: QUESTION_KIND_ORDER.map((kind) => ({
      kind,
      questionCount: delivery.questions.filter((q) => q.kind === kind).length,
    })).filter((s) => s.questionCount > 0),
    questions: started ? delivery.questions.map(candidateQuestion) : [],
    answers: started ? answers.map(candidateAnswer) : [],
    startedAt: attempt.startedAt?.toISOString() ?? null,
    deadline: attempt.deadline?.toISOString() ?? null,
    remainingMs: remainingMs(attempt, now),
    serverTime: now.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
  };
}
