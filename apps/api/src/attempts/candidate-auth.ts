import { CanActivate, createParamDecorator, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptEntity } from './attempt.entity';

const AUDIENCE = 'candidate';
const TTL_SECONDS = 48 * 3600;

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
    const attempt = await this.dataSource.getRepository(AttemptEntity).findOne({ where: { id: payload.sub }, relations: { invitation: true } });
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
    if (!attemptId) throw new UnauthorizedException('This session has ended (expired, replaced by a newer one, or withdrawn). Open your latest invitation link again.');
    request.candidate = { attemptId };
    return true;
  }
}

export const CurrentAttempt = createParamDecorator((_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().candidate.attemptId);
