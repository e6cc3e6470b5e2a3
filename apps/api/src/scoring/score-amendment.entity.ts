import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ScoreSheetEntity } from './score-sheet.entity';

/**
 * A change to a submitted sheet: one criterion's score, or (criterionId null) the recommendation;
 * `before` and `after` are JSON, so the original score survives every amendment.
 */
@Entity('score_amendments')
@Index(['sheetId', 'amendedAt'])
export class ScoreAmendmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => ScoreSheetEntity, { onDelete: 'CASCADE' })
  sheet: Relation<ScoreSheetEntity>;

  @Column({ type: 'varchar', length: 36 })
  sheetId: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  questionId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  criterionId: string | null;

  @Column({ type: 'text' })
  before: string;

  @Column({ type: 'text' })
  after: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 36 })
  amendedById: string;

  @Column({ type: 'datetime', precision: 3 })
  amendedAt: Date = new Date();
}
