import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { AttemptAdjustmentKind } from '@rubricon/contracts';
import { AttemptEntity } from '../attempts/attempt.entity';

/** What staff changed about one attempt (a new link, extra time, a revocation), by whom and when. */
@Entity('attempt_adjustments')
export class AttemptAdjustmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  attempt: Relation<AttemptEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: AttemptAdjustmentKind;

  /** Extra time only: the minutes added. */
  @Column({ type: 'int', nullable: true })
  minutes: number | null;

  /** The staff user who did it; kept as an id (users are deactivated, never deleted). */
  @Column({ type: 'varchar', length: 36 })
  byUserId: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
