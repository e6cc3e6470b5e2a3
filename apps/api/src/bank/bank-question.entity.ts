import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One version of one question, addressed by the hash of its content. Rows are only ever added,
 * so an assessment that points at a row keeps exactly the question it was published with.
 */
@Entity('bank_questions')
@Index(['questionId', 'contentHash'], { unique: true })
export class BankQuestionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 120 })
  questionId: string;

  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 12 })
  kind: string;

  /** The whole validated question as JSON, hidden tests and solutions included: never sent to candidates. */
  @Column({ type: 'text' })
  content: string;

  @CreateDateColumn()
  createdAt: Date;
}
