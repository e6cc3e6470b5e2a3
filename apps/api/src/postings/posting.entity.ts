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
import { DocumentImportEntity } from './document-import.entity';
import { PostingLineEntity } from './posting-line.entity';

@Entity('postings')
export class PostingEntity {
  // Ids are made here, not by the database, so MySQL 8 and MariaDB store the same varchar(36).
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Index()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  department: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'int', nullable: true })
  headcount: number | null;

  /** postingContentHash of its title and lines, to recognise a re-import; null until computed. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  /** Position of the posting inside its source document, for a stable listing order. */
  @Column({ type: 'int', default: 0 })
  sourceIndex: number;

  @ManyToOne(() => DocumentImportEntity, { nullable: true, onDelete: 'SET NULL' })
  documentImport: Relation<DocumentImportEntity> | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  documentImportId: string | null;

  @OneToMany(() => PostingLineEntity, (line) => line.posting, { cascade: true })
  lines: Relation<PostingLineEntity[]>;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
