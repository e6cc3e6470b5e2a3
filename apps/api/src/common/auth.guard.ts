import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@rubricon/contracts';
import { ApiException } from './api-exception';
import { RequestContext } from './request-context';
import { StaffTokens } from './staff-tokens';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/**
 * Global guard: every route needs a valid bearer token of an active staff user unless marked
 * @Public(); @Roles() narrows it further.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: StaffTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateways
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const user = await this.tokens.verify(bearerToken(request.headers.authorization));
    request.user = user;
    RequestContext.setActor(user); // the audit log's actor for the rest of this request

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
