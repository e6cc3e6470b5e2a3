import type { AttemptSummary, InvitationLink, MailMessageView } from '@rubricon/contracts';
import { DEVELOPER_POSTING } from '../factories/attempts';
import {
  attemptRows,
  mailList,
  publishedAssessmentIn,
  sessionFromLink,
  takeLinkIn,
  uniqueEmail,
} from '../factories/mail';
import { staffApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { useMailSuite, type ReceivedMail } from '../support/smtp';
import { until } from '../support/until';

const REFUSED = /ECONNREFUSED|ESOCKET/;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each recipient and each Message-ID once: nothing arrived twice. */
function expectEachOnce(mails: ReceivedMail[], emails: string[]): void {
  expect(mails.map((m) => m.envelope.rcptTo.join(',')).sort()).toEqual([...emails].sort());
  expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
}

describe.each(databaseKinds().map((k) => [k.name, k] as const))(
  'mail delivery through outages on %s',
  (_name, kind) => {
    const suite = useMailSuite(kind);
    const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
    afterEach(async () => {
      suite.smtp.delayMs = 0;
      // A failed test must not leave the SMTP server down for the next.
      await suite.smtp.restart().catch(() => undefined);
    });

    const inviteMany = async (assessmentId: string, tag: string, count: number): Promise<InvitationLink[]> => {
      const stamp = Date.now().toString(36);
      const candidates = Array.from({ length: count }, (_, i) => ({
        name: `${tag} ${i + 1}`,
        email: `${tag}${i + 1}-${stamp}@example.com`,
      }));
      return (await hr('post', `/api/assessments/${assessmentId}/invitations`).send({ candidates }).expect(201)).body;
    };
    const allSent = (assessmentId: string, count: number) =>
      until(async () => {
        const rows = await attemptRows(suite.server.url, suite.token, assessmentId);
        return rows.length === count && rows.every((r) => r.mail?.status === 'sent') ? rows : undefined;
      }, 30_000);

    it('keeps mail queued with the connection error while the SMTP server is down mid-batch, then delivers every message once', async () => {
      const { smtp } = suite;
      const { url } = suite.server;
      const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
      // The server takes a moment per message, so the batch is still going out when it stops.
      smtp.delayMs = 60;
      const links = await inviteMany(assessment.id, 'outage', 30);
      const emails = links.map((l) => l.candidate.email);
      const inBatch = (m: ReceivedMail) => emails.includes(m.envelope.rcptTo[0]);

      await smtp.waitFor(3, 20_000, inBatch);
      await smtp.stop();
      const before = smtp.messages.filter(inBatch).length;
      expect(before).toBeGreaterThanOrEqual(3);
      expect(before).toBeLessThan(30);

      // While it is down: the rest wait in the queue, each with the refused connection as its reason.
      const waiting = await until(async () => {
        const rows = await attemptRows(url, suite.token, assessment.id);
        const retried = rows.filter((r) => r.mail?.status === 'queued' && REFUSED.test(r.mail.lastError ?? ''));
        return retried.length >= 30 - before - 1 ? rows : undefined;
      }, 15_000);
      expect(waiting.filter((r) => r.mail?.status === 'failed')).toEqual([]);
      const retried = waiting.find((r) => r.mail?.status === 'queued' && REFUSED.test(r.mail.lastError ?? ''))!;
      const [message] = (await mailList(url, suite.token, { attemptId: retried.attemptId })).messages;
      expect(message).toMatchObject({ status: 'queued', lastError: expect.stringMatching(REFUSED), resend: null });
      expect(message.tries).toBeGreaterThanOrEqual(1);
      expect(Date.parse(message.nextAttemptAt!)).toBeGreaterThan(Date.parse(message.queuedAt));
      expect(message.lastError).not.toContain('/take/');
      // Still down a little longer: more tries fail, nothing is given up, nothing arrives.
      await pause(1000);
      expect(smtp.messages.filter(inBatch)).toHaveLength(before);

      smtp.delayMs = 0;
      await smtp.restart();
      const arrived = await smtp.waitFor(30, 30_000, inBatch);
      const rows = await allSent(assessment.id, 30);
      // Late repeats would show up now: give the worker several more passes.
      await pause(1000);
      const final = smtp.messages.filter(inBatch);
      expect(final).toHaveLength(30);
      expectEachOnce(final, emails);
      expect(arrived.map((m) => m.messageId)).toEqual(final.map((m) => m.messageId));
      // Each message kept its Message-ID across tries: the outbox row's id.
      for (const row of rows.slice(0, 10)) {
        const mail = final.find((m) => m.envelope.rcptTo[0] === row.candidate.email)!;
        expect(mail.messageId).toBe(`<${row.mail!.messageId}@rubricon.test>`);
      }
      const again = (await mailList(url, suite.token, { attemptId: retried.attemptId })).messages;
      expect(again).toEqual([expect.objectContaining({ id: message.id, status: 'sent' })]);
      expect(again[0].tries).toBeGreaterThan(message.tries);
      // And the links in mail sent after the outage work.
      const late = final.find((m) => m.envelope.rcptTo[0] === retried.candidate.email)!;
      expect((await sessionFromLink(url, takeLinkIn(late).url)).attemptId).toBe(retried.attemptId);
    }, 90_000);

    it('keeps the outbox across a restart of the app: mail queued while SMTP is down arrives once from the new server', async () => {
      const { smtp } = suite;
      const assessment = await publishedAssessmentIn(suite.server.url, suite.token, DEVELOPER_POSTING, 'en');
      await smtp.stop();
      const links = await inviteMany(assessment.id, 'restart', 5);
      const emails = links.map((l) => l.candidate.email);
      const inBatch = (m: ReceivedMail) => emails.includes(m.envelope.rcptTo[0]);
      // The old server tried, and failed, each of them at least once.
      await until(async () => {
        const rows = await attemptRows(suite.server.url, suite.token, assessment.id);
        return rows.every((r) => r.mail?.status === 'queued' && REFUSED.test(r.mail.lastError ?? ''))
          ? true
          : undefined;
      });

      // The app goes down; SMTP comes back while it is down; a new app starts on the same database.
      await suite.restartApp(() => smtp.restart());
      const started = Date.now();
      await smtp.waitFor(5, 30_000, inBatch);
      // Well before a lapsed claim (2 minutes) could free a message: nothing was left half-sent.
      expect(Date.now() - started).toBeLessThan(20_000);
      await allSent(assessment.id, 5);
      await pause(1000);
      const final = smtp.messages.filter(inBatch);
      expectEachOnce(final, emails);
      for (const link of links) {
        const mail = final.find((m) => m.envelope.rcptTo[0] === link.candidate.email)!;
        expect(takeLinkIn(mail).token).toBe(link.token);
      }
      expect((await sessionFromLink(suite.server.url, takeLinkIn(final[0]).url)).attemptId).toBeDefined();
    }, 60_000);

    it('lets the app finish the mail it is handing over when it shuts down: marked sent, not sent again by the next', async () => {
      const { smtp } = suite;
      const assessment = await publishedAssessmentIn(suite.server.url, suite.token, DEVELOPER_POSTING, 'zh');
      // The SMTP server is slow to answer: the app is closed while it waits for the 250.
      smtp.delayMs = 800;
      const links = await inviteMany(assessment.id, 'handover', 3);
      const emails = links.map((l) => l.candidate.email);
      const inBatch = (m: ReceivedMail) => emails.includes(m.envelope.rcptTo[0]);
      await until(async () => (smtp.receiving > 0 ? true : undefined));
      await suite.restartApp(async () => {
        smtp.delayMs = 0;
      });
      const started = Date.now();
      await smtp.waitFor(3, 30_000, inBatch);
      // No message was left claimed (a lapsed claim would take two minutes, and send it again).
      await allSent(assessment.id, 3);
      expect(Date.now() - started).toBeLessThan(20_000);
      await pause(1000);
      expectEachOnce(smtp.messages.filter(inBatch), emails);
    }, 60_000);

    it('sends queued mail from a new app even when the old one never reached the SMTP server', async () => {
      const { smtp } = suite;
      const assessment = await publishedAssessmentIn(suite.server.url, suite.token, DEVELOPER_POSTING, 'zh');
      let links: InvitationLink[] = [];
      // Invited, and the app closed at once (the outbox holds the mail); SMTP was never down.
      await smtp.stop();
      links = await inviteMany(assessment.id, 'cold', 3);
      await suite.restartApp(() => smtp.restart());
      const emails = links.map((l) => l.candidate.email);
      await smtp.waitFor(3, 30_000, (m) => emails.includes(m.envelope.rcptTo[0]));
      await allSent(assessment.id, 3);
      await pause(600);
      expectEachOnce(
        smtp.messages.filter((m) => emails.includes(m.envelope.rcptTo[0])),
        emails,
      );
    }, 60_000);

    it('cancels link mail still queued when HR replaces the link or withdraws the invitation: only the live link goes out', async () => {
      const { smtp } = suite;
      const { url } = suite.server;
      const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'en');
      await smtp.stop();
      let renewed: InvitationLink;
      let replaced: InvitationLink;
      let withdrawn: InvitationLink;
      try {
        [replaced, withdrawn] = await inviteMany(assessment.id, 'cancel', 2);
        await until(async () => {
          const rows = await attemptRows(url, suite.token, assessment.id);
          return rows.every((r) => r.mail?.status === 'queued' && REFUSED.test(r.mail.lastError ?? ''))
            ? true
            : undefined;
        });
        renewed = (await hr('post', `/api/invitations/${replaced.invitationId}/resend`).expect(200)).body;
        await hr('post', `/api/invitations/${withdrawn.invitationId}/revoke`).expect(200);
      } finally {
        await smtp.restart();
      }
      const [mail] = await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo[0] === replaced.candidate.email);
      expect(mail.subject).toBe('New link for your 开发工程师 assessment');
      expect(takeLinkIn(mail).token).toBe(renewed!.token);
      expect((await sessionFromLink(url, takeLinkIn(mail).url)).attemptId).toBe(replaced.attemptId);

      const replacedMails = await until(async () => {
        const { messages } = await mailList(url, suite.token, { attemptId: replaced.attemptId });
        return messages[0]?.status === 'sent' ? messages : undefined;
      });
      expect(replacedMails.map((m) => [m.kind, m.status])).toEqual([
        ['new-link', 'sent'],
        ['invitation', 'cancelled'],
      ]);
      expect(replacedMails[1].lastError).toMatch(/^Not sent: a newer link/);
      const [withdrawnMail] = (await mailList(url, suite.token, { attemptId: withdrawn.attemptId })).messages;
      expect(withdrawnMail).toMatchObject({ kind: 'invitation', status: 'cancelled', resend: null });
      expect(withdrawnMail.lastError).toMatch(/^Not sent: the invitation was withdrawn/);
      const row = (await attemptRows(url, suite.token, assessment.id)).find(
        (r) => r.attemptId === withdrawn.attemptId,
      )!;
      expect(row.mail).toMatchObject({ status: 'cancelled', messageId: withdrawnMail.id });
      // A cancelled mail no longer applies: it is not sent again (a new link is the row's own action).
      for (const id of [replacedMails[1].id, withdrawnMail.id])
        expect((await hr('post', `/api/mail/${id}/resend`).expect(409)).body.code).toBe('mail-cancelled');
      await pause(1000);
      expect(smtp.to(replaced.candidate.email)).toHaveLength(1);
      expect(smtp.to(withdrawn.candidate.email)).toEqual([]);
    }, 60_000);
  },
);

describe.each(databaseKinds().map((k) => [k.name, k] as const))('the hourly cap per address on %s', (_name, kind) => {
  const suite = useMailSuite(kind, { perRecipientPerHour: 2 });
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);

  it('holds the third mail to an address until an hour after the first, refuses HR a resend to it, and lets other addresses through', async () => {
    const { url } = suite.server;
    const { smtp } = suite;
    expect((await hr('get', '/api/mail/settings').expect(200)).body.perRecipientPerHour).toBe(2);
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'en');
    const email = uniqueEmail('capped');
    const [link] = (
      await hr('post', `/api/assessments/${assessment.id}/invitations`)
        .send({ candidates: [{ name: 'Cap Ped', email }] })
        .expect(201)
    ).body as InvitationLink[];
    const list = async () => (await mailList(url, suite.token, { attemptId: link.attemptId })).messages;
    const settled = (n: number) =>
      until(async () => {
        const messages = await list();
        return messages.length === n && messages.every((m) => m.status === 'sent') ? messages : undefined;
      });

    // 1: the invitation; 2: extra time before the start.
    await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo[0] === email);
    const [invitation] = await settled(1);
    await hr('post', `/api/attempts/${link.attemptId}/extra-time`).send({ minutes: 10 }).expect(200);
    await smtp.waitFor(2, 15_000, (m) => m.envelope.rcptTo[0] === email);
    const [extra] = await settled(2);
    expect(extra.kind).toBe('extra-time');

    // 3: a new link: queued, to go an hour after the first mail of the hour.
    const renewed = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    expect(renewed.mail).toMatchObject({ kind: 'new-link', status: 'queued' });
    const held = await until(async () => {
      const m = (await list()).find((x) => x.kind === 'new-link');
      return m?.status === 'queued' && Date.parse(m.nextAttemptAt!) > Date.now() + 30 * 60_000 ? m : undefined;
    });
    const hourAfterFirst = Date.parse(invitation.sentAt!) + 3_600_000;
    expect(Math.abs(Date.parse(held.nextAttemptAt!) - hourAfterFirst)).toBeLessThan(2000);
    // Waiting for the hour is not a failed try.
    expect(held).toMatchObject({ tries: 0, lastError: null, resend: null });
    const row = (await attemptRows(url, suite.token, assessment.id)).find(
      (r) => r.attemptId === link.attemptId,
    ) as AttemptSummary;
    expect(row.mail).toMatchObject({ kind: 'new-link', status: 'queued', messageId: held.id });
    // Several passes later it still waits, and the address had two mails.
    await new Promise((r) => setTimeout(r, 800));
    expect((await list()).find((m) => m.id === held.id)?.status).toBe('queued');
    expect(smtp.to(email)).toHaveLength(2);

    // HR's resend to that address is refused until then; one still queued is refused as not finished.
    const limited = await hr('post', `/api/mail/${extra.id}/resend`).expect(429);
    expect(limited.body).toMatchObject({
      code: 'mail-rate-limited',
      params: { email, count: 2, retryAt: new Date(hourAfterFirst).toISOString() },
    });
    expect((await hr('post', `/api/mail/${held.id}/resend`).expect(409)).body.code).toBe('mail-not-finished');
    expect((await list()).length).toBe(3);

    // Another address is not held back.
    const other = uniqueEmail('uncapped');
    await hr('post', `/api/assessments/${assessment.id}/invitations`)
      .send({ candidates: [{ name: 'Other', email: other }] })
      .expect(201);
    await smtp.waitFor(1, 15_000, (m) => m.envelope.rcptTo[0] === other);
    expect(smtp.to(email)).toHaveLength(2);
    const views: MailMessageView[] = await list();
    expect(views.map((m) => [m.kind, m.status])).toEqual([
      ['new-link', 'queued'],
      ['extra-time', 'sent'],
      ['invitation', 'sent'],
    ]);
  });
});
