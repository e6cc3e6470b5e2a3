import { Injectable } from '@nestjs/common';
import type { AttemptDetail, IntegrityEventRequest, IntegrityEventType } from '@rubricon/contracts';
import { ApiException } from '../common/api-exception';
import { RateLimits, type RateLimiter } from '../common/rate-limits';
import { IntegrityRepository } from './integrity.repository';

const EVENT_BURST = 20;
const EVENTS_PER_SECOND = 5;
const MAX_EVENTS_PER_ATTEMPT = 2000;
const DETAIL_KEYS = ['size', 'width', 'height'];

/**
 * The advisory timeline of an attempt: signals from the candidate's browser (paste, focus, resize)
 * and the server's own (hidden-test runs). A few per second at most, a bounded number per attempt;
 * they never change a score. Whether the attempt may still record them is the caller's rule.
 */
@Injectable()
export class IntegrityService {
  private readonly budget: RateLimiter;

  constructor(
    private readonly repo: IntegrityRepository,
    limits: RateLimits,
  ) {
    this.budget = limits.limiter('integrity-signals', EVENT_BURST, EVENTS_PER_SECOND);
  }

  /** Spends the attempt's signal budget, or refuses with 'too-many-signals'. */
  async takeBudget(attemptId: string): Promise<void> {
    if (!(await this.budget.take(attemptId))) throw new ApiException('too-many-signals');
  }

  /** A browser's signal, its detail reduced to bounded numbers; past the cap per attempt, dropped quietly. */
  async recordSignal(attemptId: string, req: IntegrityEventRequest): Promise<void> {
    if ((await this.repo.count({ attemptId })) >= MAX_EVENTS_PER_ATTEMPT) return;
    const detail = Object.fromEntries(
      Object.entries(req.detail ?? {})
        .filter(([k, v]) => DETAIL_KEYS.includes(k) && Number.isFinite(v))
        .map(([k, v]) => [k, Math.max(0, Math.min(10_000_000, Math.round(v)))]),
    );
    await this.record(attemptId, req.type, req.questionId, detail);
  }

  async record(
    attemptId: string,
    type: IntegrityEventType,
    questionId: string | undefined,
    detail: Record<string, number>,
  ): Promise<void> {
    await this.repo.insert({
      attemptId,
      type,
      questionId: questionId ?? null,
      detail: JSON.stringify(detail),
      occurredAt: new Date(),
    });
  }

  count(attemptId: string, type: IntegrityEventType, questionId: string): Promise<number> {
    return this.repo.count({ attemptId, type, questionId });
  }

  countsByAttempt(attemptIds: string[]): Promise<Map<string, number>> {
    return this.repo.countsByAttempt(attemptIds);
  }

  async timeline(attemptId: string): Promise<AttemptDetail['timeline']> {
    return (await this.repo.timeline(attemptId)).map((e) => ({
      type: e.type,
      detail: JSON.parse(e.detail),
      at: e.occurredAt.toISOString(),
      ...(e.questionId ? { questionId: e.questionId } : {}),
    }));
  }
}
