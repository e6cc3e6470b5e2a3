import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { finishedWithin } from '../cluster/bounded';
import { RedisConnections } from '../cluster/redis-connections';
import { AttemptEvents } from '../common/attempt-events';
import { AttemptsService } from './attempts.service';

const QUEUE = 'deadlines';
/** The longest shutdown waits for each BullMQ close. */
const CLOSE_MS = 5_000;

interface DeadlineJob {
  attemptId: string;
}

/**
 * Scale-out: the prompt trigger for deadlines. When an attempt starts (or its deadline moves), a
 * delayed BullMQ job is added for the moment it ends, with an id made of the attempt and the
 * deadline, so adding it again (another event, a retry) changes nothing. Whichever instance's
 * worker takes the job submits the attempt; the database's conditional update (in progress, at or
 * after its deadline) decides whether anything happens, so a job for an old deadline, a job run
 * twice, and the periodic sweep (DeadlineScheduler, the safety net when Redis lost the job) never
 * submit an attempt twice or early. Without Redis this does nothing: the sweep alone is prompt.
 */
@Injectable()
export class DeadlineJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineJobs');
  private queue?: Queue<DeadlineJob>;
  private worker?: Worker<DeadlineJob>;
  private stopListening?: () => void;

  constructor(
    private readonly attempts: AttemptsService,
    private readonly events: AttemptEvents,
    @Optional() private readonly redis?: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.redis) return;
    const { prefix } = this.redis.config;
    const connection = this.redis.open('deadline-jobs', { maxRetriesPerRequest: null });
    this.queue = new Queue<DeadlineJob>(QUEUE, { connection, prefix });
    this.queue.on('error', (error) => this.logger.warn(`deadline queue: ${error.message}`));
    this.worker = new Worker<DeadlineJob>(QUEUE, (job) => this.fire(job), {
      connection: this.redis.open('deadline-worker', { maxRetriesPerRequest: null }),
      prefix,
      concurrency: 20,
    });
    this.worker.on('error', (error) => this.logger.warn(`deadline worker: ${error.message}`));
    // This instance's own starts and extensions: each change is scheduled once, where it happened.
    this.stopListening = this.events.subscribe((change) => {
      if (change.status === 'in_progress' && change.deadline) void this.schedule(change.attemptId, change.deadline);
    });
  }

  /** Adds the delayed job for an attempt's deadline; a failure is logged and left to the sweep. */
  async schedule(attemptId: string, deadline: string): Promise<void> {
    const at = Date.parse(deadline);
    try {
      await this.queue?.add(
        'deadline',
        { attemptId },
        {
          jobId: `${attemptId}-${at}`,
          delay: Math.max(0, at - Date.now()),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { age: 3_600 },
          removeOnFail: { age: 24 * 3_600 },
        },
      );
    } catch (error) {
      this.logger.warn(`deadline job for attempt ${attemptId} not added (the sweep will submit it): ${String(error)}`);
    }
  }

  private async fire(job: Job<DeadlineJob>): Promise<void> {
    if (await this.attempts.submit(job.data.attemptId, 'deadline'))
      this.logger.log(`Submitted attempt ${job.data.attemptId} at its deadline`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopListening?.();
    // Lets a job in hand finish (its submit is one update), then stops taking jobs; a Redis that
    // does not answer gets a few seconds, then the worker is closed without waiting (the sweep and
    // the job's retry cover an attempt it held).
    if (this.worker && !(await finishedWithin(CLOSE_MS, this.worker.close())))
      await finishedWithin(CLOSE_MS, this.worker.close(true));
    if (this.queue) await finishedWithin(CLOSE_MS, this.queue.close());
  }
}
