import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AttemptsRepository } from './attempts.repository';

const AUDIENCE = 'candidate';
const TTL_SECONDS = 48 * 3600;

/** Candidate access tokens: scoped to one attempt, useless on staff routes (they carry an audience). */
@Injectable()
export class CandidateTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly repo: AttemptsRepository,
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
    const session = await this.repo.session(payload.sub);
    if (!session || session.revoked || session.generation !== payload.gen) return undefined;
    return payload.sub;
  }
}
