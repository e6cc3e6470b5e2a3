import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { IntegrityEventType } from '@rubricon/contracts';
import { AttemptEntity } from '../attempts/attempt.entity';

/** Advisory signals (paste, focus loss, resize), timestamped by the server; never change a score. */
@Entity('integrity_events')
export class IntegrityEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  attempt: Relation<AttemptEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 12 })
  type: IntegrityEventType;

  @Column({ type: 'varchar', length: 120, nullable: true })
  questionId: string | null;

  @Column({ type: 'varchar', length: 200 })
  detail: string;

  @Column({ type: 'datetime', precision: 3 })
  occurredAt: Date;
}
