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

  /**
   * The whole validated question, hidden tests and solutions included: never sent to candidates.
   * A coding task with its edge-case tests written out passes MySQL's 64 KB `text`; `json` is the one
   * type both dialects have that is big enough (LONGTEXT checked as JSON on MariaDB, a JSON document
   * on MySQL 8, text on SQLite), and TypeORM serialises and parses it on both. Typed `object` here
   * (the repository reads it as a Question): the recursive JSON types of the question schema would
   * otherwise make TypeORM's DeepPartial of every entity related to this one too deep to check.
   */
  @Column({ type: 'json' })
  content: object;

  @CreateDateColumn()
  createdAt: Date;
}
