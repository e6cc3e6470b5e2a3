import { TokenBuckets } from './token-buckets';

describe(TokenBuckets.name, () => {
  it('allows a burst, then refills at the given rate, per key', () => {
    const buckets = new TokenBuckets(3, 2);
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a', t0))).toEqual([true, true, true, false]);
    expect(buckets.take('b', t0)).toBe(true);
    expect(buckets.take('a', t0 + 499)).toBe(false);
    expect(buckets.take('a', t0 + 500)).toBe(true);
    expect(buckets.take('a', t0 + 10_000)).toBe(true);
  });
});
