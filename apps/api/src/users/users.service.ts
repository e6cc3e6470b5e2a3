import { Injectable, Logger } from '@nestjs/common';
import type { AuditAction, StaffUser } from '@rubricon/contracts';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { ApiException } from '../common/api-exception';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  findActive(id: string): Promise<UserEntity | null> {
    return this.users.findActive(id);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(normalEmail(email));
  }

  async list(): Promise<StaffUser[]> {
    return (await this.users.listAll()).map(toStaffUser);
  }

  async create(dto: CreateUserDto): Promise<StaffUser> {
    const email = normalEmail(dto.email);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.users.transaction(async (tx) => {
      const created = await tx.insert({
        email,
        name: dto.name.trim(),
        role: dto.role,
        passwordHash,
        credentialsChangedAt: new Date(),
      });
      if (created)
        await this.audit.record(
          {
            action: 'user.create',
            target: { type: 'user', id: created.id },
            changes: { email: created.email, name: created.name, role: created.role },
          },
          tx.database,
        );
      return created;
    });
    if (!user) throw new ApiException('email-taken', { email });
    return toStaffUser(user);
  }

  async update(id: string, dto: UpdateUserDto, actingUserId: string): Promise<StaffUser> {
    const user = await this.users.findById(id);
    if (!user) throw new ApiException('user-not-found');
    if (id === actingUserId && (dto.active === false || (dto.role && dto.role !== 'admin')))
      throw new ApiException('self-demotion');
    // One audit entry per kind of change actually made (a PATCH may make several, or none).
    const changes: { action: AuditAction; changes: Record<string, unknown> }[] = [];
    const name = dto.name?.trim();
    if (name !== undefined && name !== user.name) {
      changes.push({ action: 'user.rename', changes: { name: { from: user.name, to: name } } });
      user.name = name;
    }
    if (dto.role !== undefined && dto.role !== user.role) {
      changes.push({ action: 'user.role', changes: { role: { from: user.role, to: dto.role } } });
      user.role = dto.role;
    }
    if (dto.active !== undefined && dto.active !== user.active) {
      changes.push({
        action: dto.active ? 'user.reactivate' : 'user.deactivate',
        changes: { active: { from: user.active, to: dto.active } },
      });
      user.active = dto.active;
    }
    // A new password ends every session of the old one (credentialsStamp). A role change or a
    // new name does not: the guard reads the role afresh on every request, so it applies at once.
    if (dto.password !== undefined) {
      user.passwordHash = await hashPassword(dto.password);
      user.credentialsChangedAt = new Date();
      changes.push({ action: 'user.password', changes: {} }); // that it was reset, never the password
    }
    const saved = await this.users.transaction(async (tx) => {
      const saved = await tx.save(user);
      for (const change of changes)
        await this.audit.record({ ...change, target: { type: 'user', id: user.id } }, tx.database);
      return saved;
    });
    return toStaffUser(saved);
  }

  /**
   * First start: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a random password
   * printed once. Later starts leave existing users alone.
   */
  async ensureAdmin(email: string, password?: string): Promise<{ email: string; generatedPassword?: string } | null> {
    if (await this.users.hasAdmin()) return null;
    const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
    const admin = await this.users.insert({
      email: normalEmail(email),
      name: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(password ?? generatedPassword!),
      credentialsChangedAt: new Date(),
    });
    if (!admin) {
      if (await this.users.hasAdmin()) return null; // another instance starting at the same time created it
      throw new Error(`Cannot create the first admin: ${email} already belongs to a user who is not an admin.`);
    }
    this.logger.log(`Created the first admin account ${email}`);
    return { email, generatedPassword };
  }
}

/**
 * The stamp of a user's current password, carried in every staff token as `pwc`: the time it was
 * set, in milliseconds (0 for accounts from before it was recorded). A token whose stamp differs
 * was signed for an earlier password, so resetting a leaked password ends every session signed in
 * with it, including one whose sign-in checked the old password while the reset was being saved.
 * A sign-in with the new password gets the new stamp at once.
 */
export function credentialsStamp(user: Pick<UserEntity, 'credentialsChangedAt'>): number {
  return user.credentialsChangedAt?.getTime() ?? 0;
}

/** Whether a staff token was signed for another password than the user's current one. */
export function tokenPredatesPassword(user: Pick<UserEntity, 'credentialsChangedAt'>, tokenStamp: unknown): boolean {
  return user.credentialsChangedAt !== null && tokenStamp !== credentialsStamp(user);
}

export function toStaffUser(user: UserEntity): StaffUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}
