import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { isDuplicateKey } from '../database/driver-errors';
import { UserEntity } from './user.entity';

export type NewUser = Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash' | 'credentialsChangedAt'>;

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  /** All of `work` commits or none of it; `work` gets this repository bound to the transaction. */
  transaction<T>(work: (tx: UsersRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new UsersRepository(db)));
  }

  /** The Database this repository works through (in a transaction, the transaction's): for the audit log to join it. */
  get database(): Database {
    return this.db;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.db.run((m) => m.findOneBy(UserEntity, { id }));
  }

  findActive(id: string): Promise<UserEntity | null> {
    return this.db.run((m) => m.findOneBy(UserEntity, { id, active: true }));
  }

  /** `email` as stored: trimmed and lower-cased. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.db.run((m) => m.findOneBy(UserEntity, { email }));
  }

  listAll(): Promise<UserEntity[]> {
    return this.db.run((m) => m.find(UserEntity, { order: { createdAt: 'ASC', email: 'ASC' } }));
  }

  hasAdmin(): Promise<boolean> {
    return this.db.run((m) => m.existsBy(UserEntity, { role: 'admin' }));
  }

  /** The new user, or null when the email is taken (the unique key decides, so a race cannot make two). */
  async insert(user: NewUser): Promise<UserEntity | null> {
    try {
      return await this.db.run((m) => m.save(m.create(UserEntity, user)));
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.db.run((m) => m.save(user));
  }
}
