import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import type { InterviewEventKind } from '@rubricon/contracts';

/** bigint columns come back as strings from mysql2: times in ms fit a double exactly. */
const msTransformer: ValueTransformer = {
  to: (v: number) => v,
  from: (v: string | number | null) => (v === null ? null : Number(v)),
};

/** Buffer on both drivers, Uint8Array in and out. */
const bytesTransformer: ValueTransformer = {
  to: (v: Uint8Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
  from: (v: Buffer) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
};

/**
 * The append-only log of one interview question's document: every Yjs update the room applied, in
 * order, with the server time and its author. Never compacted away: replay reads it.
 */
@Entity('interview_updates')
@Index(['interviewId', 'questionId', 'seq'])
export class InterviewUpdateEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 36 })
  interviewId: string;

  /** The interview question (InterviewQuestionEntity.id). */
  @Column({ type: 'varchar', length: 36 })
  questionId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'bigint', transformer: msTransformer })
  at: number;

  /** A participant id: a staff user's id, `candidate` or `system`. */
  @Column({ type: 'varchar', length: 36 })
  author: string;

  /** At most MAX_DOC_UPDATE_BYTES, which a blob holds on both databases. */
  @Column({ type: 'blob', transformer: bytesTransformer })
  update: Uint8Array;
}

/** The latest compacted state of a question's document: loading reads it plus the log after `seq`. */
@Entity('interview_snapshots')
export class InterviewSnapshotEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  interviewId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  questionId: string;

  @Column({ type: 'int' })
  seq: number;

  /** Base64 in a json column: the one type both databases have that holds more than 64 KB. */
  @Column({ type: 'json' })
  state: string;
}

/** What happened in the room besides edits (start, join, leave, reveal, run, end), for replay. */
@Entity('interview_events')
@Index(['interviewId', 'at'])
export class InterviewEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 36 })
  interviewId: string;

  @Column({ type: 'bigint', transformer: msTransformer })
  at: number;

  @Column({ type: 'varchar', length: 12 })
  kind: InterviewEventKind;

  @Column({ type: 'varchar', length: 36 })
  actor: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  questionId: string | null;

  /** run: the result as everyone in the room saw it. */
  @Column({ type: 'json', nullable: true })
  detail: object | null;
}

/** An interviewer's private Markdown note; the panel reads it only once its author shares it. */
@Entity('interview_notes')
export class InterviewNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  interviewId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
