import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiException } from '../common/api-exception';
import { RunsThrottlerGuard } from '../runs/runs-throttler.guard';

/** The cap on opening sessions, refused with a code the candidate page says in its own language. */
@Injectable()
export class CandidateThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(): Promise<void> {
    throw new ApiException('too-many-requests');
  }
}

/** The cap on a candidate's code runs, likewise. */
@Injectable()
export class CandidateRunsThrottlerGuard extends RunsThrottlerGuard {
  protected override async throwThrottlingException(): Promise<void> {
    throw new ApiException('too-many-runs');
  }
}
