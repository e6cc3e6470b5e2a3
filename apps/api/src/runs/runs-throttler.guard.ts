import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Counts code runs per staff user or per candidate attempt (set by the auth or candidate guard). */
@Injectable()
export class RunsThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(req: Record<string, any>): Promise<string> {
    return `runs|${req.user?.id ?? req.candidate?.attemptId ?? req.ip}`;
  }
}
