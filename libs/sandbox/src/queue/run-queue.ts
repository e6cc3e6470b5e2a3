/**
 * The code-run queue shared by the API (which adds runs) and apps/runner processes (which take them)
 * when REDIS_URL is set. Plain constants: nothing here loads BullMQ, so the sandbox worker processes,
 * which import this library, stay small.
 */
export const RUN_QUEUE = {
  /** BullMQ queue name; its keys live under the deployment's REDIS_PREFIX. */
  name: 'runs',
  /** BullMQ serves the lowest number first: grading a submitted attempt before anybody's practice runs. */
  priority: { high: 1, normal: 10 },
  /**
   * A runner holds each job's lock this long and renews it at half that while the job runs; a runner
   * killed with kill -9 stops renewing, so its job is free again this long after its last renewal.
   */
  lockDurationMs: 10_000,
  /** How often every runner looks for jobs whose lock lapsed (their runner died) and puts them back. */
  stalledIntervalMs: 5_000,
  /**
   * A job whose runner died is run once more, on whichever runner takes it; when that one dies under it
   * too (the code itself is likely killing runners), the job fails and its caller gets a 'crashed' verdict.
   */
  maxStalledCount: 1,
  /** Slack a runner's pool gives a job beyond its limits before killing its worker (the pool's default). */
  deadlineSlackMs: 5_000,
  /** Finished jobs kept for inspection, bounded by age (seconds) and count, so Redis does not grow. */
  keepCompleted: { age: 3_600, count: 1_000 },
  keepFailed: { age: 24 * 3_600, count: 1_000 },
} as const;

/** BullMQ's failedReason for a job that stalled more often than maxStalledCount allows. */
export const STALLED_OUT_REASON = 'job stalled more than allowable limit';

/** The BullMQ Worker settings every consumer of the run queue uses (apps/runner, or an API with RUNNERS=embedded). */
export function runWorkerSettings(concurrency: number) {
  return {
    concurrency,
    lockDuration: RUN_QUEUE.lockDurationMs,
    stalledInterval: RUN_QUEUE.stalledIntervalMs,
    maxStalledCount: RUN_QUEUE.maxStalledCount,
    removeOnComplete: { ...RUN_QUEUE.keepCompleted },
    removeOnFail: { ...RUN_QUEUE.keepFailed },
  };
}
