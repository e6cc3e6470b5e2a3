import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type {
  AttemptDetail,
  AttemptSummary,
  CandidateAttemptView,
  InvitationLink,
  InviteCsvResponse,
} from '@rubricon/contracts';
import {
  DEVELOPER_POSTING,
  invitedCandidates,
  openSession,
  publishedAssessment,
  startedAttempt,
} from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { createStaff } from '../factories/staff';
import { candidateApi, staffApi, useCandidateSockets } from '../support/candidate-client';
import { setAttemptDeadline } from '../support/database-clock';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('invitations on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  const assessment = () => publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
  const sockets = useCandidateSockets(suite);
  const candidate = (token: string) => candidateApi(suite.server.url, token);
  const hrId = async () => (await hr('get', '/api/auth/me').expect(200)).body.id as string;

  it('invites from a CSV and explains a bad one', async () => {
    const { id } = await assessment();
    const csv = '\uFEFFName,Email\r\n"Li, Lei",lei@example.com\r\n王芳,wang.fang@example.com\r\n';
    const { links } = (
      await hr('post', `/api/assessments/${id}/invitations/csv`)
        .attach('file', Buffer.from(csv), 'candidates.csv')
        .expect(201)
    ).body as InviteCsvResponse;
    expect(links.map((l) => l.candidate)).toEqual([
      { name: 'Li, Lei', email: 'lei@example.com' },
      { name: '王芳', email: 'wang.fang@example.com' },
    ]);
    const bad = await hr('post', `/api/assessments/${id}/invitations/csv`)
      .send({ text: 'name,email\nNo Email,\n' })
      .expect(422);
    expect(bad.body).toMatchObject({ code: 'csv-row-invalid', params: { line: 2, name: 'No Email', email: '' } });
    const noHeader = await hr('post', `/api/assessments/${id}/invitations/csv`)
      .send({ text: 'a,b\nc,d\n' })
      .expect(422);
    expect(noHeader.body).toMatchObject({ code: 'csv-columns-missing', params: { found: 'a, b' } });
  });

  it('refuses invitations to an unpublished assessment', async () => {
    const postingId = await seedPostingId(suite.server.url, suite.token, DEVELOPER_POSTING);
    const draft = (await hr('post', `/api/postings/${postingId}/assessments`).send({}).expect(201)).body;
    const res = await hr('post', `/api/assessments/${draft.id}/invitations`)
      .send({ candidates: [{ name: 'A', email: 'a@example.com' }] })
      .expect(409);
    expect(res.body.message).toMatch(/Publish the assessment/);
  });

  it('counts a candidate name in characters as the database does: just over the limit a 400, at the limit saved intact', async () => {
    const { id } = await assessment();
    // '❤️' is two characters to MariaDB (U+2764 and the variation selector U+FE0F); class-validator's MaxLength counted one.
    const over = await hr('post', `/api/assessments/${id}/invitations`)
      .send({ candidates: [{ name: '❤️'.repeat(61), email: 'heart-over@example.com' }] })
      .expect(400);
    expect(over.body.message).toBe('candidates.0.name must be shorter than or equal to 120 characters');
    const name = '❤️'.repeat(60);
    const [link] = (
      await hr('post', `/api/assessments/${id}/invitations`)
        .send({ candidates: [{ name, email: 'heart-at@example.com' }] })
        .expect(201)
    ).body as InvitationLink[];
    expect(link.candidate.name).toBe(name);
    const list = (await hr('get', `/api/assessments/${id}/attempts`).expect(200)).body as AttemptSummary[];
    expect(list.find((a) => a.attemptId === link.attemptId)?.candidate.name).toBe(name);
  });

  it('reads a CSV saved as UTF-16, and refuses a GBK one and one that lists an email twice, inviting nobody', async () => {
    const { id } = await assessment();
    const csvUrl = `/api/assessments/${id}/invitations/csv`;
    const count = async () =>
      ((await hr('get', `/api/assessments/${id}/attempts`).expect(200)).body as AttemptSummary[]).length;
    const utf16 = (
      await hr('post', csvUrl)
        .attach('file', Buffer.from('\uFEFFname,email\r\n张三,zhang3@x.io\r\n', 'utf16le'), 'unicode.csv')
        .expect(201)
    ).body as InviteCsvResponse;
    expect(utf16.links.map((l) => l.candidate)).toEqual([{ name: '张三', email: 'zhang3@x.io' }]);
    const before = await count();

    // What Chinese Excel writes by default: 张三 in GBK.
    const gbk = Buffer.concat([
      Buffer.from('name,email\n'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',zhang3@x.io\n'),
    ]);
    const refusedGbk = await hr('post', csvUrl).attach('file', gbk, 'candidates.csv').expect(422);
    expect(refusedGbk.body).toMatchObject({ code: 'file-not-utf8', message: expect.stringMatching(/GBK.*CSV UTF-8/) });
    const noBom = await hr('post', csvUrl)
      .attach('file', Buffer.from('name,email\nLi Lei,lei@x.io\n', 'utf16le'), 'candidates.csv')
      .expect(422);
    expect(noBom.body.code).toBe('file-not-utf8');
    const twice = await hr('post', csvUrl)
      .attach(
        'file',
        Buffer.from('name,email\nAlice,alice@x.io\nBob,bob@x.io\nAlice W.,ALICE@x.io\n'),
        'candidates.csv',
      )
      .expect(422);
    expect(twice.body).toMatchObject({
      code: 'csv-duplicate-email',
      params: { email: 'alice@x.io', lines: '2, 4', count: 1 },
    });
    expect(await count()).toBe(before);
  });

  it('keeps a started link good until the attempt is over, refuses unknown and withdrawn links; a resent link resumes', async () => {
    const { url } = suite.server;
    const {
      links: [link, revoked],
    } = await invitedCandidates(url, suite.token, 2);
    const { started } = await startedAttempt(url, link);
    const reopened = await openSession(url, link);
    expect((await candidateApi(url, reopened.accessToken).view().expect(200)).body.deadline).toBe(started.deadline);
    await request(url)
      .post('/api/candidate/sessions')
      .send({ token: 'x'.repeat(43) })
      .expect(404);

    await hr('post', `/api/invitations/${revoked.invitationId}/revoke`).expect(200);
    expect(
      (await request(url).post('/api/candidate/sessions').send({ token: revoked.token }).expect(410)).body.message,
    ).toMatch(/withdrawn/);

    const resent = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    const session = await openSession(url, resent);
    const view = (await candidateApi(url, session.accessToken).view().expect(200)).body as CandidateAttemptView;
    expect(view).toMatchObject({ status: 'in_progress', deadline: started.deadline });
    // The old link opens nothing any more; the new one opens again as often as needed until the end.
    await request(url).post('/api/candidate/sessions').send({ token: link.token }).expect(404);
    await openSession(url, resent);
    await candidateApi(url, session.accessToken).submit().expect(401);
    await candidateApi(url, (await openSession(url, resent)).accessToken)
      .submit()
      .expect(200);
    expect(
      (await request(url).post('/api/candidate/sessions').send({ token: resent.token }).expect(409)).body.code,
    ).toBe('already-submitted');
  });

  it('gives a started attempt a new link: the old link and the session opened with it end, the new one resumes; recorded with who and when', async () => {
    const { url } = suite.server;
    const {
      links: [link],
    } = await invitedCandidates(url, suite.token);
    const { session, started } = await startedAttempt(url, link);
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    await candidate(session.accessToken).save(text.id, { content: 'before the new link', version: 1 }).expect(200);
    const socket = await sockets.connect(session.accessToken);
    const told = new Promise((resolve) => socket.once('session-ended', resolve));

    const before = Date.now();
    const renewed = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    expect(renewed).toMatchObject({ invitationId: link.invitationId, attemptId: link.attemptId });
    expect(await told).toEqual({ attemptId: link.attemptId, code: 'session-ended' });
    expect((await candidate(session.accessToken).view().expect(401)).body.code).toBe('session-ended');
    expect((await request(url).post('/api/candidate/sessions').send({ token: link.token }).expect(404)).body.code).toBe(
      'link-unknown',
    );
    const resumed = (
      await candidate((await openSession(url, renewed)).accessToken)
        .view()
        .expect(200)
    ).body as CandidateAttemptView;
    expect(resumed).toMatchObject({ attemptId: link.attemptId, status: 'in_progress', deadline: started.deadline });
    expect(resumed.answers.find((a) => a.questionId === text.id)?.content).toBe('before the new link');

    const detail = (await hr('get', `/api/attempts/${link.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.adjustments).toEqual([
      {
        kind: 'new-link',
        minutes: null,
        by: { id: await hrId(), name: expect.stringMatching(/hr/) },
        at: expect.any(String),
      },
    ]);
    expect(Date.parse(detail.adjustments[0].at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('gives one candidate extra time: the deadline moves, the open page is told at once, the scheduler keeps to the new deadline, and the history says who and when', async () => {
    const { url } = suite.server;
    const {
      links: [link, other],
    } = await invitedCandidates(url, suite.token, 2);
    const { session, started } = await startedAttempt(url, link);
    const { started: untouched } = await startedAttempt(url, other);
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    // The deadline a moment away: without the extra time the scheduler would submit in a second or two.
    const soon = new Date(Date.now() + 1500);
    await setAttemptDeadline(suite.db, session.attemptId, soon);
    const socket = await sockets.connect(session.accessToken);
    const moved = new Promise<{ deadline: string; remainingMs: number }>((resolve) =>
      socket.on('attempt-state', (s) => s.status === 'in_progress' && s.deadline !== soon.toISOString() && resolve(s)),
    );

    const summary = (
      await hr('post', `/api/attempts/${session.attemptId}/extra-time`).send({ minutes: 15 }).expect(200)
    ).body as AttemptSummary;
    const newDeadline = new Date(soon.getTime() + 15 * 60_000).toISOString();
    expect(summary).toMatchObject({ attemptId: session.attemptId, extraMinutes: 15, deadline: newDeadline });
    const state = await moved;
    expect(state.deadline).toBe(newDeadline);
    expect(state.remainingMs).toBeGreaterThan(14 * 60_000);

    // Past the old deadline the attempt is still open and takes saves; the other candidate's time is as it was.
    await until(async () => (Date.now() > soon.getTime() + 2500 ? true : undefined));
    const c = candidate(session.accessToken);
    expect((await c.view().expect(200)).body).toMatchObject({ status: 'in_progress', deadline: newDeadline });
    await c.save(text.id, { content: 'in the extra time', version: 1 }).expect(200);
    expect((await hr('get', `/api/attempts/${other.attemptId}`).expect(200)).body.deadline).toBe(untouched.deadline);

    // And the scheduler closes it at the moved deadline (brought near by the test's clock).
    const closed = new Promise((resolve) => socket.on('attempt-state', (s) => s.status === 'submitted' && resolve(s)));
    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() + 500));
    await closed;
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail).toMatchObject({ status: 'submitted', submittedBy: 'deadline', extraMinutes: 15 });
    expect(detail.adjustments).toEqual([
      {
        kind: 'extra-time',
        minutes: 15,
        by: { id: await hrId(), name: expect.stringMatching(/hr/) },
        at: expect.any(String),
      },
    ]);
  });

  it('adds extra time given before the start to the time allowed', async () => {
    const { url } = suite.server;
    const {
      assessment,
      links: [link],
    } = await invitedCandidates(url, suite.token);
    await hr('post', `/api/attempts/${link.attemptId}/extra-time`).send({ minutes: 30 }).expect(200);
    const { started } = await startedAttempt(url, link);
    expect(Date.parse(started.deadline!) - Date.parse(started.startedAt!)).toBe(
      (assessment.durationMinutes + 30) * 60_000,
    );
  });

  it('lets only admin and hr give extra time or a new link, and refuses bad minutes and finished attempts with a code', async () => {
    const { url } = suite.server;
    const {
      links: [link, done],
    } = await invitedCandidates(url, suite.token, 2);
    const { session } = await startedAttempt(url, link);
    const extra = (body: object, token = suite.token, attemptId = session.attemptId) =>
      request(url).post(`/api/attempts/${attemptId}/extra-time`).set('Authorization', `Bearer ${token}`).send(body);

    const interviewer = await createStaff(url, await loginAs(url, ADMIN.email, ADMIN.password), 'interviewer');
    expect((await extra({ minutes: 10 }, interviewer.token).expect(403)).body.code).toBe('role-required');
    expect(
      (
        await request(url)
          .post(`/api/invitations/${link.invitationId}/resend`)
          .set('Authorization', `Bearer ${interviewer.token}`)
          .expect(403)
      ).body.code,
    ).toBe('role-required');
    const admin = await loginAs(url, ADMIN.email, ADMIN.password);
    expect((await extra({ minutes: 5 }, admin).expect(200)).body.extraMinutes).toBe(5);

    for (const minutes of [0, -5, 1.5, 241, '10', null])
      expect((await extra({ minutes }).expect(400)).body).toMatchObject({ code: 'extra-time-invalid' });
    expect((await extra({}).expect(400)).body.code).toBe('extra-time-invalid');
    expect((await extra({ minutes: 10, by: 'me' }).expect(400)).body.code).toBe('invalid-request');
    expect((await extra({ minutes: 10 }, suite.token, randomUUID()).expect(404)).body.code).toBe('attempt-not-found');

    const finished = await startedAttempt(url, done);
    await candidate(finished.session.accessToken).submit().expect(200);
    expect((await extra({ minutes: 10 }, suite.token, done.attemptId).expect(409)).body.code).toBe('attempt-closed');
    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() - 1));
    expect((await extra({ minutes: 10 }).expect(409)).body.code).toBe('attempt-closed');
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.adjustments.map((a) => [a.kind, a.minutes])).toEqual([['extra-time', 5]]);
  });
});
