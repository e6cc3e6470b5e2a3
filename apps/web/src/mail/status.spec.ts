import { describe, expect, it } from '@jest/globals';
import type { MailMessageView, MailStatusSummary } from '@rubricon/contracts';
import { MAIL_POLL_MS, MAIL_SLOW_POLL_MS, mailState, pollForMessages, pollForSummaries } from './status';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

function view(over: Partial<MailMessageView>): MailMessageView {
  return {
    id: 'm1',
    kind: 'invitation',
    lang: 'en',
    to: { name: 'Ada', email: 'ada@example.com' },
    subject: 'Invitation',
    status: 'sent',
    tries: 1,
    lastError: null,
    queuedAt: at(-60_000),
    sentAt: at(-50_000),
    nextAttemptAt: null,
    attemptId: 'a1',
    interviewId: null,
    candidateId: 'c1',
    resend: 'new-link',
    ...over,
  };
}

function summary(over: Partial<MailStatusSummary>): MailStatusSummary {
  return { messageId: 'm1', kind: 'invitation', status: 'sent', lastError: null, at: at(0), ...over };
}

describe('mail delivery as HR sees it', () => {
  it('tells a queued message that failed before (retrying) from one waiting for its first try', () => {
    expect(mailState({ status: 'queued', lastError: null })).toBe('queued');
    expect(mailState({ status: 'queued', lastError: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe('retrying');
    expect(mailState({ status: 'sending', lastError: 'earlier failure' })).toBe('sending');
    expect(mailState({ status: 'sent', lastError: 'earlier failure' })).toBe('sent');
    expect(mailState({ status: 'failed', lastError: '550 no such user' })).toBe('failed');
  });

  it('asks again every 3 s while a message is being sent or due soon, every 15 s while all wait for a later try, never once settled', () => {
    expect(pollForMessages(undefined, NOW)).toBe(false);
    expect(pollForMessages([view({}), view({ status: 'failed', lastError: '550' })], NOW)).toBe(false);
    expect(pollForMessages([view({ status: 'sending', sentAt: null })], NOW)).toBe(MAIL_POLL_MS);
    expect(pollForMessages([view({ status: 'queued', sentAt: null, nextAttemptAt: at(0) })], NOW)).toBe(MAIL_POLL_MS);
    const later = view({ status: 'queued', sentAt: null, lastError: 'timeout', nextAttemptAt: at(10 * 60_000) });
    expect(pollForMessages([later, view({})], NOW)).toBe(MAIL_SLOW_POLL_MS);
    expect(pollForMessages([later, view({ status: 'queued', nextAttemptAt: at(2_000) })], NOW)).toBe(MAIL_POLL_MS);
  });

  it('polls rows by their latest message the same way', () => {
    expect(pollForSummaries(undefined)).toBe(false);
    expect(pollForSummaries([null, summary({}), summary({ status: 'failed', lastError: '550' })])).toBe(false);
    expect(pollForSummaries([null, summary({ status: 'queued' })])).toBe(MAIL_POLL_MS);
    expect(pollForSummaries([summary({ status: 'queued', lastError: 'timeout' })])).toBe(MAIL_SLOW_POLL_MS);
    expect(pollForSummaries([summary({ status: 'queued', lastError: 'x' }), summary({ status: 'sending' })])).toBe(
      MAIL_POLL_MS,
    );
  });
});
