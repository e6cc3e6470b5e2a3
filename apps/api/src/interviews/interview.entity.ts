import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryColumn, Relation } from 'typeorm';
import type { CodeLanguage, InterviewStatus, MailLang } from '@rubricon/contracts';
import { CandidateEntity } from '../invitations/candidate.entity';
import { PostingEntity } from '../postings/posting.entity';
import { InterviewPanelEntity } from './interview-panel.entity';
import { InterviewQuestionEntity } from './interview-question.entity';

/** A scheduled live interview: one candidate, a panel of staff users, the questions to ask in order. */
@Entity('interviews')
export class InterviewEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => PostingEntity, { onDelete: 'RESTRICT' })
  posting: Relation<PostingEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  postingId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'RESTRICT' })
  candidate: Relation<CandidateEntity>;

  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 12 })
  language: CodeLanguage;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: InterviewStatus;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  /** SHA-256 of the candidate's link token; the token itself is shown once and never stored. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  linkHash: string;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  /** The language of the candidate's mail about the interview. */
  @Column({ type: 'varchar', length: 2, default: 'zh' })
  candidateLang: MailLang;

  /** Set here rather than by the database, to the millisecond on both (listings sort by it). */
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date = new Date();

  @OneToMany(() => InterviewPanelEntity, (p) => p.interview, { cascade: ['insert'] })
  panel: Relation<InterviewPanelEntity[]>;

  @OneToMany(() => InterviewQuestionEntity, (q) => q.interview, { cascade: ['insert'] })
  questions: Relation<InterviewQuestionEntity[]>;
}
