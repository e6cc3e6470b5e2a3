import { ConflictException, Injectable, Logger, NotFoundException, BadRequestException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { StaffUser } from '@rubricon/contracts';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { hashPassword } from '../auth/password';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findActive(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, active: true });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  async list(): Promise<StaffUser[]> {
    const rows = await this.users.find({ order: { createdAt: 'ASC', email: 'ASC' } });
    return rows.map(toStaffUser);
  }

  async create(dto: CreateUserDto): Promise<StaffUser> {
    const email = dto.email.trim().toLowerCase();
    if (await this.users.existsBy({ email }))
      throw new ConflictException(`A user with the email ${email} already exists.`);
    const user = this.users.create({
      email,
      name: dto.name.trim(),
      role: dto.role,
      passwordHash: await hashPassword(dto.password),
      credentialsChangedAt: new Date(),
    });
    return toStaffUser(await this.users.save(user));
  }

  async update(id: string, dto: UpdateUserDto, actingUserId: string): Promise<StaffUser> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('No such user.');
    if (id === actingUserId && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
      throw new BadRequestException('You cannot deactivate yourself or remove your own admin role.');
    }
    if (dto.name !== undefined) user.name = dto.name.trim();
    if (dto.role !== undefined) user.role = dto.role;
    if (dto.active !== undefined) user.active = dto.active;
    // A new password ends every session of the old one (credentialsStamp). A role change or a
    // new name does not: the guard reads the role afresh on every request, so it applies at once.
    if (dto.password !== undefined) {
      user.passwordHash = await hashPassword(dto.password);
      user.credentialsChangedAt = new Date();
    }
    return toStaffUser(await this.users.save(user));
  }

  /**
   * First start: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a random password
   * printed once. Later starts leave existing users alone.
   */
  async ensureAdmin(email: string, password?: string): Promise<{ email: string; generatedPassword?: string } | null> {
    if (await this.users.existsBy({ role: 'admin' })) return null;
    const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
    await this.users.save(
      this.users.create({
        email,
        name: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(password ?? generatedPassword!),
        credentialsChangedAt: new Date(),
      }),
    );
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
