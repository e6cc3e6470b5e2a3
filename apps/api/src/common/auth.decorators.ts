import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@rubricon/contracts';

export const IS_PUBLIC = 'rubricon:isPublic';
export const ROLES = 'rubricon:roles';

/** Opts a route out of the global authentication guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route (or a whole controller) to the given staff roles. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

export interface AuthUser {
  id: string;
  email: string;
  role: StaffRole;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user,
);
