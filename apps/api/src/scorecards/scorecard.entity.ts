import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A candidate's scorecard for one posting, computed from the submitted sheets and stored, so that a
 * posting's ranking is one indexed query however many scores lie behind it. Recomputed whenever a
 * sheet of the candidate for the posting is assigned, submitted, amended or graded.
 */
@Entity('scorecards')
@Index(['postingId', 'candidateId'], { unique: true })
@Index(['postingId', 'total'])
export class ScorecardEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  postingId: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  /** Panel total on the 1-5 scale; null until something is scored. */
  @Column({ type: 'double', nullable: true })
  total: number | null;

  @Column({ type: 'int' })
  ratersAssigned: number;

  @Column({ type: 'int' })
  ratersSubmitted: number;

  @Column({ type: 'int' })
  flagCount: number;

  /** JSON: ScorecardFlag[]. */
  @Column({ type: 'text' })
  flags: string;

  /** JSON: { competencyId: score }. */
  @Column({ type: 'text' })
  competencies: string;

  /** JSON: RecommendationCounts. */
  @Column({ type: 'text' })
  recommendations: string;

  /** JSON: SubjectKind[]. */
  @Column({ type: 'text' })
  sources: string;

  /** Comma-separated ids of assigned raters who have not submitted (they may not see the scores yet). */
  @Column({ type: 'text' })
  pendingRaters: string;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date = new Date();
}
