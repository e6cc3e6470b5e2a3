import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { PostingLineKind } from '@rubricon/contracts';
import { PostingEntity } from './posting.entity';

/** One duty or requirement line; coverage maps later point at these rows. */
@Entity('posting_lines')
@Index(['postingId', 'kind', 'position'], { unique: true })
export class PostingLineEntity {
  // Ids are made here, not by the database, so MySQL 8 and MariaDB store the same varchar(36).
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => PostingEntity, (posting) => posting.lines, { onDelete: 'CASCADE' })
  posting: Relation<PostingEntity>;

  @Column({ type: 'varchar', length: 36 })
  postingId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: PostingLineKind;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  /**
   * The sub-heading the line was found under (`模型全生命周期管理`), or null. Consecutive lines of a
   * kind with the same label make one PostingLineGroup; a label is never a line of its own.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  groupLabel: string | null;
}
