import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { InvitationLink, MailLang, ReminderSettings } from '@rubricon/contracts';
import { formatWhen } from '@rubricon/mail';
import { DEVELOPER_POSTING, startedAttempt } from '../factories/attempts';
import { mailList, publishedAssessmentIn, uniqueEmail, urlsIn } from '../factories/mail';
import { createStaff } from '../factories/staff';
import { candidateApi, staffApi } from '../support/candidate-client';
import { setAttemptDeadline, setInvitationExpiry } from '../support/database-clock';
import { databaseKinds } from '../support/databases';
import { useMailSuite } from '../support/smtp';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Reminders are looked for every 5 worker passes (100 ms each here): this covers several looks. */
const SEVERAL_LOOKS_MS = 2000;

describe.each(databaseKinds().map((k) => [k.name, k] as const))('mail reminders on %s', (_name, kind) => {
  const suite = useMailSuite(kind);
  const hr = (method: 'get' | 'post' | 'put', path: string) =>
    request(suite.server.url)[method](path).set('Authorization', `Bearer ${suite.token}`);
  const inviteAll = async (assessmentId: string, tags: string[], lang?: MailLang): Promise<InvitationLink[]> =>
    (
      await hr('post', `/api/assessments/${assessmentId}/invitations`)
        .send({ candidates: tags.map((t) => ({ name: `Reminded ${t}`, email: uniqueEmail(t) })), lang })
        .expect(201)
    ).body;
  const mailsTo = (email: string, n: number) => suite.smtp.waitFor(n, 15_000, (m) => m.envelope.rcptTo.includes(email));
  const kindsOf = async (attemptId: string) =>
    (await mailList(suite.server.url, suite.token, { attemptId })).messages.map((m) => [m.kind, m.status]);

  it('takes reminder settings of whole hours and minutes in range, or null for none, and refuses anything else', async () => {
    const { id } = await publishedAssessmentIn(suite.server.url, suite.token, DEVELOPER_POSTING, 'zh');
    const path = `/api/assessments/${id}/reminders`;
    expect((await hr('get', path).expect(200)).body).toEqual({ beforeExpiryHours: null, beforeDeadlineMinutes: null });
    const bad: Record<string, unknown>[] = [
      { beforeExpiryHours: 0, beforeDeadlineMinutes: null },
      { beforeExpiryHours: -1, beforeDeadlineMinutes: null },
      { beforeExpiryHours: 1.5, beforeDeadlineMinutes: null },
      { beforeExpiryHours: 'x', beforeDeadlineMinutes: null },
      { beforeExpiryHours: '24', beforeDeadlineMinutes: null },
      { beforeExpiryHours: 337, beforeDeadlineMinutes: null },
      { beforeExpiryHours: null, beforeDeadlineMinutes: 0 },
      { beforeExpiryHours: null, beforeDeadlineMinutes: 1.5 },
      { beforeExpiryHours: null, beforeDeadlineMinutes: 'x' },
      { beforeExpiryHours: null, beforeDeadlineMinutes: 1441 },
      { beforeExpiryHours: null, beforeDeadlineMinutes: true },
      { beforeExpiryHours: 24 },
      {},
    ];
    for (const body of bad) {
      const res = await hr('put', path).send(body);
      expect([res.status, res.body.code, JSON.stringify(body)]).toEqual([
        400,
        'reminders-invalid',
        JSON.stringify(body),
      ]);
      expect(res.body.params).toEqual({ maxHours: 336, maxMinutes: 1440 });
    }
    expect((await hr('get', path).expect(200)).body).toEqual({ beforeExpiryHours: null, beforeDeadlineMinutes: null });

    const most: ReminderSettings = { beforeExpiryHours: 336, beforeDeadlineMinutes: 1440 };
    expect((await hr('put', path).send(most).expect(200)).body).toEqual(most);
    expect((await hr('get', path).expect(200)).body).toEqual(most);
    const least: ReminderSettings = { beforeExpiryHours: 1, beforeDeadlineMinutes: null };
    expect((await hr('put', path).send(least).expect(200)).body).toEqual(least);
    expect((await hr('get', path).expect(200)).body).toEqual(least);
    const off: ReminderSettings = { beforeExpiryHours: null, beforeDeadlineMinutes: null };
    expect((await hr('put', path).send(off).expect(200)).body).toEqual(off);
    expect((await hr('get', path).expect(200)).body).toEqual(off);

    expect((await hr('put', `/api/assessments/${randomUUID()}/reminders`).send(off).expect(404)).body.code).toBe(
      'assessment-not-found',
    );
    const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(suite.server.url, admin, 'interviewer');
    await staffApi(suite.server.url, interviewer.token)('get', path).expect(403);
  });

  it('reminds a candidate who has not started, once, before the invitation expires, without a link', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'en');
    await hr('put', `/api/assessments/${assessment.id}/reminders`)
      .send({ beforeExpiryHours: 1, beforeDeadlineMinutes: null })
      .expect(200);
    const [waiting, started, revoked] = await inviteAll(assessment.id, [
      'expiry-waiting',
      'expiry-started',
      'expiry-revoked',
    ]);
    for (const link of [waiting, started, revoked]) await mailsTo(link.candidate.email, 1);
    await startedAttempt(url, started);
    await hr('post', `/api/invitations/${revoked.invitationId}/revoke`).expect(200);

    // Each invitation now expires in an hour and a moment: past the moment that is an hour before
    // its expiry, which comes after it was sent.
    const expiresAt = new Date(Date.now() + 3_600_000 + 1500);
    for (const link of [waiting, started, revoked]) await setInvitationExpiry(suite.db, link.invitationId, expiresAt);

    const reminder = (await mailsTo(waiting.candidate.email, 2))[1];
    expect(reminder.subject).toBe(
      `Reminder: your invitation to the 开发工程师 assessment expires on ${formatWhen(expiresAt, 'en', 'Asia/Shanghai')}`,
    );
    expect(reminder.text.replace(/\s+/g, ' ')).toContain('and you have not started yet');
    expect(urlsIn(reminder.text)).toEqual([]);
    expect(urlsIn(reminder.html)).toEqual([]);
    expect(reminder.raw).not.toContain(waiting.token);
    await pause(SEVERAL_LOOKS_MS);
    expect(suite.smtp.to(waiting.candidate.email)).toHaveLength(2);
    // Not for an attempt under way, nor for a withdrawn invitation.
    expect(suite.smtp.to(started.candidate.email)).toHaveLength(1);
    expect(suite.smtp.to(revoked.candidate.email)).toHaveLength(1);
    expect(
      await until(async () => {
        const kinds = await kindsOf(waiting.attemptId);
        return kinds[0]?.[1] === 'sent' ? kinds : undefined;
      }),
    ).toEqual([
      ['reminder-expiry', 'sent'],
      ['invitation', 'sent'],
    ]);
    expect(await kindsOf(started.attemptId)).toEqual([['invitation', 'sent']]);
  });

  it('reminds a candidate under way, once, before the deadline; not one who submitted', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    await hr('put', `/api/assessments/${assessment.id}/reminders`)
      .send({ beforeExpiryHours: null, beforeDeadlineMinutes: 10 })
      .expect(200);
    const [working, submitted, idle] = await inviteAll(assessment.id, [
      'deadline-working',
      'deadline-done',
      'deadline-idle',
    ]);
    const { session } = await startedAttempt(url, working);
    const done = await startedAttempt(url, submitted);
    await candidateApi(url, done.session.accessToken).submit().expect(200);
    for (const link of [working, submitted, idle]) await mailsTo(link.candidate.email, 1);

    // Ten minutes and a moment left: started well before the moment ten minutes before the end.
    const deadline = new Date(Date.now() + 10 * 60_000 + 1500);
    await setAttemptDeadline(suite.db, session.attemptId, deadline);
    await setAttemptDeadline(suite.db, submitted.attemptId, deadline);

    const reminder = (await mailsTo(working.candidate.email, 2))[1];
    expect(reminder.subject).toBe(`提醒：“开发工程师”测评将于${formatWhen(deadline, 'zh', 'Asia/Shanghai')}结束`);
    expect(reminder.html).toContain('<html lang="zh-CN">');
    expect(urlsIn(reminder.text)).toEqual([]);
    expect(urlsIn(reminder.html)).toEqual([]);
    expect(reminder.raw).not.toContain(working.token);
    await pause(SEVERAL_LOOKS_MS);
    expect(suite.smtp.to(working.candidate.email)).toHaveLength(2);
    expect(suite.smtp.to(submitted.candidate.email)).toHaveLength(1);
    // Expiry reminders are off for this assessment: the candidate who never started gets none.
    expect(suite.smtp.to(idle.candidate.email)).toHaveLength(1);
    expect(
      await until(async () => {
        const kinds = await kindsOf(working.attemptId);
        return kinds[0]?.[1] === 'sent' ? kinds : undefined;
      }),
    ).toEqual([
      ['reminder-deadline', 'sent'],
      ['invitation', 'sent'],
    ]);
    expect(await kindsOf(submitted.attemptId)).toEqual([['invitation', 'sent']]);
  });

  it('cancels a queued expiry reminder when the candidate starts before it could go, and refuses to send it again', async () => {
    const { url } = suite.server;
    const { smtp } = suite;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    await hr('put', `/api/assessments/${assessment.id}/reminders`)
      .send({ beforeExpiryHours: 2, beforeDeadlineMinutes: null })
      .expect(200);
    const [link] = await inviteAll(assessment.id, ['expiry-late']);
    await mailsTo(link.candidate.email, 1);
    const reminder = async () =>
      (await mailList(url, suite.token, { attemptId: link.attemptId })).messages.find(
        (m) => m.kind === 'reminder-expiry',
      );

    // The reminder comes due while the SMTP server is down: it waits, retrying.
    await smtp.stop();
    try {
      await setInvitationExpiry(suite.db, link.invitationId, new Date(Date.now() + 2 * 3_600_000 + 1500));
      const queued = await until(async () => {
        const m = await reminder();
        return m?.status === 'queued' && m.tries >= 1 ? m : undefined;
      });
      expect(queued.lastError).toMatch(/ECONNREFUSED|ESOCKET/);
      // The candidate starts: the reminder no longer holds.
      await startedAttempt(url, link);
    } finally {
      await smtp.restart();
    }
    const cancelled = await until(async () => {
      const m = await reminder();
      return m?.status === 'cancelled' ? m : undefined;
    });
    expect(cancelled.lastError).toMatch(/^Not sent: .*started/);
    await pause(SEVERAL_LOOKS_MS);
    expect(smtp.to(link.candidate.email)).toHaveLength(1);

    // What no longer applies is not sent again either: HR is told why.
    expect(cancelled.resend).toBeNull();
    const refused = await hr('post', `/api/mail/${cancelled.id}/resend`).expect(409);
    expect(refused.body).toMatchObject({ code: 'mail-cancelled', params: { reason: cancelled.lastError } });
    await pause(SEVERAL_LOOKS_MS);
    expect(smtp.to(link.candidate.email)).toHaveLength(1);
  });
});
