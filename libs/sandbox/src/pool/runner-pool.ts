import os from 'node:os';
import { PoolClosedError, QueueFullError, TooManyRunsError } from '../errors';
import { RunJob, RunRequest, RunResult } from '../types';
import { validateRunRequest } from '../validate';
import { resolveWorkerEntry, type RunnerEntry } from './worker-entry';
import { WorkerSlot, type WorkerExit } from './worker-slot';

export interface PoolOptions {
  /** Worker processes; default one per core. */
  size?: number;
  /**
   * Runs that may wait for a free worker; beyond it run() rejects with QueueFullError. High-priority
   * runs have a queue of their own with the same limit, so practice runs never crowd grading out.
   */
  queueLimit?: number;
  /** Worker process to fork; default the runner, apps/runner/src/main.ts (see resolveWorkerEntry). */
  entry?: RunnerEntry;
  rssLimitMb?: number;
  maxJobsPerWorker?: number;
  /** Told when a worker process ends unasked (crash, overrun, recycle); the pool restarts it. */
  onWorkerExit?: (event: WorkerExit) => void;
  /** Slack beyond a job's limits before its worker is killed (transpile, start-up, IPC). */
  deadlineSlackMs?: number;
  /** Runs one key (a candidate, a session) may have running or queued at once; default 2. */
  perKeyLimit?: number;
  /** start() rejects when the workers are not all ready by then (e.g. isolated-vm fails to load). */
  startTimeoutMs?: number;
}

export interface PoolStats {
  size: number;
  busy: number;
  queued: number;
  queueLimit: number;
  completed: number;
  /** Jobs whose worker died or was killed under them. */
  crashes: number;
  restarts: number;
  pids: number[];
}

interface Queued {
  job: RunJob;
  resolve: (result: RunResult) => void;
  reject: (error: Error) => void;
}

/**
 * Supervised pool of sandbox worker processes with a bounded queue. Framework-free: the API wraps
 * it in a provider and maps QueueFullError to 429/503 and InvalidRunError to 400.
 */
export class RunnerPool {
  /** Waiting runs: high priority (grading) first, each queue first come, first served. */
  private readonly queues = { high: [] as Queued[], normal: [] as Queued[] };
  private closed = false;
  private nextId = 1;
  private completed = 0;
  private readonly inFlight = new Map<string, number>();

  private constructor(
    private readonly slots: WorkerSlot[],
    private readonly queueLimit: number,
    private readonly perKeyLimit: number,
  ) {}

  static async start(options: PoolOptions = {}): Promise<RunnerPool> {
    const size = Math.max(1, options.size ?? os.availableParallelism());
    const entry = options.entry ?? resolveWorkerEntry();
    const slots: WorkerSlot[] = [];
    const pool = new RunnerPool(slots, options.queueLimit ?? size * 32, options.perKeyLimit ?? 2);
    for (let i = 0; i < size; i++)
      slots.push(
        new WorkerSlot({
          entry,
          rssLimitMb: options.rssLimitMb ?? 1024,
          maxJobsPerWorker: options.maxJobsPerWorker ?? 10_000,
          deadlineSlackMs: options.deadlineSlackMs ?? 5_000,
          onIdle: () => pool.pump(),
          onWorkerExit: options.onWorkerExit,
        }),
      );
    const timeoutMs = options.startTimeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const started = await Promise.race([Promise.all(slots.map((slot) => slot.start())).then(() => true), timedOut]);
    clearTimeout(timer);
    if (!started) {
      await pool.close();
      throw new Error(`Sandbox workers did not start within ${timeoutMs} ms (entry ${entry.script}).`);
    }
    return pool;
  }

  /**
   * Validates (InvalidRunError), then runs on a free worker or waits in the queue (QueueFullError
   * when full). With a `key` (e.g. the candidate's attempt id) at most perKeyLimit runs of that key
   * are in flight at once (TooManyRunsError), so one person cannot fill the queue; `limit`
   * overrides perKeyLimit for this call (candidates get 1). `priority: 'high'` runs go before every
   * queued normal run and are not refused because normal runs filled their queue (grading a
   * submitted attempt must not wait behind, or be turned away by, everyone's practice runs).
   */
  async run(
    request: RunRequest,
    options: { key?: string; limit?: number; priority?: 'normal' | 'high' } = {},
  ): Promise<RunResult> {
    if (this.closed) throw new PoolClosedError();
    const job = validateRunRequest(request);
    const { key } = options;
    const high = options.priority === 'high';
    if (key === undefined) return this.enqueue(job, high);
    const limit = options.limit ?? this.perKeyLimit;
    const count = this.inFlight.get(key) ?? 0;
    if (count >= limit) throw new TooManyRunsError(limit);
    this.inFlight.set(key, count + 1);
    try {
      return await this.enqueue(job, high);
    } finally {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    }
  }

  private enqueue(job: RunJob, high = false): Promise<RunResult> {
    return new Promise<RunResult>((resolve, reject) => {
      const item = { job, resolve, reject };
      const queue = high ? this.queues.high : this.queues.normal;
      const slot = this.slots.find((s) => s.idle);
      if (slot && this.queued() === 0) this.dispatch(slot, item);
      else if (queue.length >= this.queueLimit) reject(new QueueFullError(this.queueLimit));
      else queue.push(item);
    });
  }

  private queued(): number {
    return this.queues.high.length + this.queues.normal.length;
  }

  stats(): PoolStats {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.busy).length,
      queued: this.queued(),
      queueLimit: this.queueLimit,
      completed: this.completed,
      crashes: this.slots.reduce((n, s) => n + s.crashes, 0),
      restarts: this.slots.reduce((n, s) => n + s.restarts, 0),
      pids: this.slots.map((s) => s.pid).filter((pid): pid is number => pid !== undefined),
    };
  }

  /** Stops every worker; queued runs are rejected with PoolClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    for (const item of [...this.queues.high.splice(0), ...this.queues.normal.splice(0)])
      item.reject(new PoolClosedError());
    await Promise.all(this.slots.map((slot) => slot.close()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.idle) continue;
      const next = this.queues.high.shift() ?? this.queues.normal.shift();
      if (!next) return;
      this.dispatch(slot, next);
    }
  }

  private dispatch(slot: WorkerSlot, item: Queued): void {
    slot.run(item.job, this.nextId++).then((result) => {
      this.completed++;
      item.resolve(result);
    }, item.reject);
  }
}
