import type { RunRequest, RunResult } from '@rubricon/sandbox';

export interface BackendRunOptions {
  /** Whose run it is (a staff user, an attempt, 'grading'): at most `limit` of one key run at once. */
  key?: string;
  limit?: number;
  /** 'high': grading, served before practice runs and never refused because they fill the queue. */
  priority?: 'normal' | 'high';
}

/**
 * Where code runs: the embedded pool of this process (SandboxPool, one process) or the BullMQ queue
 * that apps/runner processes consume (QueuedRuns, with REDIS_URL). Both throw the sandbox's errors
 * (InvalidRunError, TooManyRunsError, QueueFullError, PoolClosedError) or a RunQueueError, which
 * RunsService, the only caller, turns into API codes.
 */
export abstract class RunBackend {
  abstract run(request: RunRequest, options?: BackendRunOptions): Promise<RunResult>;
  /** Runs waiting for a free worker (for a queue-depth gauge). */
  abstract depth(): Promise<number>;
}
