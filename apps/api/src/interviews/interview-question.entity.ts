import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { QuestionKind } from '@rubricon/contracts';
import { BankQuestionEntity } from '../bank/bank-question.entity';
import { InterviewEntity } from './interview.entity';

/** A question of an interview, pinned to the stored version of the bank question; revealed one at a time. */
@Entity('interview_questions')
@Index(['interviewId', 'position'], { unique: true })
export class InterviewQuestionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => InterviewEntity, (i) => i.questions, { onDelete: 'CASCADE' })
  interview: Relation<InterviewEntity>;

  @Column({ type: 'varchar', length: 36 })
  interviewId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 12 })
  kind: QuestionKind;

  /** The bank's stable id (`coding.two-sum`). */
  @Column({ type: 'varchar', length: 120 })
  questionId: string;

  @ManyToOne(() => BankQuestionEntity, { onDelete: 'RESTRICT' })
  bankQuestion: Relation<BankQuestionEntity>;

  @Column({ type: 'varchar', length: 36 })
  bankQuestionId: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revealedAt: Date | null;
}
