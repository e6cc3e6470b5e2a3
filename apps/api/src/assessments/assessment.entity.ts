import { randomUUID } from 'node:crypto';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import type { AssessmentStatus, BilingualText } from '@rubricon/contracts';
import type { LineDetail } from '@rubricon/generation';
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

  /**
   * The tagged duty lines as generation saw them (text, assessable, competencies); TypeORM
   * serialises and parses the JSON on both dialects (rows written as `text` before read the same). It grows
   * with the posting, past MySQL's 64 KB `text`: an import takes a document of up to 1 MiB
   * (MAX_DOCUMENT_BYTES) whose lines have up to 2,000 characters (MAX_LINE_CHARS); an edit takes up
   * to 200 lines of 2,000 characters in a 2 MB body. JSON quoting and the tags add about 0.7× the
   * text for real duties (a 1 MiB posting of them: under 2 MB) and at most 3× for 2,000-character
   * lines: some 6 MB at worst. `json` is the one type both dialects have that is big enough:
   * LONGTEXT (4 GiB) checked as JSON on MariaDB, a JSON document on MySQL 8 (up to
   * max_allowed_packet), text on SQLite.
   */
  @Column({ type: 'json' })
  duties: LineDetail[];

  @Column({ type: 'double' })
  coveragePercent: number;

  /** Why the role got its family and kinds of questions (bilingual sentences); null on assessments made before. */
  @Column({ type: 'json', nullable: true })
  familyReasons: BilingualText[] | null;

  @OneToMany(() => AssessmentQuestionEntity, (q) => q.assessment, { cascade: true })
  questions: Relation<AssessmentQuestionEntity[]>;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** Blind scoring: raters see a pseudonym instead of the candidate's name and email. */
  @Column({ type: 'boolean', default: false })
  blindScoring: boolean;

  /** Mail a reminder this many hours before an invitation not yet used expires; null: none. */
  @Column({ type: 'int', nullable: true })
  remindBeforeExpiryHours: number | null;

  /** Mail a reminder this many minutes before an attempt under way ends; null: none. */
  @Column({ type: 'int', nullable: true })
  remindBeforeDeadlineMinutes: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
