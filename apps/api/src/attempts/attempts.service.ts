import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  MAX_ANSWER_BYTES,
  type CandidateAttemptView,
  type CandidateSessionResponse,
  type IntegrityEventRequest,
  type SaveAnswerAck,
  type SaveAnswerRequest,
} from '@rubricon/contracts';
import type { CodingQuestion, Question } from '@rubricon/generation';
import { AssessmentsService } from '../assessments/assessments.service';
import { ApiException } from '../common/api-exception';
import { AttemptEvents } from '../common/attempt-events';
import type { KeyValueCache } from '../common/cache/cache';
import { RateLimits, type RateLimiter } from '../common/rate-limits';
import { IntegrityService } from '../integrity/integrity.service';
import { hashToken } from '../invitations/invitation-token';
import type { AttemptEntity } from './attempt.entity';
import { AttemptsRepository, type AnswerWrite } from './attempts.repository';
import { CandidateTokens, type CandidateSession } from './candidate-tokens.service';
import { candidateAttemptView, effectiveStatus, remainingMs } from './candidate-view';
import { Metrics } from '../metrics/metrics';
import { AuditService } from '../audit/audit.service';

/**
 * Saves per attempt: the page saves each question 2 s after typing stops and flushes all of them
 * before submit, so 60 at once and 10 a second is far above an honest client and far below a
 * script writing 60 KB answers in a loop.
 */
const SAVE_BURST = 60;
const SAVES_PER_SECOND = 10;

/** attempt -> assessment never changes, so autosaves skip a database read for it (a KeyValueCache<string>). */
export const ATTEMPT_ASSESSMENT_CACHE = 'ATTEMPT_ASSESSMENT_CACHE';

/** The candidate's side of a timed attempt: open a session, start, autosave, submit. */
@Injectable()
export class AttemptsService {
  private readonly saveBudget: RateLimiter;

  constructor(
    private readonly repo: AttemptsRepository,
    private readonly assessments: AssessmentsService,
    private readonly tokens: CandidateTokens,
    private readonly events: AttemptEvents,
    @Inject(ATTEMPT_ASSESSMENT_CACHE) private readonly assessmentIds: KeyValueCache<string>,
    private readonly integrity: IntegrityService,
    limits: RateLimits,
    private readonly audit: AuditService,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.saveBudget = limits.limiter('answer-saves', SAVE_BURST, SAVES_PER_SECOND);
  }

  /**
   * Opens a session of the link. The link stays good for the life of its attempt (until submitted,
   * expired or revoked), so a candidate who closed the page, or moved to another device, resumes.
   * One live session per attempt: each opening takes over, and older sessions are told at once.
   */
  async openSession(token: string): Promise<CandidateSessionResponse> {
    const tokenHash = hashToken(token);
    const invitation = await this.repo.invitationByTokenHash(tokenHash);
    if (!invitation) throw new ApiException('link-unknown');
    const attempt = await this.repo.attemptByInvitation(invitation.id);
    const now = new Date();
    if (invitation.revokedAt) throw new ApiException('link-revoked');
    if (attempt.status === 'submitted') throw new ApiException('already-submitted');
    if (attempt.status === 'invited' && invitation.expiresAt <= now) throw expired(invitation.expiresAt);
    // In one transaction, so two openings at once cannot both read the same raised generation.
    const generation = await this.repo.transaction((tx) => tx.nextSessionGeneration(invitation.id, tokenHash));
    // A resend or a revocation landed since the link was read: this link no longer opens anything.
    if (generation === null) throw new ApiException('link-unknown');
    this.events.publish({
      attemptId: attempt.id,
      status: 'session-replaced',
      remainingMs: null,
      deadline: null,
      generation,
    });
    return { accessToken: await this.tokens.sign(attempt.id, generation, tokenHash), attemptId: attempt.id };
  }

  async view(attemptId: string): Promise<CandidateAttemptView> {
    const attempt = await this.load(attemptId);
    const delivery = await this.assessments.delivery(attempt.assessmentId);
    const answers = await this.repo.answers(attemptId);
    const now = new Date();
    const status = effectiveStatus(attempt, attempt.invitation.expiresAt, now);
    return candidateAttemptView(attempt, status, attempt.candidate, delivery, answers, now);
  }

  async viewOwn(attemptId: string, requested: string): Promise<CandidateAttemptView> {
    if (requested !== attemptId) throw new ApiException('attempt-unknown');
    return this.view(attemptId);
  }

  /** Sets startedAt and the deadline (the duration plus any extra time) once; starting again changes nothing. */
  async start(attemptId: string): Promise<CandidateAttemptView> {
    const attempt = await this.load(attemptId);
    const now = new Date();
    if (attempt.status === 'invited') {
      if (attempt.invitation.revokedAt) throw new ApiException('link-revoked');
      if (attempt.invitation.expiresAt <= now) throw expired(attempt.invitation.expiresAt);
      const delivery = await this.assessments.delivery(attempt.assessmentId);
      const minutes = delivery.durationMinutes + attempt.extraMinutes;
      const deadline = new Date(now.getTime() + minutes * 60_000);
      const started = await this.repo.transaction(async (tx) => {
        const won = await tx.start(attemptId, now, deadline, attempt.extraMinutes);
        // usedAt records when the link was first used; it does not stop the link from resuming.
        if (won) await tx.spendInvitation(attempt.invitationId, now);
        return won;
      });
      // Extra time granted between the read and the start: start again with it.
      if (!started && (await this.load(attemptId)).status === 'invited') return this.start(attemptId);
      if (started)
        this.events.publish({
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
   * statement as the write; `version` must be exactly one more than the saved one. The usual save
   * is one database statement; only a refused save reads more, to say why.
   */
  /** One autosave, counted by outcome (`saved`, or the code it was refused with) for /metrics. */
  async saveAnswer(session: CandidateSession, req: SaveAnswerRequest): Promise<SaveAnswerAck> {
    try {
      const ack = await this.save(session, req);
      this.metrics?.answerSaved('saved');
      return ack;
    } catch (error) {
      this.metrics?.answerSaved(error instanceof ApiException ? error.code : 'error');
      throw error;
    }
  }

  private async save(session: CandidateSession, req: SaveAnswerRequest): Promise<SaveAnswerAck> {
    const { attemptId, generation } = session;
    if (req.attemptId !== attemptId) throw new ApiException('wrong-attempt');
    if (!(await this.saveBudget.take(attemptId))) throw new ApiException('too-many-saves');
    if (Buffer.byteLength(req.content, 'utf8') > MAX_ANSWER_BYTES)
      throw new ApiException('answer-too-long', { kb: MAX_ANSWER_BYTES / 1000 });
    const question = await this.question(attemptId, req.questionId);
    if (question.kind === 'coding' && !req.language) throw new ApiException('language-required');
    const language = question.kind === 'coding' ? req.language! : null;
    const write = {
      attemptId,
      questionId: req.questionId,
      content: req.content,
      language,
      version: req.version,
      generation,
    };
    // A save refused only because another one raced it through is tried once more.
    for (let tries = 0; ; tries++) {
      const savedAt = new Date();
      if (await this.repo.writeAnswer({ ...write, savedAt }))
        return { questionId: req.questionId, version: req.version, savedAt: savedAt.toISOString() };
      const refused = await this.refusedSave(session, write, savedAt);
      if (refused !== 'retry') return refused;
      // Nothing stands in its way, yet it did not land twice: the page keeps it and saves it again shortly.
      if (tries === 1) throw new ApiException('too-many-saves');
    }
  }

  /** Advisory signals from the candidate's browser, while the attempt is open, about its own questions only. */
  async recordEvent(attemptId: string, req: IntegrityEventRequest): Promise<{ ok: true }> {
    if (req.attemptId !== attemptId) throw new ApiException('wrong-attempt');
    await this.integrity.takeBudget(attemptId);
    await this.openAttempt(attemptId);
    if (req.questionId !== undefined) await this.question(attemptId, req.questionId);
    await this.integrity.recordSignal(attemptId, req);
    return { ok: true };
  }

  /** Submits the last saved state; a second submit (or the deadline after a submit) changes nothing. */
  /**
   * Hands the attempt in, once: the conditional update decides, whichever instance, job or sweep
   * asks. The audit entry commits with it, so the log holds exactly one per submitted attempt.
   */
  async submit(attemptId: string, by: 'candidate' | 'deadline'): Promise<boolean> {
    const submitted = await this.repo.transaction(async (tx) => {
      if (!(await tx.submit(attemptId, by, new Date()))) return false;
      await this.audit.record(
        { action: 'attempt.submit', actor: null, target: { type: 'attempt', id: attemptId }, changes: { by } },
        tx.database,
      );
      return true;
    });
    if (!submitted) return false;
    this.events.publish({ attemptId, status: 'submitted', remainingMs: null, deadline: null });
    return true;
  }

  /** A submit that arrives after the deadline is refused: the server submits at the deadline itself. */
  async submitByCandidate(attemptId: string): Promise<CandidateAttemptView> {
    const attempt = await this.load(attemptId);
    if (attempt.status === 'invited') throw new ApiException('not-started');
    if (attempt.status === 'in_progress' && remainingMs(attempt, new Date()) === 0) {
      await this.submit(attemptId, 'deadline');
      throw new ApiException('time-up');
    }
    await this.submit(attemptId, 'candidate');
    return this.view(attemptId);
  }

  /** Attempts whose deadline has passed but which are still open, oldest first. */
  overdue(now: Date, limit: number): Promise<string[]> {
    return this.repo.overdue(now, limit);
  }

  /** The attempt, if it is in progress and before its deadline: runs and signals need that. */
  async openAttempt(attemptId: string): Promise<AttemptEntity> {
    const attempt = await this.load(attemptId);
    if (attempt.status !== 'in_progress') throw new ApiException('not-in-progress');
    // The scheduler submits overdue attempts on its next tick: until then, the deadline itself closes the attempt.
    if (remainingMs(attempt, new Date()) === 0) throw new ApiException('time-up');
    return attempt;
  }

  async runnableQuestion(attemptId: string, questionId: string): Promise<CodingQuestion> {
    await this.openAttempt(attemptId);
    const question = await this.question(attemptId, questionId);
    if (question.kind !== 'coding') throw new ApiException('question-unknown', { id: questionId });
    return question;
  }

  /** A question of the attempt's assessment, or 404: saves, runs and signals name only those. */
  async question(attemptId: string, questionId: string): Promise<Question> {
    const delivery = await this.assessments.delivery(await this.assessmentOf(attemptId));
    const question = delivery.questions.find((q) => q.id === questionId);
    if (!question) throw new ApiException('question-unknown', { id: questionId });
    return question;
  }

  /**
   * Why a save wrote nothing; a retry of a save whose acknowledgement was lost is acknowledged again.
   * 'retry': nothing stands in its way any more (a racing save or start has settled).
   */
  private async refusedSave(
    session: CandidateSession,
    write: Omit<AnswerWrite, 'savedAt'>,
    now: Date,
  ): Promise<SaveAnswerAck | 'retry'> {
    // Only the live session writes: an older window learns that it was replaced, not that it is stale.
    const ended = await this.tokens.refusal(session);
    if (ended) throw new ApiException(ended);
    const attempt = await this.load(write.attemptId);
    if (attempt.status === 'invited') throw new ApiException('not-started');
    if (attempt.status === 'submitted') throw new ApiException('already-submitted');
    if (remainingMs(attempt, now) === 0) throw new ApiException('time-up');
    const current = await this.repo.answer(write.attemptId, write.questionId);
    const saved = current?.version ?? 0;
    if (current && saved === write.version && current.content === write.content && current.language === write.language)
      return { questionId: write.questionId, version: saved, savedAt: current.savedAt.toISOString() };
    if (saved >= write.version) throw new ApiException('stale-version', { saved });
    if (saved !== write.version - 1) throw new ApiException('version-skipped', { saved, next: saved + 1 });
    return 'retry';
  }

  private async assessmentOf(attemptId: string): Promise<string> {
    const cached = await this.assessmentIds.get(attemptId);
    if (cached) return cached;
    const id = await this.repo.assessmentIdOf(attemptId);
    if (!id) throw new ApiException('attempt-unknown');
    await this.assessmentIds.set(attemptId, id);
    return id;
  }

  private async load(attemptId: string): Promise<AttemptEntity> {
    const attempt = await this.repo.findFull(attemptId);
    if (!attempt) throw new ApiException('attempt-unknown');
    return attempt;
  }
}

const expired = (at: Date) => new ApiException('link-expired', { date: at.toISOString().slice(0, 10) });
