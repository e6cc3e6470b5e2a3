import {
  RUN_QUEUE,
  STALLED_OUT_REASON,
  hardDeadlineMs,
  uniformResult,
  type RunJob,
  type RunResult,
} from '@rubricon/sandbox';

/** How long a run may wait for a free runner, on top of its own run time, before its caller gets an answer. */
export const QUEUE_WAIT_MS = 30_000;
/** Practice runs waiting in the queue across the deployment beyond which new ones are refused ('sandbox-busy'). */
export const QUEUE_LIMIT = 500;
/** A Redis command on the request path that takes longer than this counts as Redis being unavailable. */
export const REDIS_COMMAND_TIMEOUT_MS = 2_000;

/** The run queue cannot answer (Redis unreachable, no runner answered in time, a runner failed the job). */
export class RunQueueError extends Error {
  readonly code = 'RUN_QUEUE_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'RunQueueError';
  }
}

export const REDIS_UNAVAILABLE =
  'The code runner cannot be reached (its queue is unavailable); try again in a few seconds.';

/**
 * The longest a caller waits for a queued run: each start of it (the first, and the retry after its
 * runner died) may take its hard deadline plus the time a dead runner's lock takes to lapse and be
 * noticed, and the run may first wait QUEUE_WAIT_MS for a free runner.
 */
export function answerDeadlineMs(job: RunJob): number {
  const oneStart =
    hardDeadlineMs(job, RUN_QUEUE.deadlineSlackMs) + RUN_QUEUE.lockDurationMs + RUN_QUEUE.stalledIntervalMs;
  return (RUN_QUEUE.maxStalledCount + 1) * oneStart + QUEUE_WAIT_MS;
}

/**
 * The Redis key counting one owner's runs in flight across every instance. Grading ('high') is the
 * system's own work, graded one attempt at a time by each instance: it is counted per instance, so one
 * instance grading never makes another's grading wait for the sweep.
 */
export function inFlightKey(prefix: string, owner: string, priority: 'normal' | 'high', instanceId: string): string {
  return priority === 'high' ? `${prefix}:runs:in-flight:${instanceId}:${owner}` : `${prefix}:runs:in-flight:${owner}`;
}

/**
 * Takes a slot when fewer than ARGV[1] are taken; the key expires ARGV[2] ms after the last taker, so
 * the slots of an instance that died mid-run come back by themselves. 1 taken, 0 refused.
 */
export const ACQUIRE_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Gives a slot back; the key goes when none are left (and never below zero, after an expiry). */
export const RELEASE_SCRIPT = `
local n = redis.call('DECR', KEYS[1])
if n <= 0 then redis.call('DEL', KEYS[1]) end
return n`;

/**
 * What the caller of a failed job gets. A job whose runners died under it twice gets a 'crashed'
 * verdict on every test, as a run whose worker process crashed does in the embedded pool; any other
 * failure (a runner that could not run it at all) is the queue's to answer for.
 */
export function failedJobOutcome(job: RunJob, failedReason: string): RunResult | RunQueueError {
  if (failedReason === STALLED_OUT_REASON)
    return uniformResult(
      job,
      'crashed',
      'The runner processes running this code stopped twice during the run; it was not retried again.',
    );
  if (/timed out before finishing/.test(failedReason))
    return new RunQueueError('The code runner did not answer in time; try again in a few seconds.');
  return new RunQueueError('The code runner could not run this code; try again in a few seconds.');
}
