import type { KeyValueCache } from '../common/cache/cache';
import type { RedisConnections } from './redis-connections';

/**
 * A KeyValueCache in Redis, shared by every API instance: values as JSON, each with a time to
 * live so nothing stays for ever. A cache that cannot reach Redis answers "not cached" and forgets
 * nothing it should not: a failed delete is retried by letting the error through (the caller's
 * change must not be served stale).
 */
export class RedisCache<V> implements KeyValueCache<V> {
  constructor(
    private readonly redis: RedisConnections,
    private readonly name: string,
    private readonly ttlSeconds: number,
  ) {}

  async get(key: string): Promise<V | undefined> {
    const raw = await this.redis.commands.get(this.redis.key('cache', this.name, key)).catch(() => null);
    return raw === null ? undefined : (JSON.parse(raw) as V);
  }

  async set(key: string, value: V): Promise<void> {
    await this.redis.commands
      .set(this.redis.key('cache', this.name, key), JSON.stringify(value), 'EX', this.ttlSeconds)
      .catch(() => undefined);
  }

  async delete(key: string): Promise<void> {
    await this.redis.commands.del(this.redis.key('cache', this.name, key));
  }
}
