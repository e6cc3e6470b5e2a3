import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { throttlerMessage } from './throttler-messages';

const detail = (tracker: string): ThrottlerLimitDetail => ({ tracker, key: 'k', ttl: 60_000, limit: 20, totalHits: 21, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 30 });
const context = {} as ExecutionContext;

describe('throttlerMessage', () => {
  it('says code runs for the runs throttler and a plain request cap elsewhere, never sign-in', () => {
    expect(throttlerMessage(context, detail('runs|user-1'))).toBe('Too many code runs; wait a minute and try again.');
    expect(throttlerMessage(context, detail('127.0.0.1'))).toBe('Too many requests; wait a minute and try again.');
  });
});
