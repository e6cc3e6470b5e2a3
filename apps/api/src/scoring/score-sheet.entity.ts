import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { Recommendation, SheetStatus, SubjectKind } from '@rubricon/contracts';
import { CandidateEntity } from '../invitations/candidate.entity';
import { PostingEntity } from '../postings/posting.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One rater's assignment to score one subject (an attempt or an interview), and their scoring of it:
 * created when HR assigns the rater, `submitted` once they submit. The posting and candidate are
 * copied from the subject so that scorecards and rankings need no join through attempts and interviews.
 */
@Entity('score_sheets')
@Index(['subjectKind', 'subjectId', 'raterId'], { unique: true })
@Index(['raterId', 'status'])
@Index(['postingId', 'candidateId'])
export class ScoreSheetEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 12 })
  subjectKind: SubjectKind;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @ManyToOne(() => PostingEntity, { onDelete: 'CASCADE' })
  posting: Relation<PostingEntity>;

  @Column({ type: 'varchar', length: 36 })
  postingId: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  candidate: Relation<CandidateEntity>;

  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  rater: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 36 })
  raterId: string;

  @Column({ type: 'varchar', length: 12 })
  status: SheetStatus;

  @Column({ type: 'varchar', length: 12, nullable: true })
  recommendation: Recommendation | null;

  @Column({ type: 'varchar', length: 36 })
  assignedById: string;

  @Column({ type: 'datetime', precision: 3 })
  assignedAt: Date = new Date();

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;
}
