import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_REMINDER_DEADLINE_MINUTES,
  MAX_REMINDER_EXPIRY_HOURS,
  type MailKind,
  type MailMessageView,
  type MailSettings,
  type MailStatusSummary,
  type ReminderSettings,
} from '@rubricon/contracts';
import { renderMail, type MailInput, type RenderedMail } from '@rubricon/mail';
import { ApiException } from '../common/api-exception';
import type { AuthUser } from '../common/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config';
import type { Database } from '../database/database';
import { nextSendAllowedAt } from './delivery-policy';
import type { MailMessageEntity, StoredMailInput } from './mail-message.entity';
import { MailRepository, SUPERSEDED, WITHDRAWN, type NewMail } from './mail.repository';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a feature asks to send: the message without the settings every mail shares. */
export type MailContent = DistributiveOmit<MailInput, 'timeZone' | 'senderName'>;

/** A message to queue: its content, whom it goes to, and what it is about. */
export interface OutgoingMail {
  content: MailContent;
  toEmail: string;
  attemptId?: string | null;
  interviewId?: string | null;
  candidateId?: string | null;
  createdById?: string | null;
  remindsOf?: Date | null;
  dedupeKey?: string | null;
}

/** Kinds whose message carries the candidate's link. */
const LINK_KINDS = new Set<MailKind>(['invitation', 'new-link', 'interview']);

/** Dates in a stored MailInput: revived when the message is rendered to be sent. */
const DATE_KEYS = ['expiresAt', 'invitedAt', 'deadline', 'startsAt', 'stampedAt'] as const;

/**
 * Mail to candidates: queues messages in the outbox (inside the caller's transaction, so a message
 * exists exactly when what it tells of does), lists them with their delivery status for HR, and
 * queues a message again on request. Sending is MailWorker's.
 */
@Injectable()
export class MailService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: MailRepository,
  ) {}

  get enabled(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  settings(): MailSettings {
    return {
      enabled: this.enabled,
      from: this.enabled ? this.config.mail.from : null,
      perRecipientPerHour: this.config.mail.perRecipientPerHour,
    };
  }

  /** Queues the messages through `tx` when given; nothing when mail is off. */
  async enqueue(mails: OutgoingMail[], tx?: Database): Promise<MailMessageEntity[]> {
    if (!this.enabled || mails.length === 0) return [];
    return this.repo.insert(
      mails.map((mail) => this.toRow(mail)),
      tx,
    );
  }

  /**
   * Queues a new link mail in place of older ones, in `tx`: older link mails and expiry reminders
   * still queued are given up (their link, or the expiry they name, no longer holds) and the rest
   * forget their link.
   */
  async enqueueReplacingLinks(
    mail: OutgoingMail,
    about: { column: 'attemptId' | 'interviewId'; id: string },
    tx: Database,
  ): Promise<MailMessageEntity[]> {
    if (!this.enabled) return [];
    await this.repo.withdraw(about, [...LINK_KINDS, 'reminder-expiry'], SUPERSEDED, new Date(), tx);
    return this.enqueue([mail], tx);
  }

  /** The invitation was withdrawn: nothing still queued about the attempt goes out, and no link is kept. */
  async withdrawAttempt(attemptId: string, tx: Database): Promise<void> {
    await this.repo.withdraw({ column: 'attemptId', id: attemptId }, null, WITHDRAWN, new Date(), tx);
  }

  /** Queues a message that may exist once (a reminder); false when it was queued before (or mail is off). */
  async enqueueOnce(mail: OutgoingMail & { dedupeKey: string }): Promise<boolean> {
    if (!this.enabled) return false;
    return this.repo.insertOnce({ ...this.toRow(mail), dedupeKey: mail.dedupeKey });
  }

  private toRow(mail: OutgoingMail): NewMail {
    const rendered = this.render(mail.content);
    const { link, ...input } = mail.content as MailContent & { link?: string };
    return {
      kind: mail.content.kind,
      lang: mail.content.lang,
      toEmail: mail.toEmail,
      toName: [...mail.content.candidateName].slice(0, 120).join(''),
      subject: [...rendered.subject].slice(0, 300).join(''),
      input: JSON.parse(JSON.stringify(input)) as StoredMailInput,
      link: link ?? null,
      remindsOf: mail.remindsOf ?? null,
      dedupeKey: mail.dedupeKey ?? null,
      attemptId: mail.attemptId ?? null,
      interviewId: mail.interviewId ?? null,
      candidateId: mail.candidateId ?? null,
      createdById: mail.createdById ?? null,
    };
  }

  /** The stored message as it goes out: rendered again, with its link when it still has one. */
  renderStored(row: MailMessageEntity): RenderedMail {
    const input = { ...row.input } as Record<string, unknown>;
    for (const key of DATE_KEYS) if (typeof input[key] === 'string') input[key] = new Date(input[key]);
    if (row.link !== null) input.link = row.link;
    return this.render(input as unknown as MailContent);
  }

  render(content: MailContent): RenderedMail {
    return renderMail({
      ...content,
      timeZone: this.config.mail.timeZone,
      senderName: this.config.mail.senderName,
    } as MailInput);
  }

  async list(filter: { attemptId?: string; interviewId?: string; candidateId?: string }): Promise<MailMessageView[]> {
    return (await this.repo.list(filter)).map(toView);
  }

  /** The newest message of each attempt or interview, for the candidate's row. */
  async latest(column: 'attemptId' | 'interviewId', ids: string[]): Promise<Map<string, MailStatusSummary>> {
    const rows = await this.repo.latest(column, ids);
    return new Map([...rows].map(([id, row]) => [id, toSummary(row)]));
  }

  async latestOne(column: 'attemptId' | 'interviewId', id: string): Promise<MailStatusSummary | null> {
    return (await this.latest(column, [id])).get(id) ?? null;
  }

  interviewMailCount(interviewId: string): Promise<number> {
    return this.repo.interviewMailCount(interviewId);
  }

  /**
   * The same message again, as a new message (the old one keeps its outcome). A failed link mail hands
   * its link to the copy, so it is sent again once at most; a link mail that was sent no longer has its
   * link: sending it again means a new link, which the caller asks for instead. A cancelled mail no
   * longer applies and is not sent again.
   */
  async resend(id: string, user: AuthUser): Promise<MailMessageView> {
    if (!this.enabled) throw new ApiException('mail-disabled');
    const row = await this.repo.get(id);
    if (!row) throw new ApiException('mail-not-found');
    if (row.status === 'queued' || row.status === 'sending') throw new ApiException('mail-not-finished');
    if (row.status === 'cancelled') throw new ApiException('mail-cancelled', { reason: row.lastError ?? '' });
    if (LINK_KINDS.has(row.kind) && row.link === null) throw new ApiException('mail-link-gone');
    await this.assertUnderCap(row.toEmail);
    const copy = await this.repo.copy(row, user.id);
    // Two clicks at once: the link went with the first copy.
    if (!copy) throw new ApiException('mail-link-gone');
    return toView(copy);
  }

  /** Refuses a message HR asks for when the address has had its hourly share (queued mail waits instead). */
  async assertUnderCap(email: string): Promise<void> {
    const now = new Date();
    const cap = this.config.mail.perRecipientPerHour;
    const allowedAt = nextSendAllowedAt(
      await this.repo.sentTimes(email, new Date(now.getTime() - 3_600_000)),
      cap,
      now,
    );
    if (allowedAt > now)
      throw new ApiException('mail-rate-limited', { email, count: cap, retryAt: allowedAt.toISOString() });
  }

  async reminders(assessmentId: string): Promise<ReminderSettings> {
    const settings = await this.repo.reminders(assessmentId);
    if (!settings) throw new ApiException('assessment-not-found');
    return settings;
  }

  async setReminders(assessmentId: string, settings: ReminderSettings): Promise<ReminderSettings> {
    const { beforeExpiryHours: hours, beforeDeadlineMinutes: minutes } = settings;
    const valid = (v: unknown, max: number) =>
      v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max);
    if (!valid(hours, MAX_REMINDER_EXPIRY_HOURS) || !valid(minutes, MAX_REMINDER_DEADLINE_MINUTES))
      throw new ApiException('reminders-invalid', {
        maxHours: MAX_REMINDER_EXPIRY_HOURS,
        maxMinutes: MAX_REMINDER_DEADLINE_MINUTES,
      });
    if (!(await this.repo.setReminders(assessmentId, { beforeExpiryHours: hours, beforeDeadlineMinutes: minutes })))
      throw new ApiException('assessment-not-found');
    return { beforeExpiryHours: hours, beforeDeadlineMinutes: minutes };
  }
}

export function toSummary(row: MailMessageEntity): MailStatusSummary {
  const at =
    row.status === 'sent'
      ? row.sentAt
      : row.status === 'queued' || row.status === 'sending'
        ? row.queuedAt
        : row.failedAt;
  return {
    messageId: row.id,
    kind: row.kind,
    status: row.status,
    lastError: row.lastError,
    at: (at ?? row.queuedAt).toISOString(),
  };
}

export function toView(row: MailMessageEntity): MailMessageView {
  const finished = row.status !== 'queued' && row.status !== 'sending';
  return {
    id: row.id,
    kind: row.kind,
    lang: row.lang,
    to: { name: row.toName, email: row.toEmail },
    subject: row.subject,
    status: row.status,
    tries: row.tries,
    lastError: row.lastError,
    queuedAt: row.queuedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt.toISOString() : null,
    attemptId: row.attemptId,
    interviewId: row.interviewId,
    candidateId: row.candidateId,
    resend:
      !finished || row.status === 'cancelled'
        ? null
        : LINK_KINDS.has(row.kind) && row.link === null
          ? 'new-link'
          : 'resend',
  };
}
