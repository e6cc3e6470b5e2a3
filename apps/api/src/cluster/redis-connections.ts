import { Logger } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config';

/**
 * The Redis connections of one API instance, by purpose: commands (rate limits, caches, leases),
 * a subscriber (pub/sub holds its connection), and the socket.io adapter's own (it blocks on XREAD).
 * BullMQ opens its own. Every connection retries for ever with a capped back-off, so a restarted
 * Redis is picked up without restarting the instance; commands sent meanwhile fail fast (callers
 * choose what an outage means for them) instead of queueing without bound.
 */
export class RedisConnections {
  private readonly logger = new Logger('Redis');
  private readonly opened: Redis[] = [];
  readonly commands: Redis;

  constructor(readonly config: RedisConfig) {
    this.commands = this.open('commands');
  }

  /** A key in this deployment's namespace. */
  key(...parts: string[]): string {
    return [this.config.prefix, ...parts].join(':');
  }

  /** A new connection, closed with the others. `blocking`: for XREAD/pub-sub, no per-command timeout. */
  open(purpose: string, options: RedisOptions = {}): Redis {
    const client = new Redis(this.config.url, {
      connectionName: `${this.config.prefix}:${this.config.instanceId}:${purpose}`,
      retryStrategy: (times) => Math.min(200 * times, 2_000),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      ...options,
    });
    let down = false;
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      this.logger.warn(`Redis (${purpose}) unavailable: ${error.message}; reconnecting`);
    });
    client.on('ready', () => {
      if (down) this.logger.log(`Redis (${purpose}) reconnected`);
      down = false;
    });
    this.track(client);
    return client;
  }

  /**
   * Every connection is closed with the others, copies included: the socket.io adapter and BullMQ
   * duplicate the connections they are given (a blocking XREAD, a worker's blocking pop), and a copy
   * left open would reconnect for ever once Redis is gone, keeping a stopped instance alive.
   */
  private track(client: Redis): void {
    this.opened.push(client);
    const duplicate = client.duplicate.bind(client);
    client.duplicate = (override?: Partial<RedisOptions>) => {
      const copy = duplicate(override);
      this.track(copy);
      return copy;
    };
  }

  /** Whether Redis answers now (readiness). */
  async ping(timeoutMs = 1_000): Promise<boolean> {
    if (this.commands.status !== 'ready') return false;
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([
      this.commands.ping().then(
        (r) => r === 'PONG',
        () => false,
      ),
      timeout,
    ]);
  }

  async close(): Promise<void> {
    // QUIT lets replies in flight arrive; a connection that is down (reconnecting) is just dropped.
    await Promise.all(
      this.opened.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())),
    );
  }
}
