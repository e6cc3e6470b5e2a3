import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiException } from '../common/api-exception';

/** Counts code runs per staff user or per candidate attempt (set by the auth or candidate guard). */
@Injectable()
export class RunsThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(req: { user?: { id: string }; candidate?: { attemptId: string }; ip?: string }) {
    return `runs|${req.user?.id ?? req.candidate?.attemptId ?? req.ip}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ApiException('too-many-runs');
  }
}
