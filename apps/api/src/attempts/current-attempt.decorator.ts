import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The attempt of the candidate token that CandidateGuard checked. */
export const CurrentAttempt = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().candidate.attemptId,
);
