import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ScoreSheetEntity } from './score-sheet.entity';

/**
 * A rater's current score on one rubric criterion of one question: `level` 1-5, or null for "no
 * evidence". Once the sheet is submitted it changes only through an amendment (score_amendments keeps
 * what it was). An automatic (hidden-test) level is not stored here unless a rater overrode it.
 */
@Entity('scores')
@Index(['sheetId', 'questionId', 'criterionId'], { unique: true })
// Covers a posting's agreement query (every level of its submitted sheets) without reading the rows.
@Index(['sheetId', 'questionId', 'criterionId', 'level'])
export class ScoreEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => ScoreSheetEntity, { onDelete: 'CASCADE' })
  sheet: Relation<ScoreSheetEntity>;

  @Column({ type: 'varchar', length: 36 })
  sheetId: string;

  @Column({ type: 'varchar', length: 120 })
  questionId: string;

  @Column({ type: 'varchar', length: 64 })
  criterionId: string;

  @Column({ type: 'int', nullable: true })
  level: number | null;

  @Column({ type: 'text' })
  evidence: string;

  /** Why an automatic level was replaced; null for criteria scored by hand. */
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date = new Date();
}
