import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '@rubricon/contracts';

@Entity('users')
export class UserEntity {
  // Ids are made here, not by the database, so MySQL 8 and MariaDB store the same varchar(36).
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: StaffRole;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * When the password was last set (at creation and at every change): staff tokens issued before
   * it are refused. Null only for accounts created before it was recorded.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  credentialsChangedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
