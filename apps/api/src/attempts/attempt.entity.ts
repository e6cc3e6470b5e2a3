import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, UpdateDateColumn, Relation } from 'typeorm';
import type { AttemptStatus } from '@rubricon/contracts';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CandidateEntity } from '../invitations/candidate.entity';
import { InvitationEntity } from '../invitations/invitation.entity';

@Entity('attempts')
@Index(['status', 'deadline'])
export class AttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => InvitationEntity, { onDelete: 'CASCADE' })
  invitation: Relation<InvitationEntity>;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36 })
  invitationId: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  assessment: Relation<AssessmentEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate: Relation<CandidateEntity>;

  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  @Column({ type: 'varchar', length: 12 })
  status: AttemptStatus;

  /** Set once, by the server, at start. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  /** startedAt + duration + extraMinutes: set at start, moved only when staff give extra time. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadline: Date | null;

  /** Extra time staff gave this candidate, in minutes (before the start too: the start adds it). */
  @Column({ type: 'int', default: 0 })
  extraMinutes: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  submittedBy: 'candidate' | 'deadline' | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  gradedAt: Date | null;

  /** Weighted share of hidden tests passed over the coding questions, 0..1. */
  @Column({ type: 'double', nullable: true })
  autoScore: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
