import { Injectable } from '@nestjs/common';
import {
  InvalidRunError,
  PoolClosedError,
  QueueFullError,
  TooManyRunsError,
  type RunRequest,
  type RunResult,
} from '@rubricon/sandbox';
import { ApiException, refuse } from '../common/api-exception';
import { SandboxPool } from './sandbox-pool.provider';

export interface RunOptions {
  /** Caps this owner's concurrent runs (default: the pool's per-key limit). */
  inFlight?: number;
  /** 'high': grading, served before practice runs and never turned away by their queue. */
  priority?: 'normal' | 'high';
}

/**
 * Runs code in the sandbox pool for one owner (a staff user, an attempt); the pool keeps each
 * owner to a couple of runs in flight. Sandbox errors become statuses a client can act on.
 */
@Injectable()
export class RunsService {
  constructor(private readonly pool: SandboxPool) {}

  /** The one door to the sandbox: staff runs, candidates' runs and grading all come through here. */
  async run(owner: string, request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
    try {
      return await this.pool.run(request, { key: owner, limit: options.inFlight, priority: options.priority });
    } catch (error) {
      // Empty or over-long code is the person's to fix, so it has a code; the rest are malformed calls.
      if (error instanceof InvalidRunError && error.problem) throw new ApiException(error.problem, error.params);
      if (error instanceof InvalidRunError) throw refuse('invalid-run', error.message);
      if (error instanceof TooManyRunsError) throw refuse('run-in-progress', error.message);
      if (error instanceof QueueFullError || error instanceof PoolClosedError)
        throw refuse('sandbox-busy', error.message);
      throw error;
    }
  }
}
