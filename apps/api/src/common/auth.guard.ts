import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { StaffRole } from '@rubricon/contracts';
import { tokenPredatesPassword, UsersService } from '../users/users.service';
import { ApiException } from './api-exception';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/**
 * Global guard: every route needs a valid bearer token of an active staff user unless marked
 * @Public(); @Roles() narrows it further.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateways
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new ApiException('sign-in-required');
    let payload: { sub: string; aud?: string; pwc?: number };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; aud?: string; pwc?: number }>(token);
      if (payload.aud) throw new Error('not a staff token'); // candidate tokens carry an audience
    } catch {
      throw new ApiException('sign-in-expired');
    }
    const user = await this.users.findActive(payload.sub);
    if (!user) throw new ApiException('account-inactive');
    if (tokenPredatesPassword(user, payload.pwc)) throw new ApiException('password-changed');
    request.user = { id: user.id, email: user.email, role: user.role };

    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ApiException('role-required', { roles: roles.join(', ') });
    return true;
  }
}

function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}
