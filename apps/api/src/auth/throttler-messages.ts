import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';

export const SIGN_IN_LIMIT_MESSAGE = 'Too many sign-in attempts; wait a minute and try again.';
export const RUNS_LIMIT_MESSAGE = 'Too many code runs; wait a minute and try again.';
export const REQUESTS_LIMIT_MESSAGE = 'Too many requests; wait a minute and try again.';

/**
 * The 429 message of every throttled route but sign-in (LoginThrottlerGuard says its own): code
 * runs are counted by RunsThrottlerGuard, whose trackers start with "runs|"; anything else is a
 * plain request cap.
 */
export function throttlerMessage(_context: ExecutionContext, detail: ThrottlerLimitDetail): string {
  return detail.tracker.startsWith('runs|') ? RUNS_LIMIT_MESSAGE : REQUESTS_LIMIT_MESSAGE;
}
