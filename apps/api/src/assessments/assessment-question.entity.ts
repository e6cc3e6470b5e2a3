import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { QuestionKind } from '@rubricon/contracts';
import { BankQuestionEntity } from '../bank/bank-question.entity';
import { AssessmentEntity } from './assessment.entity';

/** A question in an assessment, pinned to the exact stored version of the bank question. */
@Entity('assessment_questions')
@Index(['assessmentId', 'questionId'], { unique: true })
export class AssessmentQuestionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => AssessmentEntity, (a) => a.questions, { onDelete: 'CASCADE' })
  assessment: Relation<AssessmentEntity>;

  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: QuestionKind;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 120 })
  questionId: string;

  @ManyToOne(() => BankQuestionEntity, { onDelete: 'RESTRICT' })
  bankQuestion: Relation<BankQuestionEntity>;

  @Column({ type: 'varchar', length: 36 })
  bankQuestionId: string;
}
