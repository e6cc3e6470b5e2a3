import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MAX_ANSWER_BYTES,
  type AttemptStatus,
  type CandidateAttemptView,
  type CandidateSessionResponse,
  type IntegrityEventRequest,
  type IntegrityEventType,
  type SaveAnswerAck,
  type SaveAnswerRequest,
} from '@rubricon/contracts';
import { createHash } from 'node:crypto';
import { Subject } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import type { CodingQuestion } from '@rubricon/generation';
import { AssessmentsService } from '../assessments/assessments.service';
import { CandidateException } from '../common/candidate-exception';
import { sqlTime } from '../common/sql-time';
import { TokenBuckets } from '../common/token-buckets';
import { AnswerEntity } from './answer.entity';
import { AttemptEntity } from './attempt.entity';
import { CandidateTokens } from './candidate-auth';
import { candidateAttemptView, effectiveStatus, remainingMs } from './candidate-view';
import { CandidateEntity } from './candidate.entity';
import { IntegrityEventEntity } from './integrity-event.entity';
import { InvitationEntity } from './invitation.entity';

export interface AttemptStateChange {
  attemptId: string;
  /** `session-replaced`: a newer session, a revocation or a resent link ended the open ones. */
  status: AttemptStatus | 'session-replaced';
  remainingMs: number | null;
  deadline: string | null;
}

const EVENT_BURST = 20;
const EVENTS_PER_SECOND = 5;
const MAX_EVENTS_PER_ATTEMPT = 2000;
/**
 * Saves per attempt: the page saves each question 2 s after typing stops and flushes all of them
 * before submit, so 60 at once and 10 a second is far above an honest client and far below a
 * script writing 60 KB answers in a loop.
 */
const SAVE_BURST = 60;
const SAVES_PER_SECOND = 10;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The candidate's side of a timed attempt: open, start, autosave, integrity signals, submit. */
@Injectable()
export class AttemptsService {
  /** Status changes (start, submit, auto-submit) for the socket gateway to push to the candidate. */
  readonly stateChanges = new Subject<AttemptStateChange>();
  /** attempt -> assessment never changes: autosaves skip a read for it. */
  private readonly assessmentIds = new Map<string, string>();
  private readonly eventBudget = new TokenBuckets(EVENT_BURST, EVENTS_PER_SECOND);
  private readonly saveBudget = new TokenBuckets(SAVE_BURST, SAVES_PER_SECOND);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly tokens: CandidateTokens,
  ) {}

  async openSession(token: string): Promise<CandidateSessionResponse> {
    const invitation = await this.dataSource.getRepository(InvitationEntity).findOneBy({ tokenHash: hashToken(token) });
    if (!invitation)
      throw new CandidateException(
        HttpStatus.NOT_FOUND,
        'link-unknown',
        'This invitation link is not valid. Check that you opened the whole link.',
      );
    const attempt = await this.attemptByInvitation(invitation.id);
    const now = new Date();
    if (invitation.revokedAt)
      throw new CandidateException(
        HttpStatus.GONE,
        'link-revoked',
        'This invitation has been withdrawn. Please contact the recruiter.',
      );
    if (invitation.usedAt)
      throw new CandidateException(
        HttpStatus.GONE,
        'link-used',
        'This invitation link has already been used. Ask the recruiter to send you a new link.',
      );
    if (attempt.status === 'submitted')
      throw new CandidateException(
        HttpStatus.GONE,
        'already-submitted',
        'This assessment has already been submitted. Thank you.',
      );
    if (attempt.status === 'invited' && invitation.expiresAt <= now) {
      throw new CandidateException(
        HttpStatus.GONE,
        'link-expired',
        `This invitation expired on ${invitation.expiresAt.toISOString().slice(0, 10)}. Ask the recruiter for a new link.`,
      );
    }
    // One live session per attempt: each opening replaces the previous session. A link opened for
    // an attempt already under way (a resent link) is also spent at once.
    const generation = await this.dataSource.transaction(async (manager) => {
      if (attempt.status === 'in_progress') await this.spend(manager, invitation.id, now);
      await manager.increment(InvitationEntity, { id: invitation.id }, 'sessionGeneration', 1);
      return (await manager.findOneByOrFail(InvitationEntity, { id: invitation.id })).sessionGeneration;
    });
    this.stateChanges.next({ attemptId: attempt.id, status: 'session-replaced', remainingMs: null, deadline: null });
    return { accessToken: await this.tokens.sign(attempt.id, generation), attemptId: attempt.id };
  }

  async view(attemptId: string): Promise<CandidateAttemptView> {
    const { attempt, invitation, candidate } = await this.loadAttempt(attemptId);
    const delivery = await this.assessments.delivery(attempt.assessmentId);
    const answers = await this.dataSource
      .getRepository(AnswerEntity)
      .find({ where: { attemptId }, order: { questionId: 'ASC' } });
    const now = new Date();
    return candidateAttemptView(
      attempt,
      effectiveStatus(attempt, invitation.expiresAt, now),
      candidate,
      delivery,
      answers,
      now,
    );
  }

  async viewOwn(attemptId: string, requested: string): Promise<CandidateAttemptView> {
    if (requested !== attemptId)
      throw new CandidateException(HttpStatus.NOT_FOUND, 'wrong-attempt', 'No such attempt.');
    return this.view(attemptId);
  }

  /** Sets startedAt and the deadline once; starting again changes nothing. */
  async start(attemptId: string): Promise<CandidateAttemptView> {
    const { attempt, invitation } = await this.loadAttempt(attemptId);
    const now = new Date();
    if (attempt.status === 'invited') {
      if (invitation.revokedAt)
        throw new CandidateException(
          HttpStatus.GONE,
          'link-revoked',
          'This invitation has been withdrawn. Please contact the recruiter.',
        );
      if (invitation.expiresAt <= now)
        throw new CandidateException(
          HttpStatus.GONE,
          'link-expired',
          'This invitation has expired. Ask the recruiter for a new link.',
        );
      const delivery = await this.assessments.delivery(attempt.assessmentId);
      const deadline = new Date(now.getTime() + delivery.durationMinutes * 60_000);
      const started = await this.dataSource.transaction(async (manager) => {
        const result = await manager.update(
          AttemptEntity,
          { id: attemptId, status: 'invited' },
          { status: 'in_progress', startedAt: now, deadline },
        );
        if (result.affected) await this.spend(manager, invitation.id, now);
        return Boolean(result.affected);
      });
      if (started)
        this.stateChanges.next({
          attemptId,
          status: 'in_progress',
          remainingMs: deadline.getTime() - now.getTime(),
          deadline: deadline.toISOString(),
        });
    }
    return this.view(attemptId);
  }

  /**
   * Saves one answer if the attempt is in progress and before its deadline, checked in the same
   * transaction as the write; `version` must be exactly one more than the saved one.
   */
  async saveAnswer(attemptId: string, req: SaveAnswerRequest): Promise<SaveAnswerAck> {
    if (req.attemptId !== attemptId)
      throw new CandidateException(HttpStatus.FORBIDDEN, 'wrong-attempt', 'This session belongs to another attempt.');
    if (!this.saveBudget.take(attemptId))
      throw new CandidateException(
        HttpStatus.TOO_MANY_REQUESTS,
        'too-many-saves',
        'Too many saves in a short time; your answer stays on this page and is saved again in a few seconds.',
      );
    if (Buffer.byteLength(req.content, 'utf8') > MAX_ANSWER_BYTES)
      throw new CandidateException(
        HttpStatus.BAD_REQUEST,
        'answer-too-long',
        `The answer is too long (more than ${MAX_ANSWER_BYTES / 1000} KB).`,
      );
    const question = (await this.assessments.delivery(await this.assessmentOf(attemptId))).questions.find(
      (q) => q.id === req.questionId,
    );
    if (!question)
      throw new CandidateException(
        HttpStatus.NOT_FOUND,
        'question-unknown',
        `This assessment has no question ${req.questionId}.`,
      );
    if (question.kind === 'coding' && !req.language)
      throw new CandidateException(
        HttpStatus.BAD_REQUEST,
        'language-required',
        'A coding answer needs its language: javascript or typescript.',
      );

    let savedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpenAttempt(manager, attemptId, savedAt);
      const language = question.kind === 'coding' ? req.language! : null;
      const current = await manager.findOneBy(AnswerEntity, { attemptId, questionId: req.questionId });
      // A retry of a save whose acknowledgement was lost: same version, same text. Acknowledge it again.
      if (
        current &&
        current.version === req.version &&
        current.content === req.content &&
        current.language === language
      ) {
        savedAt = current.savedAt;
        return;
      }
      if ((current?.version ?? 0) !== req.version - 1) throw stale(current?.version ?? 0, req.version);
      if (current)
        await manager.update(
          AnswerEntity,
          { id: current.id, version: current.version },
          { content: req.content, language, version: req.version, savedAt },
        );
      else
        await manager.insert(
          AnswerEntity,
          manager.create(AnswerEntity, {
            attemptId,
            questionId: req.questionId,
            content: req.content,
            language,
            version: 1,
            savedAt,
          }),
        );
    });
    return { questionId: req.questionId, version: req.version, savedAt: savedAt.toISOString() };
  }

  /** Advisory signals from the candidate's browser: a few per second at most, a bounded number per attempt. */
  async recordEvent(attemptId: string, req: IntegrityEventRequest): Promise<{ ok: true }> {
    if (req.attemptId !== attemptId)
      throw new CandidateException(HttpStatus.FORBIDDEN, 'wrong-attempt', 'This session belongs to another attempt.');
    if (!this.eventBudget.take(attemptId))
      throw new CandidateException(
        HttpStatus.TOO_MANY_REQUESTS,
        'too-many-signals',
        'Too many signals in a short time; they are advisory and were not all recorded.',
      );
    const { attempt } = await this.loadAttempt(attemptId);
    if (attempt.status !== 'in_progress')
      throw new CandidateException(
        HttpStatus.CONFLICT,
        'not-in-progress',
        'Signals are only recorded while the assessment is in progress.',
      );
    // The scheduler submits overdue attempts on its next tick: until then, the deadline itself closes the timeline.
    if (remainingMs(attempt, new Date()) === 0)
      throw new CandidateException(HttpStatus.CONFLICT, 'time-up', 'The time is up: signals are no longer recorded.');
    if ((await this.dataSource.getRepository(IntegrityEventEntity).countBy({ attemptId })) >= MAX_EVENTS_PER_ATTEMPT)
      return { ok: true };
    const detail = Object.fromEntries(
      Object.entries(req.detail ?? {})
        .filter(([k, v]) => ['size', 'width', 'height'].includes(k) && Number.isFinite(v))
        .map(([k, v]) => [k, Math.max(0, Math.min(10_000_000, Math.round(v)))]),
    );
    await this.recordServerEvent(attemptId, req.type, req.questionId, detail);
    return { ok: true };
  }

  async recordServerEvent(
    attemptId: string,
    type: IntegrityEventType,
    questionId: string | undefined,
    detail: Record<string, number>,
  ): Promise<void> {
    const events = this.dataSource.getRepository(IntegrityEventEntity);
    await events.insert(
      events.create({
        attemptId,
        type,
        questionId: questionId?.slice(0, 120) ?? null,
        detail: JSON.stringify(detail),
        occurredAt: new Date(),
      }),
    );
  }

  countServerEvents(attemptId: string, type: IntegrityEventType, questionId: string): Promise<number> {
    return this.dataSource.getRepository(IntegrityEventEntity).countBy({ attemptId, type, questionId });
  }

  /** Submits the last saved state; a second submit (or the deadline after a submit) changes nothing. */
  async submit(attemptId: string, by: 'candidate' | 'deadline'): Promise<boolean> {
    const now = new Date();
    const qb = this.dataSource
      .createQueryBuilder()
      .update(AttemptEntity)
      .set({ status: 'submitted', submittedAt: now, submittedBy: by });
    // A candidate's submit counts only before the deadline, checked in the same statement.
    qb.where('id = :id AND status = :status', { id: attemptId, status: 'in_progress' });
    if (by === 'candidate') qb.andWhere('deadline > :now', { now: sqlTime(this.dataSource, now) });
    const result = await qb.execute();
    if (!result.affected) return false;
    this.stateChanges.next({ attemptId, status: 'submitted', remainingMs: null, deadline: null });
    return true;
  }

  /** A submit that arrives after the deadline is refused: the server submits at the deadline itself. */
  async submitByCandidate(attemptId: string): Promise<CandidateAttemptView> {
    const { attempt } = await this.loadAttempt(attemptId);
    if (attempt.status === 'invited')
      throw new CandidateException(HttpStatus.CONFLICT, 'not-started', 'Start the assessment before submitting it.');
    if (attempt.status === 'in_progress' && remainingMs(attempt, new Date()) === 0) {
      await this.submit(attemptId, 'deadline');
      throw new CandidateException(
        HttpStatus.CONFLICT,
        'time-up',
        'The time is up: your last saved answers were submitted automatically at the deadline.',
      );
    }
    await this.submit(attemptId, 'candidate');
    return this.view(attemptId);
  }

  /** Attempts whose deadline has passed but which are still open, oldest first. */
  async overdue(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(AttemptEntity)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.status = :status', { status: 'in_progress' })
      .andWhere('a.deadline <= :now', { now: sqlTime(this.dataSource, now) })
      .orderBy('a.deadline', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async runnableQuestion(attemptId: string, questionId: string): Promise<CodingQuestion> {
    const { attempt } = await this.loadAttempt(attemptId);
    if (attempt.status !== 'in_progress' || remainingMs(attempt, new Date()) === 0)
      throw new CandidateException(
        HttpStatus.CONFLICT,
        'not-in-progress',
        'The assessment is not in progress: code can no longer be run.',
      );
    const question = (await this.assessments.delivery(attempt.assessmentId)).questions.find((q) => q.id === questionId);
    if (!question || question.kind !== 'coding')
      throw new CandidateException(
        HttpStatus.NOT_FOUND,
        'question-unknown',
        `This assessment has no coding question ${questionId}.`,
      );
    return question;
  }

  private async assessmentOf(attemptId: string): Promise<string> {
    let id = this.assessmentIds.get(attemptId);
    if (!id) {
      const attempt = await this.dataSource
        .getRepository(AttemptEntity)
        .findOne({ select: { id: true, assessmentId: true }, where: { id: attemptId } });
      if (!attempt) throw new CandidateException(HttpStatus.NOT_FOUND, 'attempt-unknown', 'No such attempt.');
      if (this.assessmentIds.size >= 100_000) this.assessmentIds.clear();
      this.assessmentIds.set(attemptId, (id = attempt.assessmentId));
    }
    return id;
  }

  private async lockOpenAttempt(manager: EntityManager, attemptId: string, now: Date): Promise<void> {
    // The conditional update takes the row lock, so a concurrent submit either sees this save or refuses it.
    const result = await manager
      .createQueryBuilder()
      .update(AttemptEntity)
      .set({ updatedAt: now })
      .where('id = :id AND status = :status AND deadline > :now', {
        id: attemptId,
        status: 'in_progress',
        now: sqlTime(this.dataSource, now),
      })
      .execute();
    if (result.affected) return;
    const attempt = await manager.findOneByOrFail(AttemptEntity, { id: attemptId });
    if (attempt.status === 'invited')
      throw new CandidateException(HttpStatus.CONFLICT, 'not-started', 'Start the assessment before saving answers.');
    if (attempt.status === 'submitted')
      throw new CandidateException(
        HttpStatus.CONFLICT,
        'already-submitted',
        'This assessment has been submitted; answers can no longer change.',
      );
    throw new CandidateException(
      HttpStatus.CONFLICT,
      'time-up',
      'The time is up: answers can no longer change. Your last saved answers will be submitted.',
    );
  }

  private async spend(manager: EntityManager, invitationId: string, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(InvitationEntity)
      .set({ usedAt: now })
      .where('id = :id AND usedAt IS NULL', { id: invitationId })
      .execute();
  }

  private async attemptByInvitation(invitationId: string): Promise<AttemptEntity> {
    return this.dataSource.getRepository(AttemptEntity).findOneByOrFail({ invitationId });
  }

  private async loadAttempt(
    attemptId: string,
  ): Promise<{ attempt: AttemptEntity; invitation: InvitationEntity; candidate: CandidateEntity }> {
    const attempt = await this.dataSource
      .getRepository(AttemptEntity)
      .findOne({ where: { id: attemptId }, relations: { invitation: true, candidate: true } });
    if (!attempt) throw new CandidateException(HttpStatus.NOT_FOUND, 'attempt-unknown', 'No such attempt.');
    return { attempt, invitation: attempt.invitation, candidate: attempt.candidate };
  }
}

function stale(saved: number, sent: number): CandidateException {
  return saved >= sent
    ? new CandidateException(
        HttpStatus.CONFLICT,
        'stale-version',
        `A newer version of this answer is already saved (version ${saved}); reload to continue from it.`,
      )
    : new CandidateException(
        HttpStatus.CONFLICT,
        'version-skipped',
        `This save skips versions: the saved answer is version ${saved}, so the next save must be version ${saved + 1}.`,
      );
}
