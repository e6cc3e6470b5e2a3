import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { MailKind, MailLang, MailStatus } from '@rubricon/contracts';
import { AttemptEntity } from '../attempts/attempt.entity';
import { InterviewEntity } from '../interviews/interview.entity';

/** A MailInput without its link, as JSON keeps it: dates as ISO text. */
export type StoredMailInput = { [key: string]: string | number | boolean | null | { zh: string; en: string } };

/**
 * The outbox: one row per message to a candidate, written in the same transaction as what it tells
 * of (an invitation, a new link, extra time...). A worker claims due rows, sends them over SMTP and
 * records the outcome; a restart or an SMTP outage leaves the rows to be sent later.
 */
@Entity('mail_messages')
@Index(['status', 'nextAttemptAt'])
@Index(['toEmail', 'sentAt'])
export class MailMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 20 })
  kind: MailKind;

  @Column({ type: 'varchar', length: 2 })
  lang: MailLang;

  @Column({ type: 'varchar', length: 254 })
  toEmail: string;

  @Column({ type: 'varchar', length: 120 })
  toName: string;

  /** As rendered when queued, for HR's list; the mail itself is rendered again when sent. */
  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** What the message says (MailInput without its link), dates as ISO text. */
  @Column({ type: 'json' })
  input: StoredMailInput;

  /** The candidate's link in a link mail: a secret, kept only until the mail is sent. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  tries: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** While `sending`: when the claim lapses (a worker that died mid-send leaves the row to another). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  /** When it was given up for good (failed) or cancelled. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  failedAt: Date | null;

  /** The SMTP server's answer to the accepted message. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  smtpResponse: string | null;

  /** Reminders only: the expiry or deadline it reminds of; one reminder per moment. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  remindsOf: Date | null;

  /** Set for messages that must exist once at most (reminders): a second insert is refused. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  attempt: Relation<AttemptEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  attemptId: string | null;

  @ManyToOne(() => InterviewEntity, { onDelete: 'CASCADE' })
  interview: Relation<InterviewEntity>;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  interviewId: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  candidateId: string | null;

  /** The staff user whose action queued it; null for reminders. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: 'datetime', precision: 3 })
  queuedAt: Date = new Date();
}
