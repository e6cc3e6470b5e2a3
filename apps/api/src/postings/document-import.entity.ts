import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every imported document; the sha256 lets first-start seeding run exactly once. */
@Entity('document_imports')
export class DocumentImportEntity {
  // Ids are made here, not by the database, so MySQL 8 and MariaDB store the same varchar(36).
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 12 })
  format: string;

  @Column({ type: 'varchar', length: 12 })
  source: 'seed' | 'upload' | 'paste';

  /** The sha256 again, for seed documents only: unique, so two instances starting together seed once. */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  seedKey: string | null;

  @Column({ type: 'int' })
  postingCount: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  importedById: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
