import { TokenBuckets } from './token-buckets';

/** One budget: `take` spends a unit of `key`'s allowance, or answers false when there is none left. */
export interface RateLimiter {
  take(key: string): Promise<boolean>;
}

/**
 * Budgets of actions per key (an attempt, a user): `burst` at once, refilled at `perSecond`. They
 * must hold across API instances, so they sit behind this factory: in memory for one process, a Redis
 * implementation when the API scales out.
 */
export abstract class RateLimits {
  abstract limiter(name: string, burst: number, perSecond: number): RateLimiter;
}

export class InMemoryRateLimits extends RateLimits {
  limiter(_name: string, burst: number, perSecond: number): RateLimiter {
    const buckets = new TokenBuckets(burst, perSecond);
    return { take: (key) => Promise.resolve(buckets.take(key)) };
  }
}
