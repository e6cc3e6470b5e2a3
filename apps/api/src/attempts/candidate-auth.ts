import { CanActivate, createParamDecorator, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CandidateException } from '../common/candidate-exception';
import { RunsThrottlerGuard } from '../runs/runs-throttler.guard';
import { AttemptEntity } from './attempt.entity';

const AUDIENCE = 'candidate';
const TTL_SECONDS = 48 * 3600;
/** Said over REST (401) and to a refused socket handshake. */
export const SESSION_ENDED =
  'This session has ended (expired, replaced by a newer one, or withdrawn). Open your latest invitation link again.';

/** Candidate access tokens: scoped to one attempt, useless on staff routes (they carry an audience). */
@Injectable()
export class CandidateTokens {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  sign(attemptId: string, generation: number): Promise<string> {
    return this.jwt.signAsync({ sub: attemptId, gen: generation }, { audience: AUDIENCE, expiresIn: TTL_SECONDS });
  }

  /**
   * The attempt id, or undefined when the token is missing, forged, expired, not a candidate's, or
   * from a session that a newer one, a revocation or a resent link has replaced.
   */
  async verify(token: unknown): Promise<string | undefined> {
    if (typeof token !== 'string' || !token) return undefined;
    let payload: { sub: string; gen: number };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; gen: number }>(token, { audience: AUDIENCE });
    } catch {
      return undefined;
    }
    const attempt = await this.dataSource
      .getRepository(AttemptEntity)
      .findOne({ where: { id: payload.sub }, relations: { invitation: true } });
    const invitation = attempt?.invitation;
    if (!invitation || invitation.revokedAt || invitation.sessionGeneration !== payload.gen) return undefined;
    return payload.sub;
  }
}

@Injectable()
export class CandidateGuard implements CanActivate {
  constructor(private readonly tokens: CandidateTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const header = String(request.headers.authorization ?? '');
    const attemptId = await this.tokens.verify(header.replace(/^Bearer\s+/i, ''));
    if (!attemptId) throw new CandidateException(HttpStatus.UNAUTHORIZED, 'session-ended', SESSION_ENDED);
    request.candidate = { attemptId };
    return true;
  }
}

/** The cap on opening sessions, refused with a code the candidate page says in its own language. */
@Injectable()
export class CandidateThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new CandidateException(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-requests',
      await this.getErrorMessage(context, detail),
    );
  }
}

/** The cap on a candidate's code runs, likewise. */
@Injectable()
export class CandidateRunsThrottlerGuard extends RunsThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new CandidateException(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-runs',
      await this.getErrorMessage(context, detail),
    );
  }
}

export const CurrentAttempt = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().candidate.attemptId,
);
