import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { RedisConnections } from '../cluster/redis-connections';
import { AttemptsService } from './attempts.service';

const TICK_MS = 1000;
/** With scale-out a delayed job is the prompt trigger (deadline.jobs.ts): the sweep is the safety net. */
const CLUSTER_TICK_MS = 10_000;

/**
 * Closes attempts at their deadline. Deadlines live in the database, so a restarted (or another)
 * instance catches up on its first tick; submitting twice is a no-op.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly attempts: AttemptsService,
    @Optional() private readonly cluster?: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.cluster ? CLUSTER_TICK_MS : TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping ticks are skipped rather than stacked. */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((error) => this.logger.error(`Deadline pass failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const id of await this.attempts.overdue(new Date(), 200)) {
      if (await this.attempts.submit(id, 'deadline')) this.logger.log(`Submitted attempt ${id} at its deadline`);
    }
  }
}
