import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SubjectKind } from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import type { AnswerEntity } from '../attempts/answer.entity';
import { BankService } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import { ScoringRepository, type SubjectRow } from './scoring.repository';

/** A subject with its questions' bank content and (attempts) answers: what sheets and scorecards are built from. */
export interface LoadedSubject extends SubjectRow {
  content: Map<string, Question>;
  answers: Map<string, AnswerEntity>;
}

/** The level hidden tests gave a question's auto-scored criterion, if the answer has been graded. */
export function autoLevels(subject: LoadedSubject, questionId: string): Map<string, number> {
  const levels = new Map<string, number>();
  const grading = subject.answers.get(questionId)?.grading;
  if (!grading) return levels;
  const parsed = JSON.parse(grading) as { criterionId?: string | null; criterionScore?: number };
  if (parsed.criterionId && typeof parsed.criterionScore === 'number')
    levels.set(parsed.criterionId, parsed.criterionScore);
  return levels;
}

/** "#7F3A2C": how a blind assessment shows a candidate to raters; stable per candidate, meaningless outside. */
export function pseudonym(candidateId: string): string {
  return '#' + createHash('sha256').update(candidateId).digest('hex').slice(0, 6).toUpperCase();
}

/** Loads subjects for sheets and scorecards. */
@Injectable()
export class SubjectLoader {
  constructor(
    private readonly repo: ScoringRepository,
    private readonly bank: BankService,
  ) {}

  /** The subject with its questions' content and answers; 404 when it does not exist. */
  async load(kind: SubjectKind, id: string): Promise<LoadedSubject> {
    const subject = await this.repo.subject(kind, id);
    if (!subject) throw new ApiException('subject-not-found');
    const content = await this.bank.snapshots(subject.questions.map((q) => q.bankQuestionId));
    const byQuestionId = new Map<string, Question>();
    for (const q of subject.questions) byQuestionId.set(q.questionId, content.get(q.bankQuestionId)!);
    const answers = kind === 'attempt' ? await this.repo.answers(id) : new Map<string, AnswerEntity>();
    return { ...subject, content: byQuestionId, answers };
  }
}
