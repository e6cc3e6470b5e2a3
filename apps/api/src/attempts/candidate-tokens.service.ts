import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AttemptsRepository } from './attempts.repository';

const AUDIENCE = 'candidate';
const TTL_SECONDS = 48 * 3600;

/** The part of a link's stored hash a session token names its link by: enough to tell links apart. */
const linkTag = (tokenHash: string) => tokenHash.slice(0, 16);

/** One opening of the invitation link: the attempt, the session generation it was issued, and its link. */
export interface CandidateSession {
  attemptId: string;
  generation: number;
  link: string;
}

/** Why a session no longer counts: a newer opening of the same link took over, or the link itself changed. */
export type SessionRefusal = 'session-replaced' | 'session-ended';

/** Candidate access tokens: scoped to one attempt, useless on staff routes (they carry an audience). */
@Injectable()
export class CandidateTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly repo: AttemptsRepository,
  ) {}

  sign(attemptId: string, generation: number, tokenHash: string): Promise<string> {
    return this.jwt.signAsync(
      { sub: attemptId, gen: generation, lnk: linkTag(tokenHash) },
      { audience: AUDIENCE, expiresIn: TTL_SECONDS },
    );
  }

  /**
   * The live session a token carries, or why it is not: `session-ended` when the token is missing,
   * forged, expired, not a candidate's, or its link was revoked or replaced by a new one;
   * `session-replaced` when a newer opening of the same link took over.
   */
  async session(token: unknown): Promise<CandidateSession | SessionRefusal> {
    if (typeof token !== 'string' || !token) return 'session-ended';
    let payload: { sub: string; gen: number; lnk?: string };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; gen: number; lnk?: string }>(token, { audience: AUDIENCE });
    } catch {
      return 'session-ended';
    }
    const session = { attemptId: payload.sub, generation: payload.gen, link: payload.lnk ?? '' };
    return (await this.refusal(session)) ?? session;
  }

  /** Null while `session` is the attempt's live one; read again wherever a write must not come from an older one. */
  async refusal(session: CandidateSession): Promise<SessionRefusal | null> {
    const current = await this.repo.session(session.attemptId);
    if (!current || current.revoked || linkTag(current.tokenHash) !== session.link) return 'session-ended';
    return current.generation === session.generation ? null : 'session-replaced';
  }

  /** The attempt id of a live session's token, or undefined. */
  async verify(token: unknown): Promise<string | undefined> {
    const session = await this.session(token);
    return typeof session === 'string' ? undefined : session.attemptId;
  }
}
