import { Logger } from '@nestjs/common';
import { RateLimits, type RateLimiter } from '../common/rate-limits';
import type { RedisConnections } from './redis-connections';

/**
 * A token bucket in one Redis hash per key, refilled by the time elapsed on Redis's own clock (one
 * clock for every instance). Returns 1 when a token was taken. The key expires once a full bucket
 * would have refilled, so idle keys cost nothing.
 */
const TAKE = `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken
`;

/**
 * Rate limits shared by every API instance. When Redis does not answer, an action is allowed
 * (and the outage logged once per minute): the limits guard against abuse, and refusing every
 * candidate's save while Redis restarts would be worse than a minute without them.
 */
export class RedisRateLimits extends RateLimits {
  private readonly logger = new Logger('RateLimits');
  private lastWarning = 0;

  constructor(private readonly redis: RedisConnections) {
    super();
    redis.commands.defineCommand('rubriconTakeToken', { numberOfKeys: 1, lua: TAKE });
  }

  limiter(name: string, burst: number, perSecond: number): RateLimiter {
    const client = this.redis.commands as unknown as {
      rubriconTakeToken(key: string, burst: number, rate: number): Promise<number>;
    };
    return {
      take: async (key) => {
        try {
          return (await client.rubriconTakeToken(this.redis.key('rate', name, key), burst, perSecond)) === 1;
        } catch (error) {
          if (Date.now() - this.lastWarning > 60_000) {
            this.lastWarning = Date.now();
            this.logger.warn(`rate limit ${name} not checked (Redis: ${(error as Error).message}); allowing`);
          }
          return true;
        }
      },
    };
  }
}
