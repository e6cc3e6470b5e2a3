import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { CodeLanguage } from '@rubricon/contracts';
import { AttemptEntity } from './attempt.entity';

/** The latest saved answer to one question; `version` rises by one with every accepted save. */
@Entity('answers')
@Index(['attemptId', 'questionId'], { unique: true })
export class AnswerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  attempt: Relation<AttemptEntity>;

  @Column({ type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 120 })
  questionId: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  language: CodeLanguage | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'datetime', precision: 3 })
  savedAt: Date;

  /** JSON { passed, total, score, criterionScore } after hidden-test grading (coding only). */
  @Column({ type: 'text', nullable: true })
  grading: string | null;
}
