import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type {
  AttemptSummary,
  CandidateAttemptView,
  CandidateExplanation,
  InterviewLinkResponse,
  InvitationLink,
  InviteCsvResponse,
  MailLang,
  MailMessageView,
  MailSettings,
} from '@rubricon/contracts';
import { formatWhen } from '@rubricon/mail';
import { DEVELOPER_POSTING, invite, openSession } from '../factories/attempts';
import { linkToken, scheduleInterview } from '../factories/interviews';
import {
  attemptRows,
  followTakeLink,
  icsDate,
  icsLines,
  liveLinkIn,
  mailList,
  publishedAssessmentIn,
  publishedAssessmentOf,
  sessionFromLink,
  takeLinkIn,
  uniqueEmail,
  urlsIn,
} from '../factories/mail';
import { seedPostingId } from '../factories/postings';
import { submittedAttempt } from '../factories/scoring';
import { createStaff } from '../factories/staff';
import { staffApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { connectRoom } from '../support/interview-client';
import { useServerSuite } from '../support/server-suite';
import { useMailSuite, type ReceivedMail } from '../support/smtp';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

const CJK = /[\u4e00-\u9fff]/;
const INJECTED = 'evil@attacker.test';
/** A value with header injections in each line-break form HR could type or paste. */
const EVIL = `\r\nBcc: ${INJECTED}\nSubject: x\rX-Injected: yes`;

/** The header lines of a raw message, unfolded. */
function headerLines(raw: string): string[] {
  const end = raw.search(/\r?\n\r?\n/);
  return raw
    .slice(0, end)
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/);
}

/** The received mail's headers are its own: no Bcc, no second Subject, no injected header, one recipient. */
function expectNoInjection(mail: ReceivedMail, email: string): void {
  const lines = headerLines(mail.raw);
  const named = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  expect(named('Bcc')).toEqual([]);
  expect(named('X-Injected')).toEqual([]);
  expect(named('Subject')).toHaveLength(1);
  expect(named('To')).toHaveLength(1);
  expect(mail.parsed.bcc).toBeUndefined();
  expect(mail.parsed.headers.has('x-injected')).toBe(false);
  expect(mail.envelope.rcptTo).toEqual([email]);
  expect(mail.to.address).toBe(email);
  const to = Array.isArray(mail.parsed.to) ? mail.parsed.to.flatMap((t) => t.value) : (mail.parsed.to?.value ?? []);
  expect(to.map((a) => a.address)).toEqual([email]);
  expect(mail.to.name).not.toMatch(/[\r\n]/);
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.subject).not.toBe('x');
  expect(mail.subject.length).toBeGreaterThan(5);
}

describe.each(databaseKinds().map((k) => [k.name, k] as const))('mail to candidates on %s', (_name, kind) => {
  // Candidates open their links from addresses of their own, through a proxy the server trusts.
  const suite = useMailSuite(kind, {}, { trustedProxies: ['loopback'] });
  const hr = (method: 'get' | 'post' | 'patch', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  const mailsTo = (email: string, n: number, timeoutMs?: number) =>
    suite.smtp.waitFor(n, timeoutMs, (m) => m.envelope.rcptTo.includes(email));
  const inviteOne = async (assessmentId: string, name: string, email: string, lang?: MailLang) =>
    (
      await hr('post', `/api/assessments/${assessmentId}/invitations`)
        .send({ candidates: [{ name, email, ...(lang ? { lang } : {}) }] })
        .expect(201)
    ).body[0] as InvitationLink;
  const rowOf = async (assessmentId: string, attemptId: string) =>
    (await attemptRows(suite.server.url, suite.token, assessmentId)).find((r) => r.attemptId === attemptId)!;
  /** Waits until the attempt's newest mail has this status (the row is marked after the SMTP server's 250). */
  const rowWithMail = (assessmentId: string, attemptId: string, status: string) =>
    until(async () => {
      const row = await rowOf(assessmentId, attemptId);
      return row.mail?.status === status ? row : undefined;
    });

  it('says mail is on, and from whom', async () => {
    const settings = (await hr('get', '/api/mail/settings').expect(200)).body as MailSettings;
    expect(settings).toEqual({ enabled: true, from: 'Rubricon <no-reply@localhost>', perRecipientPerHour: 6 });
  });

  it('invites 50 candidates from a CSV: 50 mails, one per address, each in its language, whose links open sessions; HR sees each sent, never the link', async () => {
    const { url } = suite.server;
    // Written in English: rows without a language get English mail.
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'en');
    const cells: [string, MailLang][] = [
      ['zh', 'zh'],
      ['en', 'en'],
      ['', 'en'],
      ['中文', 'zh'],
      ['English', 'en'],
      ['zh-CN', 'zh'],
      ['', 'en'],
      ['英文', 'en'],
      ['chinese', 'zh'],
    ];
    const stamp = Date.now().toString(36);
    const rows = Array.from({ length: 50 }, (_, i) => ({
      name: i % 2 ? `候选人${i}` : `Candidate ${i}`,
      email: `csv${i}-${stamp}@example.com`,
      cell: cells[i % cells.length][0],
      lang: cells[i % cells.length][1],
    }));
    const text = ['name,email,language', ...rows.map((r) => `${r.name},${r.email},${r.cell}`)].join('\r\n') + '\r\n';
    const { links, skipped } = (
      await hr('post', `/api/assessments/${assessment.id}/invitations/csv`).send({ text }).expect(201)
    ).body as InviteCsvResponse;
    expect(skipped).toEqual([]);
    expect(links).toHaveLength(50);
    for (const link of links)
      expect(link.mail).toMatchObject({ kind: 'invitation', status: 'queued', lastError: null });

    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const mails = await suite.smtp.waitFor(50, 40_000, (m) => byEmail.has(m.envelope.rcptTo[0]));
    expect(mails).toHaveLength(50);
    // Exactly one per address, each to that address alone, from the configured sender.
    expect(new Set(mails.map((m) => m.envelope.rcptTo.join(','))).size).toBe(50);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(50);
    const tokens = new Map<string, string>();
    for (const mail of mails) {
      const row = byEmail.get(mail.envelope.rcptTo[0])!;
      expect(mail.envelope).toEqual({ mailFrom: 'no-reply@localhost', rcptTo: [row.email] });
      expect(mail.to).toEqual({ address: row.email, name: row.name });
      expect(mail.parsed.from?.value).toEqual([{ address: 'no-reply@localhost', name: 'Rubricon' }]);
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@rubricon\.test>$/);
      if (row.lang === 'zh') {
        expect(mail.subject).toMatch(/^测评邀请：开发工程师（\d+ 分钟）$/);
        expect(mail.html).toContain('<html lang="zh-CN">');
        expect(mail.text).toContain(`${row.name}，您好：`);
      } else {
        expect(mail.subject).toMatch(/^Invitation: 开发工程师 assessment \(\d+ minutes\)$/);
        expect(mail.html).toContain('<html lang="en">');
        expect(mail.text).toContain(`Hello ${row.name},`);
      }
      const link = takeLinkIn(mail);
      expect(link.url).toBe(`http://rubricon.test/take/${link.token}`);
      expect(mail.html).toContain(`href="${link.url}"`);
      tokens.set(row.email, link.token);
    }
    // Each mail carries its own candidate's link, the one the API handed HR.
    expect(new Set(tokens.values()).size).toBe(50);
    for (const link of links) expect(tokens.get(link.candidate.email)).toBe(link.token);

    // Every mailed link opens the session of its own attempt (each candidate from an address of their own).
    for (const [i, link] of links.entries()) {
      const mailed = `http://rubricon.test/take/${tokens.get(link.candidate.email)}`;
      const session = await sessionFromLink(url, mailed, `198.51.100.${i + 1}`);
      expect(session.attemptId).toBe(link.attemptId);
    }

    // HR's rows: each attempt's mail sent, in the candidate's language.
    const sent = await until(async () => {
      const list = await attemptRows(url, suite.token, assessment.id);
      return list.length === 50 && list.every((r) => r.mail?.status === 'sent') ? list : undefined;
    }, 20_000);
    for (const row of sent) {
      expect(row.mail).toMatchObject({ kind: 'invitation', status: 'sent', lastError: null });
      expect(row.mailLang).toBe(byEmail.get(row.candidate.email)!.lang);
    }
    // And each message, with its status, never its link.
    for (const link of links.slice(0, 10)) {
      const { messages, text: json } = await mailList(url, suite.token, { attemptId: link.attemptId });
      expect(messages).toEqual([
        expect.objectContaining({
          kind: 'invitation',
          lang: byEmail.get(link.candidate.email)!.lang,
          to: { name: link.candidate.name, email: link.candidate.email },
          status: 'sent',
          tries: 1,
          lastError: null,
          nextAttemptAt: null,
          attemptId: link.attemptId,
          resend: 'new-link',
        }),
      ]);
      expect(Date.parse(messages[0].sentAt!)).toBeGreaterThanOrEqual(Date.parse(messages[0].queuedAt));
      // The link HR was answered with names its own candidate's mail.
      expect(link.mail?.messageId).toBe(messages[0].id);
      expect(json).not.toContain(link.token);
      expect(json).not.toContain('/take/');
    }
  }, 90_000);

  it('keeps CR/LF in names and titles out of the headers: no Bcc, one recipient, one subject, a one-line display name', async () => {
    const { url } = suite.server;
    const admin = await loginAs(url, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(url, admin, 'interviewer');
    // The title HR controls: a posting renamed with injections (its assessments and interviews carry it).
    const postingId = await seedPostingId(url, suite.token, '产品经理');
    const renamed = await hr('patch', `/api/postings/${postingId}`)
      .send({ title: `产品经理${EVIL}` })
      .expect(200);
    expect(renamed.body.title).toContain('Bcc:');
    const assessment = await publishedAssessmentOf(url, suite.token, postingId, 'en');

    // A name typed in the form, in either language's mail...
    const typed = [
      { name: `Eve${EVIL}`, email: uniqueEmail('inject-en'), lang: 'en' as const },
      { name: `夏娃${EVIL}`, email: uniqueEmail('inject-zh'), lang: 'zh' as const },
      // A display name that reads like more addresses.
      {
        name: `Mallet <${INJECTED}>, "Bob" <bob@attacker.test>;${EVIL}`,
        email: uniqueEmail('inject-list'),
        lang: 'en' as const,
      },
    ];
    await hr('post', `/api/assessments/${assessment.id}/invitations`).send({ candidates: typed }).expect(201);
    // ...and cells of a CSV: a quoted name holding line breaks.
    const fromCsv = { email: uniqueEmail('inject-csv'), lang: 'zh' as const };
    const csv = `name,email,language\r\n"Trudy${EVIL.replace(/"/g, '""')}",${fromCsv.email},zh\r\n`;
    const csvLinks = (
      await hr('post', `/api/assessments/${assessment.id}/invitations/csv`).send({ text: csv }).expect(201)
    ).body as InviteCsvResponse;
    expect(csvLinks.links).toHaveLength(1);
    // An address cannot carry a header: refused in the form and in a CSV, quoted local part included
    // (which isEmail alone accepts).
    for (const email of [`mallory@example.com\r\nBcc: ${INJECTED}`, `"m\r\nBcc: ${INJECTED}"@example.com`])
      expect(
        (
          await hr('post', `/api/assessments/${assessment.id}/invitations`)
            .send({ candidates: [{ name: 'Mallory', email }] })
            .expect(400)
        ).body.code,
      ).toBe('email-invalid');
    expect(
      (
        await hr('post', `/api/assessments/${assessment.id}/invitations/csv`)
          .send({ text: `name,email\r\nMallory,"""m\r\nBcc: ${INJECTED}""@example.com"\r\n` })
          .expect(422)
      ).body.code,
    ).toBe('csv-row-invalid');
    expect(
      (
        await hr('post', `/api/assessments/${assessment.id}/invitations/csv`)
          .send({ text: `name,email\r\nMallory,"mallory@example.com\r\nBcc: ${INJECTED}"\r\n` })
          .expect(422)
      ).body.code,
    ).toBe('csv-row-invalid');
    // The language cell holds no text to inject: anything but a language is refused.
    expect(
      (
        await hr('post', `/api/assessments/${assessment.id}/invitations/csv`)
          .send({ text: `name,email,language\r\nMallory,mallory@example.com,"zh\r\nBcc: ${INJECTED}"\r\n` })
          .expect(422)
      ).body.code,
    ).toBe('csv-language-invalid');
    // An interview of that posting, for a candidate with such a name: its mail and calendar file.
    const interviewee = { name: `Oscar${EVIL}`, email: uniqueEmail('inject-live') };
    await scheduleInterview(url, suite.token, [interviewer.id], {
      postingId,
      candidate: interviewee,
      candidateLang: 'en',
    });

    const all = [...typed, { ...fromCsv }, { email: interviewee.email }];
    for (const { email } of all) {
      const [mail] = await mailsTo(email, 1);
      expectNoInjection(mail, email);
      // The injected text is flattened into the one line it was typed on.
      expect(mail.subject).toMatch(/产品经理 Bcc: evil@attacker\.test Subject: x X-Injected: yes/);
    }
    const ics = (await mailsTo(interviewee.email, 1))[0].parsed.attachments.find((a) =>
      a.contentType.startsWith('text/calendar'),
    );
    expect(ics).toBeDefined();
    const lines = icsLines(ics!.content.toString('utf8'));
    // Every content line is a property of its own: nothing became a line of its own from a name or title.
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z-]*[;:]/);
    expect(lines.filter((l) => /^(BCC|SUBJECT|X-INJECTED)/i.test(l))).toEqual([]);
    // Nobody else was sent anything.
    expect(suite.smtp.messages.some((m) => m.envelope.rcptTo.includes(INJECTED))).toBe(false);
    for (const m of suite.smtp.messages) expect(headerLines(m.raw).filter((l) => /^bcc:/i.test(l))).toEqual([]);
  });

  it('shows a hard failure (550) with its reason on the candidate row and in the mail list; a failed invitation is sent again with its link', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    const email = uniqueEmail('bounce');
    suite.smtp.refuse.add(email);
    const link = await inviteOne(assessment.id, 'Bounce', email);

    const row = await rowWithMail(assessment.id, link.attemptId, 'failed');
    expect(row.mail).toMatchObject({
      kind: 'invitation',
      status: 'failed',
      lastError: expect.stringMatching(/^550 .*Recipient address rejected/),
    });
    const [failed] = (await mailList(url, suite.token, { attemptId: link.attemptId })).messages;
    expect(failed).toMatchObject({
      id: row.mail!.messageId,
      status: 'failed',
      tries: 1,
      lastError: row.mail!.lastError,
      sentAt: null,
      nextAttemptAt: null,
      resend: 'resend',
    });
    expect(suite.smtp.to(email)).toEqual([]);

    // The address works again: the failed invitation goes out again, with the same link.
    suite.smtp.refuse.delete(email);
    const copy = (await hr('post', `/api/mail/${failed.id}/resend`).expect(200)).body as MailMessageView;
    expect(copy).toMatchObject({
      kind: 'invitation',
      status: 'queued',
      tries: 0,
      attemptId: link.attemptId,
      resend: null,
    });
    expect(copy.id).not.toBe(failed.id);
    const [mail] = await mailsTo(email, 1);
    expect(takeLinkIn(mail).token).toBe(link.token);
    expect((await sessionFromLink(url, takeLinkIn(mail).url)).attemptId).toBe(link.attemptId);
    await rowWithMail(assessment.id, link.attemptId, 'sent');
    const list = (await mailList(url, suite.token, { attemptId: link.attemptId })).messages;
    expect(list.map((m) => [m.id, m.status])).toEqual([
      [copy.id, 'sent'],
      [failed.id, 'failed'],
    ]);
    // The failed original handed its link to the copy, and the sent copy has forgotten it: a new link is
    // the way to send either again, so the invitation cannot go out twice.
    expect(list.map((m) => m.resend)).toEqual(['new-link', 'new-link']);
    for (const id of [copy.id, failed.id])
      expect((await hr('post', `/api/mail/${id}/resend`).expect(409)).body.code).toBe('mail-link-gone');
    expect((await hr('post', `/api/mail/${randomUUID()}/resend`).expect(404)).body.code).toBe('mail-not-found');
    expect(suite.smtp.to(email)).toHaveLength(1);
  });

  it('mails a new link that opens the attempt while the old one no longer does, and extra time with the new deadline and no link', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    const email = uniqueEmail('renewed');
    const link = await inviteOne(assessment.id, 'Renée', email, 'en');
    const [first] = await mailsTo(email, 1);
    expect(takeLinkIn(first).token).toBe(link.token);

    const renewed = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    expect(renewed.mail).toMatchObject({ kind: 'new-link', status: 'queued' });
    const second = (await mailsTo(email, 2))[1];
    expect(second.subject).toBe('New link for your 开发工程师 assessment');
    expect(second.text.replace(/\s+/g, ' ')).toContain('The previous link no longer works');
    const fresh = takeLinkIn(second);
    expect(fresh.token).toBe(renewed.token);
    expect(fresh.token).not.toBe(link.token);
    expect((await followTakeLink(url, takeLinkIn(first).url).expect(404)).body.code).toBe('link-unknown');
    const session = await sessionFromLink(url, fresh.url);
    expect(session.attemptId).toBe(link.attemptId);

    const started = (
      await request(url)
        .post('/api/candidate/attempt/start')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .expect(200)
    ).body as CandidateAttemptView;
    const extended = (await hr('post', `/api/attempts/${link.attemptId}/extra-time`).send({ minutes: 15 }).expect(200))
      .body as AttemptSummary;
    expect(Date.parse(extended.deadline!)).toBe(Date.parse(started.deadline!) + 15 * 60_000);
    const third = (await mailsTo(email, 3))[2];
    expect(third.subject).toBe('More time for your 开发工程师 assessment');
    const flat = third.text.replace(/\s+/g, ' ');
    expect(flat).toContain('We have added 15 minutes to your 开发工程师 assessment.');
    expect(flat).toContain(`It now ends at ${formatWhen(new Date(extended.deadline!), 'en', 'Asia/Shanghai')}.`);
    expect(urlsIn(third.text)).toEqual([]);
    expect(urlsIn(third.html)).toEqual([]);
    expect(third.text).not.toContain(fresh.token);

    const row = await rowWithMail(assessment.id, link.attemptId, 'sent');
    expect(row.mail?.kind).toBe('extra-time');
    const detail = (await hr('get', `/api/attempts/${link.attemptId}`).expect(200)).body as AttemptSummary;
    expect(detail.mail).toEqual(row.mail);
    expect(detail.mailLang).toBe('en');
    const { messages, text } = await mailList(url, suite.token, { attemptId: link.attemptId });
    expect(messages.map((m) => [m.kind, m.status, m.lang])).toEqual([
      ['extra-time', 'sent', 'en'],
      ['new-link', 'sent', 'en'],
      ['invitation', 'sent', 'en'],
    ]);
    expect(messages[0].resend).toBe('resend');
    for (const token of [link.token, renewed.token]) expect(text).not.toContain(token);
    // Three distinct messages, each once.
    expect(new Set(suite.smtp.to(email).map((m) => m.messageId)).size).toBe(3);
  });

  it('mails an interview invitation with a calendar event at its time, whose link opens the interview room', async () => {
    const { url } = suite.server;
    const admin = await loginAs(url, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(url, admin, 'interviewer');
    const email = uniqueEmail('interviewee');
    const startsAt = new Date(Math.ceil((Date.now() + 2 * 24 * 3600_000) / 60_000) * 60_000);
    const scheduled = (await scheduleInterview(url, suite.token, [interviewer.id], {
      candidate: { name: 'Ivy Interviewee', email },
      candidateLang: 'en',
      startsAt: startsAt.toISOString(),
      durationMinutes: 45,
    })) as InterviewLinkResponse;
    expect(scheduled.mail).toMatchObject({ kind: 'interview', status: 'queued' });
    expect(scheduled.interview.candidateLang).toBe('en');

    const [mail] = await mailsTo(email, 1);
    expect(mail.subject).toBe(`Interview invitation: 开发工程师 on ${formatWhen(startsAt, 'en', 'Asia/Shanghai')}`);
    expect(mail.html).toContain('<html lang="en">');
    const calendar = mail.parsed.attachments.filter((a) => a.contentType.startsWith('text/calendar'));
    expect(calendar.length).toBeGreaterThan(0);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const lines = icsLines(calendar[0].content.toString('utf8'));
    const value = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
    expect(value('METHOD')).toBe('REQUEST');
    expect(value('UID')).toBe(`${scheduled.interview.id}@rubricon`);
    expect(icsDate(value('DTSTART')!).toISOString()).toBe(startsAt.toISOString());
    expect(icsDate(value('DTEND')!).getTime() - icsDate(value('DTSTART')!).getTime()).toBe(45 * 60_000);
    expect(lines.find((l) => l.startsWith('ATTENDEE'))).toMatch(new RegExp(`mailto:${email.replace(/\./g, '\\.')}$`));

    const live = liveLinkIn(mail);
    expect(live.url).toBe(scheduled.link);
    expect(value('URL')).toBe(scheduled.link);
    const room = await connectRoom(url, { link: live.token });
    try {
      expect(room.state().status).toBe('scheduled');
    } finally {
      room.close();
    }
    expect(live.token).toBe(linkToken(scheduled.link));

    const { messages, text } = await until(async () => {
      const list = await mailList(url, suite.token, { interviewId: scheduled.interview.id });
      return list.messages[0]?.status === 'sent' ? list : undefined;
    });
    expect(messages).toEqual([
      expect.objectContaining({ kind: 'interview', lang: 'en', status: 'sent', interviewId: scheduled.interview.id }),
    ]);
    expect(text).not.toContain(live.token);

    // A new link: a second mail updating the same calendar event, whose link opens the room; the old one does not.
    const renewed = (await hr('post', `/api/interviews/${scheduled.interview.id}/link`).expect(200))
      .body as InterviewLinkResponse;
    expect(renewed.mail).toMatchObject({ kind: 'interview', status: 'queued' });
    const second = (await mailsTo(email, 2))[1];
    const secondLines = icsLines(
      second.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString('utf8'),
    );
    expect(secondLines).toContain(`UID:${scheduled.interview.id}@rubricon`);
    expect(secondLines).toContain('SEQUENCE:1');
    expect(lines).toContain('SEQUENCE:0');
    expect(liveLinkIn(second).url).toBe(renewed.link);
    const again = await connectRoom(url, { link: liveLinkIn(second).token });
    again.close();
    await expect(connectRoom(url, { link: live.token })).rejects.toBeDefined();
  });

  it('mails the explanation of a scored candidate in the language HR chose, without a link', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'en');
    const email = uniqueEmail('explained');
    const link = await inviteOne(assessment.id, '李雷', email);
    await submittedAttempt(url, link);
    const candidateId = (await rowOf(assessment.id, link.attemptId)).candidate.id;
    const base = `/api/scorecards/postings/${assessment.postingId}/candidates/${candidateId}/explanation`;
    const explanation = (await hr('get', base).expect(200)).body as CandidateExplanation;

    expect((await hr('post', `${base}/send`).send({ lang: 'fr' }).expect(400)).body.code).toBeDefined();
    const queued = (await hr('post', `${base}/send`).send({ lang: 'zh' }).expect(200)).body as MailMessageView;
    expect(queued).toMatchObject({ kind: 'explanation', lang: 'zh', status: 'queued', candidateId, attemptId: null });

    const mail = (await mailsTo(email, 2)).find((m) => m.subject.startsWith('关于您'))!;
    expect(mail.subject).toBe('关于您“开发工程师”测评结果的说明');
    expect(mail.html).toContain('<html lang="zh-CN">');
    // The mail greets the candidate once, then gives the text HR read, without its own greeting.
    expect(mail.text.split('李雷，您好：')).toHaveLength(2);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const [greeting, body] = explanation.zh.split(/\n\n([\s\S]*)/);
    expect(greeting).toBe('李雷，您好：');
    expect(body.length).toBeGreaterThan(100);
    expect(squash(mail.text)).toContain(squash(body));
    expect(CJK.test(body)).toBe(true);
    expect(urlsIn(mail.text)).toEqual([]);
    expect(urlsIn(mail.html)).toEqual([]);
    const sent = await until(async () => {
      const { messages } = await mailList(url, suite.token, { candidateId });
      const m = messages.find((x) => x.id === queued.id);
      return m?.status === 'sent' ? m : undefined;
    });
    expect(sent.resend).toBe('resend');
  }, 60_000);
});

describe.each(databaseKinds().map((k) => [k.name, k] as const))('mail off on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);

  it('queues nothing: links come back without mail, HR is told mail is off, sending is refused', async () => {
    const { url } = suite.server;
    expect((await hr('get', '/api/mail/settings').expect(200)).body).toEqual({
      enabled: false,
      from: null,
      perRecipientPerHour: 6,
    });
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    const [link] = await invite(url, suite.token, assessment.id);
    expect(link.mail).toBeNull();
    const csv = (
      await hr('post', `/api/assessments/${assessment.id}/invitations/csv`)
        .send({ text: `name,email,language\nCsv One,${uniqueEmail('off')},en\n` })
        .expect(201)
    ).body as InviteCsvResponse;
    expect(csv.links[0].mail).toBeNull();
    const renewed = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200)).body;
    expect(renewed.mail).toBeNull();
    await hr('post', `/api/attempts/${link.attemptId}/extra-time`).send({ minutes: 5 }).expect(200);
    const rows = await attemptRows(url, suite.token, assessment.id);
    expect(rows.map((r) => r.mail)).toEqual([null, null]);
    expect(rows.find((r) => r.attemptId === csv.links[0].attemptId)?.mailLang).toBe('en');
    expect((await mailList(url, suite.token, { attemptId: link.attemptId })).messages).toEqual([]);
    expect((await hr('post', `/api/mail/${randomUUID()}/resend`).expect(409)).body.code).toBe('mail-disabled');
    const admin = await loginAs(url, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(url, admin, 'interviewer');
    const scheduled = await scheduleInterview(url, suite.token, [interviewer.id]);
    expect(scheduled.mail).toBeNull();
    expect((await mailList(url, suite.token, { interviewId: scheduled.interview.id })).messages).toEqual([]);
  });

  it('lets only HR and admins reach mail routes: an interviewer is refused, a candidate token is not a staff token', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    const [link] = await invite(url, suite.token, assessment.id);
    const candidate = (await openSession(url, link)).accessToken;
    const admin = await loginAs(url, ADMIN.email, ADMIN.password);
    const interviewer = (await createStaff(url, admin, 'interviewer')).token;
    const explanation = `/api/scorecards/postings/${assessment.postingId}/candidates/${randomUUID()}/explanation/send`;
    const routes: ['get' | 'post' | 'put', string, object?][] = [
      ['get', `/api/mail?attemptId=${link.attemptId}`],
      ['post', `/api/mail/${randomUUID()}/resend`],
      ['get', `/api/assessments/${assessment.id}/reminders`],
      ['put', `/api/assessments/${assessment.id}/reminders`, { beforeExpiryHours: 24, beforeDeadlineMinutes: null }],
      ['post', explanation, { lang: 'zh' }],
    ];
    for (const [method, path, body] of routes) {
      const agent = request(url);
      const call = (token: string) =>
        agent[method](path)
          .set('Authorization', `Bearer ${token}`)
          .send(body ?? {});
      expect([path, (await call(interviewer)).status]).toEqual([path, 403]);
      expect([path, (await call(candidate)).status]).toEqual([path, 401]);
    }
    // Whether mail is on is no secret among staff; to a candidate it is not a staff route.
    expect((await staffApi(url, interviewer)('get', '/api/mail/settings')).status).toBe(200);
    expect((await staffApi(url, candidate)('get', '/api/mail/settings')).status).toBe(401);
  });

  it('refuses to mail an explanation with mail-disabled', async () => {
    const { url } = suite.server;
    const assessment = await publishedAssessmentIn(url, suite.token, DEVELOPER_POSTING, 'zh');
    const [link] = await invite(url, suite.token, assessment.id);
    await submittedAttempt(url, link);
    const candidateId = (await attemptRows(url, suite.token, assessment.id))[0].candidate.id;
    const res = await hr(
      'post',
      `/api/scorecards/postings/${assessment.postingId}/candidates/${candidateId}/explanation/send`,
    )
      .send({ lang: 'zh' })
      .expect(409);
    expect(res.body.code).toBe('mail-disabled');
  });
});
