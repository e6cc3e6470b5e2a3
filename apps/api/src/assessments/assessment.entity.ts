import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryColumn, UpdateDateColumn, Relation } from 'typeorm';
import type { AssessmentStatus } from '@rubricon/contracts';
import { PostingEntity } from '../postings/posting.entity';
import { AssessmentQuestionEntity } from './assessment-question.entity';

@Entity('assessments')
export class AssessmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  // A posting with assessments cannot be deleted: published ones and candidates' work hang on it.
  @ManyToOne(() => PostingEntity, { onDelete: 'RESTRICT' })
  posting: Relation<PostingEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  postingId: string;

  @Column({ type: 'varchar', length: 12 })
  status: AssessmentStatus;

  @Column({ type: 'int', nullable: true })
  seed: number | null;

  @Column({ type: 'varchar', length: 2 })
  lang: 'zh' | 'en';

  @Column({ type: 'varchar', length: 20 })
  roleFamily: string;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 64 })
  bankVersion: string;

  /** JSON: the tagged duty lines as generation saw them (text, assessable, competencies). */
  @Column({ type: 'text' })
  duties: string;

  @Column({ type: 'double' })
  coveragePercent: number;

  @OneToMany(() => AssessmentQuestionEntity, (q) => q.assessment, { cascade: true })
  questions: Relation<AssessmentQuestionEntity[]>;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
