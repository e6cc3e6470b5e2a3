import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { MailLang } from '@rubricon/contracts';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CandidateEntity } from './candidate.entity';

/** An invitation link: only the sha256 of its random token is stored. */
@Entity('invitations')
export class InvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  assessment: Relation<AssessmentEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate: Relation<CandidateEntity>;

  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** When this link started the attempt; the link still resumes the attempt until it is over. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** Raised whenever a new candidate session is issued, or the link is revoked or resent: older sessions stop writing. */
  @Column({ type: 'int', default: 0 })
  sessionGeneration: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  /** The language of the candidate's mail, as HR chose it; null: the assessment's language. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  lang: MailLang | null;

  @CreateDateColumn()
  createdAt: Date;
}
