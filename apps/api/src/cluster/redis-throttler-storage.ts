import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisConnections } from './redis-connections';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * A fixed window of `ttl` per key (hits, expiring with the window) and a block key once the limit
 * is passed. Returns hits, ms left in the window, blocked (0/1), ms left of the block.
 */
const HIT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), math.max(0, redis.call('PTTL', KEYS[1])), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}
`;

/**
 * The throttler's counts (sign-in attempts, code runs a minute) shared by every API instance, so a
 * limit is a limit whichever instance the proxy picks. When Redis does not answer a request goes
 * through (logged once a minute), as with the other shared rate limits.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttler');
  private lastWarning = 0;

  constructor(private readonly redis: RedisConnections) {
    redis.commands.defineCommand('rubriconThrottle', { numberOfKeys: 2, lua: HIT });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const client = this.redis.commands as unknown as {
      rubriconThrottle(
        hitsKey: string,
        blockKey: string,
        ttl: number,
        limit: number,
        blockMs: number,
      ): Promise<number[]>;
    };
    try {
      const [hits, leftMs, blocked, blockMs] = await client.rubriconThrottle(
        this.redis.key('throttle', throttlerName, key),
        this.redis.key('throttle', throttlerName, key, 'blocked'),
        ttl,
        limit,
        blockDuration > 0 ? blockDuration : ttl,
      );
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(leftMs / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockMs / 1000),
      };
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`throttler ${throttlerName} not checked (Redis: ${(error as Error).message}); allowing`);
      }
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
