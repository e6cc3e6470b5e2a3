import request from 'supertest';
import type {
  AssessmentView,
  AttemptSummary,
  CandidateSessionResponse,
  MailLang,
  MailMessageView,
} from '@rubricon/contracts';
import { MAIL_OFF, type MailConfig } from '../../apps/api/src/config';
import type { ReceivedMail } from '../support/smtp';
import { seedPostingId } from './postings';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Mail on, through the test SMTP server, with a quick worker: a pass every 100 ms, retries from 200 ms. */
export function mailOn(smtpUrl: string, overrides: Partial<MailConfig> = {}): MailConfig {
  return { ...MAIL_OFF, smtpUrl, pollMs: 100, retryBaseMs: 200, ...overrides };
}

/** Generates and publishes an assessment of a posting (by id), written in `lang`. */
export async function publishedAssessmentOf(
  url: string,
  hrToken: string,
  postingId: string,
  lang?: MailLang,
): Promise<AssessmentView> {
  const draft = (
    await request(url)
      .post(`/api/postings/${postingId}/assessments`)
      .set(auth(hrToken))
      .send({ seed: 3, ...(lang ? { lang } : {}) })
      .expect(201)
  ).body as AssessmentView;
  return (await request(url).post(`/api/assessments/${draft.id}/publish`).set(auth(hrToken)).expect(201)).body;
}

/** As publishedAssessmentOf, for the seed posting with this title. */
export async function publishedAssessmentIn(
  url: string,
  hrToken: string,
  postingTitle: string,
  lang: MailLang,
): Promise<AssessmentView> {
  return publishedAssessmentOf(url, hrToken, await seedPostingId(url, hrToken, postingTitle), lang);
}

/** GET /api/mail with one filter: the messages about it, newest first. */
export async function mailList(
  url: string,
  token: string,
  filter: { attemptId?: string; interviewId?: string; candidateId?: string },
): Promise<{ messages: MailMessageView[]; text: string }> {
  const res = await request(url).get('/api/mail').query(filter).set(auth(token)).expect(200);
  return { messages: res.body as MailMessageView[], text: res.text };
}

/** GET /api/assessments/:id/attempts, HR's rows with each attempt's newest mail. */
export async function attemptRows(url: string, token: string, assessmentId: string): Promise<AttemptSummary[]> {
  return (await request(url).get(`/api/assessments/${assessmentId}/attempts`).set(auth(token)).expect(200)).body;
}

/** A unique address for a test's candidate (the SMTP server tells messages apart by recipient). */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Every http(s) URL in a text. */
export function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
}

/** The assessment link (`<publicUrl>/take/<token>`) in a received mail's text body, and its token. */
export function takeLinkIn(mail: ReceivedMail): { url: string; token: string } {
  const match = /(https?:\/\/[^\s/]+\/take\/([A-Za-z0-9_-]+))/.exec(mail.text);
  if (!match) throw new Error(`No /take/ link in the mail "${mail.subject}"`);
  return { url: match[1], token: match[2] };
}

/** The interview link (`<publicUrl>/live/<token>`) in a received mail's text body, and its token. */
export function liveLinkIn(mail: ReceivedMail): { url: string; token: string } {
  const match = /(https?:\/\/[^\s/]+\/live\/([A-Za-z0-9_-]+))/.exec(mail.text);
  if (!match) throw new Error(`No /live/ link in the mail "${mail.subject}"`);
  return { url: match[1], token: match[2] };
}

/**
 * Follows a mailed assessment link as the candidate's page does: the link's host is the public URL
 * (http://rubricon.test), so its path is taken to the test server, whose candidate page opens a
 * session with the token. Resolves with the response (201 with a session, or the refusal). With
 * `clientIp`, the request comes through a proxy for that address (the server must trust loopback
 * proxies): sessions are rate-limited per address, and many candidates come from many addresses.
 */
export function followTakeLink(serverUrl: string, link: string, clientIp?: string): request.Test {
  const { pathname } = new URL(link);
  const local = new URL(pathname, serverUrl);
  const token = local.pathname.slice(local.pathname.lastIndexOf('/take/') + '/take/'.length);
  const req = request(serverUrl).post('/api/candidate/sessions');
  if (clientIp) req.set('X-Forwarded-For', clientIp);
  return req.send({ token });
}

export async function sessionFromLink(
  serverUrl: string,
  link: string,
  clientIp?: string,
): Promise<CandidateSessionResponse> {
  return (await followTakeLink(serverUrl, link, clientIp).expect(201)).body;
}

/** Unfolded content lines of an iCalendar text (RFC 5545 section 3.1). */
export function icsLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
}

/** A UTC iCalendar DATE-TIME (`20261208T100000Z`) as a Date. */
export function icsDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`Not a UTC DATE-TIME: ${value}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}
