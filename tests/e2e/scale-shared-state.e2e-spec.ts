import { Logger } from '@nestjs/common';
import { DocumentLeases } from '../../apps/api/src/cluster/document-leases';
import { RedisAttemptEvents } from '../../apps/api/src/cluster/redis-attempt-events';
import { RedisCache } from '../../apps/api/src/cluster/redis-cache';
import { RedisConnections } from '../../apps/api/src/cluster/redis-connections';
import { RedisRateLimits } from '../../apps/api/src/cluster/redis-rate-limits';
import { RedisThrottlerStorage } from '../../apps/api/src/cluster/redis-throttler-storage';
import type { AttemptStateChange } from '../../apps/api/src/common/attempt-events';
import { redisAvailable, startTestRedis, type TestRedis } from '../support/redis';

const describeRedis = redisAvailable() ? describe : describe.skip;

/** Polls until `probe` answers true; fails after `ms`. */
async function until(probe: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const change = (attemptId: string): AttemptStateChange => ({
  attemptId,
  status: 'submitted',
  remainingMs: null,
  deadline: null,
});

/**
 * The state API instances share through Redis, with two "instances" (two sets of connections under
 * different instance ids) on one real, private Redis that the tests stop and start again.
 */
describeRedis('shared state on Redis', () => {
  let redis: TestRedis;
  let a: RedisConnections;
  let b: RedisConnections;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    redis = await startTestRedis();
  });
  beforeEach(() => {
    const prefix = `t${Math.random().toString(36).slice(2, 8)}`;
    a = new RedisConnections({ url: redis.url, prefix, instanceId: 'a', embeddedRunners: false });
    b = new RedisConnections({ url: redis.url, prefix, instanceId: 'b', embeddedRunners: false });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });
  afterAll(async () => {
    await redis.dispose();
  });

  it('rate limits hold across instances, refill on Redis time, and allow (not refuse) while Redis is away', async () => {
    const onA = new RedisRateLimits(a).limiter('saves', 3, 10);
    const onB = new RedisRateLimits(b).limiter('saves', 3, 10);
    const taken = [await onA.take('x'), await onB.take('x'), await onA.take('x'), await onB.take('x')];
    expect(taken).toEqual([true, true, true, false]);
    expect(await onA.take('another key')).toBe(true);
    await new Promise((r) => setTimeout(r, 250)); // 10/s: two tokens back
    expect([await onB.take('x'), await onA.take('x'), await onB.take('x')]).toEqual([true, true, false]);

    await redis.stop();
    const started = Date.now();
    expect(await onA.take('x')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    await redis.start();
    await until(async () => (await a.ping()) && (await b.ping()), 15_000);
    expect([await onA.take('y'), await onB.take('y'), await onA.take('y'), await onB.take('y')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('the throttler (sign-in, runs a minute) counts across instances and blocks for its window', async () => {
    const onA = new RedisThrottlerStorage(a);
    const onB = new RedisThrottlerStorage(b);
    const hit = (s: RedisThrottlerStorage) => s.increment('login:1.2.3.4', 60_000, 3, 60_000, 'default');
    const records = [await hit(onA), await hit(onB), await hit(onA), await hit(onB)];
    expect(records.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(records[3].timeToBlockExpire).toBeGreaterThan(55);
    expect(records[0].timeToExpire).toBeGreaterThan(55);
    expect((await hit(onA)).isBlocked).toBe(true); // still blocked on the other instance
    expect((await onB.increment('login:5.6.7.8', 60_000, 3, 60_000, 'default')).isBlocked).toBe(false);
  });

  it('attempt events reach the other instance’s listeners that ask for them, once, and again after Redis restarts', async () => {
    const eventsA = new RedisAttemptEvents(a);
    const eventsB = new RedisAttemptEvents(b);
    const heard = { aLocal: [] as string[], aAll: [] as string[], bLocal: [] as string[], bAll: [] as string[] };
    eventsA.subscribe((c) => heard.aLocal.push(c.attemptId));
    eventsA.subscribe((c) => heard.aAll.push(c.attemptId), { includeRemote: true });
    eventsB.subscribe((c) => heard.bLocal.push(c.attemptId));
    eventsB.subscribe((c) => heard.bAll.push(c.attemptId), { includeRemote: true });
    await until(async () => (await a.commands.pubsub('NUMSUB', a.key('attempt-events')))[1] === 2, 10_000);

    eventsA.publish(change('one'));
    // The publisher's own listeners are called in place, before any network round trip.
    expect(heard.aLocal).toEqual(['one']);
    expect(heard.aAll).toEqual(['one']);
    await until(() => heard.bAll.length === 1, 10_000);
    expect(heard.bAll).toEqual(['one']);
    expect(heard.bLocal).toEqual([]); // grading and the like act where the change happened only

    await redis.stop();
    await redis.start();
    await until(
      async () => (await a.commands.pubsub('NUMSUB', a.key('attempt-events')).catch(() => [0, 0]))[1] === 2,
      20_000,
    );
    eventsB.publish(change('two'));
    await until(() => heard.aAll.length === 2, 10_000);
    expect(heard).toEqual({ aLocal: ['one'], aAll: ['one', 'two'], bLocal: ['two'], bAll: ['one', 'two'] });
  });

  it('a document lease has one holder at a time and passes on when its holder stops renewing it', async () => {
    const leasesA = new DocumentLeases(a, 500);
    const leasesB = new DocumentLeases(b, 500);
    expect(await leasesA.hold('iv/q')).toBe(true);
    expect(await leasesB.hold('iv/q')).toBe(false);
    expect(await leasesA.hold('iv/q')).toBe(true); // renewed
    expect(await leasesB.hold('iv/other')).toBe(true);
    await new Promise((r) => setTimeout(r, 700));
    expect(await leasesB.hold('iv/q')).toBe(true);
    expect(await leasesA.hold('iv/q')).toBe(false);
    await redis.stop();
    expect(await leasesB.hold('iv/q')).toBe(false); // nobody writes snapshots without Redis
    await redis.start();
  });

  it('a shared cache entry set on one instance is read and deleted on the other', async () => {
    await until(async () => (await a.ping()) && (await b.ping()), 15_000);
    const onA = new RedisCache<{ n: number; label: string }>(a, 'agreement', 60);
    const onB = new RedisCache<{ n: number; label: string }>(b, 'agreement', 60);
    await onA.set('p1', { n: 3, label: '一致' });
    expect(await onB.get('p1')).toEqual({ n: 3, label: '一致' });
    await onB.delete('p1');
    expect(await onA.get('p1')).toBeUndefined();
    expect(await a.commands.ttl(a.key('cache', 'agreement', 'p1'))).toBe(-2);
    await onA.set('p2', { n: 1, label: 'x' });
    const ttl = await a.commands.ttl(a.key('cache', 'agreement', 'p2'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});
