import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A loaded question bank: its content hash and which question rows it is made of. */
@Entity('bank_versions')
export class BankVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  version: string;

  @Column({ type: 'int' })
  questionCount: number;

  /** JSON: question id -> bank_questions.id for this version. */
  @Column({ type: 'text' })
  questionRows: string;

  @CreateDateColumn()
  createdAt: Date;
}
