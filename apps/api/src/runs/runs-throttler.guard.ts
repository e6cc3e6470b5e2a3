import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RUNS_LIMIT_MESSAGE } from '../auth/throttler-messages';

/** Counts code runs per staff user or per candidate attempt (set by the auth or candidate guard). */
@Injectable()
export class RunsThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(req: Record<string, any>): Promise<string> {
    return `runs|${req.user?.id ?? req.candidate?.attemptId ?? req.ip}`;
  }

  protected async getErrorMessage(_context: ExecutionContext, _detail: ThrottlerLimitDetail): Promise<string> {
    return RUNS_LIMIT_MESSAGE;
  }
}
