import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { StaffRole } from '@rubricon/contracts';
import { tokenPredatesPassword, UsersService } from '../users/users.service';
import { ApiException } from './api-exception';

export interface AuthenticatedStaff {
  id: string;
  email: string;
  role: StaffRole;
}

/**
 * Checks a staff sign-in token: signed by us, not a candidate's (those carry an audience), of an
 * active user, issued after their last password change. REST (AuthGuard) and sockets share it.
 */
@Injectable()
export class StaffTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async verify(token: unknown): Promise<AuthenticatedStaff> {
    if (typeof token !== 'string' || !token) throw new ApiException('sign-in-required');
    let payload: { sub: string; aud?: string; pwc?: number };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; aud?: string; pwc?: number }>(token);
      if (payload.aud) throw new Error('not a staff token');
    } catch {
      throw new ApiException('sign-in-expired');
    }
    const user = await this.users.findActive(payload.sub);
    if (!user) throw new ApiException('account-inactive');
    if (tokenPredatesPassword(user, payload.pwc)) throw new ApiException('password-changed');
    return { id: user.id, email: user.email, role: user.role };
  }
}
