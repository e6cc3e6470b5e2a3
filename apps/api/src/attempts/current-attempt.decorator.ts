import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CandidateSession } from './candidate-tokens.service';

/** The attempt of the candidate token that CandidateGuard checked. */
export const CurrentAttempt = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().candidate.attemptId,
);

/** The whole session CandidateGuard checked: writes carry its generation. */
export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CandidateSession => ctx.switchToHttp().getRequest().candidate,
);
