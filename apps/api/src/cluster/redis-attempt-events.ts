import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { InMemoryAttemptEvents, type AttemptStateChange } from '../common/attempt-events';
import type { RedisConnections } from './redis-connections';

interface Envelope {
  from: string;
  change: AttemptStateChange;
}

/**
 * Attempt events across API instances over Redis pub/sub. The publishing instance's listeners are
 * called at once, in place (as in one process); the others hear it through Redis. Pub/sub keeps
 * nothing while Redis is away: a socket that misses a change is told the current state when it
 * reconnects (the gateway sends it on every connection), and deadlines and grading never depend on
 * events reaching another instance (the database row decides; sweeps catch up).
 */
export class RedisAttemptEvents extends InMemoryAttemptEvents {
  private readonly logger = new Logger('AttemptEvents');
  private readonly channel: string;
  private readonly subscriber: Redis;

  constructor(private readonly redis: RedisConnections) {
    super();
    this.channel = redis.key('attempt-events');
    this.subscriber = redis.open('attempt-events', { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, raw: string) => this.received(raw));
    // ioredis subscribes again by itself after a reconnect.
    void this.subscriber
      .subscribe(this.channel)
      .catch((error: Error) => this.logger.warn(`subscribe: ${error.message}`));
  }

  publish(change: AttemptStateChange): void {
    this.deliver(change, false);
    const envelope: Envelope = { from: this.redis.config.instanceId, change };
    this.redis.commands
      .publish(this.channel, JSON.stringify(envelope))
      .catch((error: Error) =>
        this.logger.warn(`attempt ${change.attemptId} ${change.status} not told to other instances: ${error.message}`),
      );
  }

  private received(raw: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === this.redis.config.instanceId || typeof envelope.change?.attemptId !== 'string') return;
    this.deliver(envelope.change, true);
  }
}
