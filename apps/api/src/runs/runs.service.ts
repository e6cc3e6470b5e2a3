import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  InvalidRunError,
  PoolClosedError,
  QueueFullError,
  TooManyRunsError,
  type RunRequest,
  type RunResult,
} from '@rubricon/sandbox';
import { SandboxPool } from './runner-pool.provider';

/**
 * Runs code in the sandbox pool for one owner (a staff user, an attempt); the pool keeps each
 * owner to a couple of runs in flight. Sandbox errors become statuses a client can act on.
 */
@Injectable()
export class RunsService {
  constructor(private readonly pool: SandboxPool) {}

  /** `inFlight` caps this owner's concurrent runs (default: the pool's per-key limit). */
  async run(owner: string, request: RunRequest, inFlight?: number): Promise<RunResult> {
    try {
      return await this.pool.run(request, { key: owner, limit: inFlight });
    } catch (error) {
      if (error instanceof InvalidRunError) throw new BadRequestException(error.message);
      if (error instanceof TooManyRunsError) throw new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS);
      if (error instanceof QueueFullError || error instanceof PoolClosedError)
        throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }
}
