/**
 * Mail to candidates: what the API says about each message it queued. Mail leaves through an outbox
 * (one row per message); a worker sends it over SMTP with retries.
 */

/** The language a candidate's mail is written in. */
export type MailLang = 'zh' | 'en';

export const MAIL_LANGS = ['zh', 'en'] as const satisfies readonly MailLang[];

/**
 * What a message is:
 * - `invitation`: the assessment, its time, until when the link works, and the link;
 * - `new-link`: HR replaced the link (the old one stopped working);
 * - `reminder-expiry`: the invitation expires soon and the attempt has not started;
 * - `reminder-deadline`: an attempt under way ends soon;
 * - `extra-time`: HR gave the candidate more time;
 * - `interview`: a live interview, its time and link, with an .ics calendar file;
 * - `explanation`: how the candidate's result was reached, as HR sends it.
 */
export type MailKind =
  'invitation' | 'new-link' | 'reminder-expiry' | 'reminder-deadline' | 'extra-time' | 'interview' | 'explanation';

export const MAIL_KINDS = [
  'invitation',
  'new-link',
  'reminder-expiry',
  'reminder-deadline',
  'extra-time',
  'interview',
  'explanation',
] as const satisfies readonly MailKind[];

/**
 * `queued`: waiting to be sent (after a failed try, `lastError` says why and `nextAttemptAt` when it
 * is tried again); `sending`: a worker has it now; `sent`: the SMTP server accepted it; `failed`: given
 * up, for good (the server refused the address, or every retry failed): `lastError` says why;
 * `cancelled`: not sent because it no longer applied (the invitation was withdrawn, a newer link
 * replaced its link, the attempt started or ended before a reminder went out): `lastError` says which.
 */
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

export const MAIL_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'cancelled',
] as const satisfies readonly MailStatus[];

/** The latest message about an attempt or interview, for the candidate's row. */
export interface MailStatusSummary {
  messageId: string;
  kind: MailKind;
  status: MailStatus;
  /** The SMTP server's answer or the connection error of the last failed try; null when none failed. */
  lastError: string | null;
  /** When it was queued, sent, or given up. */
  at: string;
}

/** GET /mail, one message as HR sees it. The link in a link mail is never shown. */
export interface MailMessageView {
  id: string;
  kind: MailKind;
  lang: MailLang;
  to: { name: string; email: string };
  subject: string;
  status: MailStatus;
  /** Tries so far. */
  tries: number;
  lastError: string | null;
  queuedAt: string;
  sentAt: string | null;
  /** When a queued message is tried next (after a failure, or when the per-hour cap is reached). */
  nextAttemptAt: string | null;
  attemptId: string | null;
  interviewId: string | null;
  candidateId: string | null;
  /**
   * `resend`: the same message again; `new-link`: its link was kept only until it was sent, so
   * sending it again means sending a new link (the old one stops working); null: nothing to resend
   * (the message is still queued or being sent, or was cancelled because it no longer applied).
   */
  resend: 'resend' | 'new-link' | null;
}

/** GET /mail/settings: whether mail is configured, and its limits. */
export interface MailSettings {
  /** False when SMTP_URL is unset: links and messages go to candidates by hand. */
  enabled: boolean;
  /** The From address mail is sent as; null when disabled. */
  from: string | null;
  /** The most messages one address receives in an hour; more wait for the next hour. */
  perRecipientPerHour: number;
}

/**
 * An assessment's reminders: `beforeExpiryHours` before the invitation expires (attempts not
 * started), `beforeDeadlineMinutes` before the attempt's deadline (attempts under way); null: off.
 */
export interface ReminderSettings {
  beforeExpiryHours: number | null;
  beforeDeadlineMinutes: number | null;
}

export const MAX_REMINDER_EXPIRY_HOURS = 24 * 14;
export const MAX_REMINDER_DEADLINE_MINUTES = 24 * 60;
