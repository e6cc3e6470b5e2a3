import { Injectable, Optional } from '@nestjs/common';
import {
  InvalidRunError,
  PoolClosedError,
  QueueFullError,
  TooManyRunsError,
  type RunRequest,
  type RunResult,
} from '@rubricon/sandbox';
import { ApiException, refuse } from '../common/api-exception';
import { Metrics } from '../metrics/metrics';
import { RunBackend } from './run-backend';
import { RunQueueError } from './run-queue-rules';

export interface RunOptions {
  /** Caps this owner's concurrent runs (default: the pool's per-key limit). */
  inFlight?: number;
  /** 'high': grading, served before practice runs and never turned away by their queue. */
  priority?: 'normal' | 'high';
}

/**
 * Runs code for one owner (a staff user, an attempt) on the run backend: this process's sandbox pool,
 * or with REDIS_URL the queue to the runner processes. Either keeps each owner to a couple of runs in
 * flight. Sandbox and queue errors become statuses a client can act on.
 */
@Injectable()
export class RunsService {
  constructor(
    private readonly backend: RunBackend,
    @Optional() private readonly metrics?: Metrics,
  ) {
    metrics?.registerQueueDepth(() => backend.depth());
  }

  /** The one door to the sandbox: staff runs, candidates' runs and grading all come through here. */
  async run(owner: string, request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
    const kind = options.priority === 'high' ? 'grading' : 'practice';
    const started = Date.now();
    try {
      const result = await this.backend.run(request, {
        key: owner,
        limit: options.inFlight,
        priority: options.priority,
      });
      this.metrics?.runFinished(kind, result.verdict, Date.now() - started);
      return result;
    } catch (error) {
      const refusal = this.refusal(error);
      this.metrics?.runFinished(kind, refusal instanceof ApiException ? refusal.code : 'error', Date.now() - started);
      throw refusal;
    }
  }

  /** What the caller is told about a failed run: an error with a code where there is one. */
  private refusal(error: unknown): unknown {
    // Empty or over-long code is the person's to fix, so it has a code; the rest are malformed calls.
    if (error instanceof InvalidRunError && error.problem) return new ApiException(error.problem, error.params);
    if (error instanceof InvalidRunError) return refuse('invalid-run', error.message);
    if (error instanceof TooManyRunsError) return refuse('run-in-progress', error.message);
    if (error instanceof QueueFullError || error instanceof PoolClosedError || error instanceof RunQueueError)
      return refuse('sandbox-busy', error.message);
    return error;
  }
}
