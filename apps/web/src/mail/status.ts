import type { MailMessageView, MailStatus, MailStatusSummary } from '@rubricon/contracts';

/**
 * What HR is shown of a message's delivery: the server's status, with a queued message whose last
 * try failed told apart as `retrying`. Free of React, so it is tested on its own.
 */
export type MailState = 'queued' | 'retrying' | 'sending' | 'sent' | 'failed' | 'cancelled';

export const MAIL_STATES = [
  'queued',
  'retrying',
  'sending',
  'sent',
  'failed',
  'cancelled',
] as const satisfies readonly MailState[];

export function mailState(mail: { status: MailStatus; lastError: string | null }): MailState {
  return mail.status === 'queued' && mail.lastError ? 'retrying' : mail.status;
}

/** Whether the worker still has the message: its outcome is yet to come. */
export function isPending(mail: { status: MailStatus }): boolean {
  return mail.status === 'queued' || mail.status === 'sending';
}

/** How often a screen asks again while a message it shows is on its way. */
export const MAIL_POLL_MS = 3_000;
/** …and while every such message waits for a later retry (an SMTP outage may last hours). */
export const MAIL_SLOW_POLL_MS = 15_000;

/**
 * The refetch interval of a list of messages: every 3 s while one is being sent or is due within
 * a few seconds, every 15 s while all pending ones wait for a later try, never once all are settled.
 */
export function pollForMessages(mails: readonly MailMessageView[] | undefined, now = Date.now()): number | false {
  const pending = (mails ?? []).filter(isPending);
  if (!pending.length) return false;
  const soon = pending.some(
    (m) => m.status === 'sending' || !m.nextAttemptAt || Date.parse(m.nextAttemptAt) - now <= MAIL_SLOW_POLL_MS,
  );
  return soon ? MAIL_POLL_MS : MAIL_SLOW_POLL_MS;
}

/**
 * The same for rows that carry only each attempt's latest message: 3 s while one is queued for its
 * first try or being sent, 15 s while the pending ones are retrying, never once all are settled.
 */
export function pollForSummaries(mails: readonly (MailStatusSummary | null)[] | undefined): number | false {
  const pending = (mails ?? []).filter((m): m is MailStatusSummary => m !== null && isPending(m));
  if (!pending.length) return false;
  return pending.some((m) => mailState(m) !== 'retrying') ? MAIL_POLL_MS : MAIL_SLOW_POLL_MS;
}
