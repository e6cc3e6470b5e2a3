import { Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import {
  PoolClosedError,
  QueueFullError,
  RUN_QUEUE,
  TooManyRunsError,
  runWorkerSettings,
  validateRunRequest,
  type RunRequest,
  type RunResult,
} from '@rubricon/sandbox';
import { Queue, QueueEvents, Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { RedisConfig } from '../config';
import { RunBackend, type BackendRunOptions } from './run-backend';
import {
  ACQUIRE_SCRIPT,
  QUEUE_LIMIT,
  REDIS_COMMAND_TIMEOUT_MS,
  REDIS_UNAVAILABLE,
  RELEASE_SCRIPT,
  RunQueueError,
  answerDeadlineMs,
  failedJobOutcome,
  inFlightKey,
} from './run-queue-rules';
import type { SandboxPool } from './sandbox-pool.provider';
import { finishedWithin } from '../cluster/bounded';

/** The longest shutdown waits for each BullMQ close. */
const CLOSE_MS = 15_000;

/** Reconnect soon after a Redis blip, and no slower than every 2 s while it stays down. */
const reconnectDelay = (attempt: number) => Math.min(100 * attempt, 2_000);

/**
 * Code runs through the BullMQ queue `runs` (REDIS_URL set): apps/runner processes on any host take
 * them, grading first, and the result comes back to this instance through its QueueEvents. Per-owner
 * limits are counted in Redis, so they hold across instances. With RUNNERS=embedded this instance
 * also consumes the queue with its own sandbox pool.
 *
 * Redis trouble never hangs a request: commands on the request path go through a connection that
 * fails at once while Redis is unreachable, each with a timeout, and every wait for a result has a
 * deadline; all of it answers RunQueueError ('sandbox-busy').
 */
export class QueuedRuns extends RunBackend implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('RunQueue');
  /** Request-path commands: no offline queue, so a command while Redis is down fails instead of waiting. */
  private readonly redis: Redis;
  private readonly queue: Queue<RunRequest, RunResult>;
  private readonly events: QueueEvents;
  private readonly worker?: Worker<RunRequest, RunResult>;
  private closed = false;
  private lastWarning = '';

  constructor(
    private readonly config: RedisConfig,
    pool: SandboxPool,
    poolSize: number,
    private readonly queueLimit = QUEUE_LIMIT,
  ) {
    super();
    const connection = { url: config.url, retryStrategy: reconnectDelay };
    this.redis = new Redis(config.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: reconnectDelay,
      connectionName: `${config.instanceId}:runs`,
    });
    this.redis.on('error', (error: Error) => this.warn(`Redis (runs): ${error.message}`));
    this.redis.on('ready', () => this.ready());
    this.queue = new Queue(RUN_QUEUE.name, { connection: this.redis, prefix: config.prefix });
    this.queue.on('error', (error) => this.warn(`Run queue: ${error.message}`));
    this.events = new QueueEvents(RUN_QUEUE.name, { connection, prefix: config.prefix });
    this.events.on('error', (error) => this.warn(`Run queue events: ${error.message}`));
    if (config.embeddedRunners) {
      this.worker = new Worker<RunRequest, RunResult>(
        RUN_QUEUE.name,
        async (job) => (await pool.started()).run(job.data),
        { connection, prefix: config.prefix, name: config.instanceId, ...runWorkerSettings(poolSize) },
      );
      this.worker.on('error', (error) => this.warn(`Embedded runner: ${error.message}`));
      this.worker.on('failed', (job, error) => this.logger.warn(`Run ${job?.id} failed here: ${error.message}`));
    }
    this.logger.log(
      `Code runs go through the queue "${config.prefix}:${RUN_QUEUE.name}"${config.embeddedRunners ? ', consumed here too (RUNNERS=embedded)' : ' to apps/runner processes'}`,
    );
  }

  async run(request: RunRequest, options: BackendRunOptions = {}): Promise<RunResult> {
    if (this.closed) throw new PoolClosedError();
    const job = validateRunRequest(request);
    const priority = options.priority ?? 'normal';
    const deadlineMs = answerDeadlineMs(job);
    if (this.redis.status !== 'ready') throw new RunQueueError(REDIS_UNAVAILABLE);
    const key =
      options.key === undefined
        ? undefined
        : inFlightKey(this.config.prefix, options.key, priority, this.config.instanceId);
    if (key !== undefined) {
      const limit = options.limit ?? 2;
      // The key outlives the longest wait, so a crashed instance's slots come back by themselves.
      const taken = await this.command(() => this.redis.eval(ACQUIRE_SCRIPT, 1, key, limit, deadlineMs + 5_000));
      if (taken !== 1) throw new TooManyRunsError(limit);
    }
    try {
      // Grading is never turned away because practice runs fill the queue.
      if (priority === 'normal') {
        const waiting = await this.command(() => this.queue.count());
        if (waiting >= this.queueLimit) throw new QueueFullError(this.queueLimit);
      }
      // A fresh id per run: BullMQ's own counter restarts with an emptied Redis, and a reused id could
      // hand one caller another's result.
      const added = await this.command(() =>
        this.queue.add(priority === 'high' ? 'grading' : 'practice', request, {
          jobId: randomUUID(),
          priority: RUN_QUEUE.priority[priority],
          attempts: 1,
          removeOnComplete: { ...RUN_QUEUE.keepCompleted },
          removeOnFail: { ...RUN_QUEUE.keepFailed },
        }),
      );
      try {
        return (await added.waitUntilFinished(this.events, deadlineMs)) as RunResult;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const outcome = failedJobOutcome(job, reason);
        if (outcome instanceof RunQueueError) {
          this.logger.warn(`Run ${added.id} (${added.name}) got no result: ${reason}`);
          // Nobody waits for it any more: take it out of the queue if no runner has it yet.
          await this.queue.remove(added.id!).catch(() => undefined);
          throw outcome;
        }
        this.logger.warn(`Run ${added.id} (${added.name}) stalled out: its runners died under it twice`);
        return outcome;
      }
    } finally {
      if (key !== undefined)
        await this.command(() => this.redis.eval(RELEASE_SCRIPT, 1, key)).catch((error: Error) =>
          this.warn(`Could not release a run slot (it expires by itself): ${error.message}`),
        );
    }
  }

  depth(): Promise<number> {
    return this.command(() => this.queue.count());
  }

  /** Stops taking jobs (embedded runners) and lets the ones in progress finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    // A run takes seconds at most; a worker still busy after that (Redis away) is closed without
    // waiting, and its job goes back to the queue when its lock lapses.
    if (this.worker && !(await finishedWithin(CLOSE_MS, this.worker.close())))
      await finishedWithin(CLOSE_MS, this.worker.close(true));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await finishedWithin(CLOSE_MS, this.events.close());
    await finishedWithin(CLOSE_MS, this.queue.close());
    this.redis.disconnect();
  }

  /** One Redis round trip on the request path: failing, or slower than the timeout, means unavailable. */
  private async command<T>(call: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RunQueueError(REDIS_UNAVAILABLE)), REDIS_COMMAND_TIMEOUT_MS);
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (error) {
      if (error instanceof RunQueueError || error instanceof QueueFullError) throw error;
      this.warn(`Run queue command failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new RunQueueError(REDIS_UNAVAILABLE);
    } finally {
      clearTimeout(timer);
    }
  }

  private ready(): void {
    if (this.lastWarning) this.logger.log('Redis (runs) is reachable again');
    this.lastWarning = '';
  }

  /** One line per distinct problem: a Redis outage repeats its error at every reconnect attempt. */
  private warn(message: string): void {
    if (message === this.lastWarning) return;
    this.lastWarning = message;
    this.logger.warn(message);
  }
}
