import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AuditAction } from '@rubricon/contracts';

/**
 * One line of the audit log: who did what to which target, when, from which address, and what
 * changed. Written in the same transaction as the change; the API offers no way to edit or delete it.
 */
@Entity('audit_log')
@Index(['at'])
@Index(['targetType', 'targetId'])
@Index(['action', 'at'])
@Index(['actorId', 'at'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'datetime', precision: 3 })
  at: Date = new Date();

  /** The staff user; null for the system (a deadline, the first start). No foreign key: users outlive nothing here. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  /** The actor's email and role at the time, kept even if the user changes later. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 40 })
  targetType: string;

  @Column({ type: 'varchar', length: 120 })
  targetId: string;

  /** JSON object: what changed. */
  @Column({ type: 'text' })
  changes: string;
}
