import request from 'supertest';
import type { CandidateAttemptView, InvitationLink } from '@rubricon/contracts';
import { connectCandidate, emitWithAck, invitedCandidates, openSession, startedAttempt } from '../factories/attempts';
import { candidateApi, staffApi, useCandidateSockets } from '../support/candidate-client';
import { setInvitationExpiry } from '../support/database-clock';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('candidate sessions on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const sockets = useCandidateSockets(suite);
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  const candidate = (token: string) => candidateApi(suite.server.url, token);

  it('shows the instructions before the start, and starts once, with the deadline the duration away', async () => {
    const { url } = suite.server;
    const {
      assessment,
      links: [link],
    } = await invitedCandidates(url, suite.token);
    expect(link.url).toBe(`http://rubricon.test/take/${link.token}`);
    const c = candidate((await openSession(url, link)).accessToken);

    const before = (await c.view().expect(200)).body as CandidateAttemptView;
    expect(before).toMatchObject({ status: 'invited', questions: [], remainingMs: null, title: '开发工程师' });
    expect(before.sections.map((s) => s.kind)).toContain('coding');

    const started = (await c.start().expect(200)).body as CandidateAttemptView;
    expect(started.status).toBe('in_progress');
    expect(started.remainingMs).toBeGreaterThan(assessment.durationMinutes * 60_000 - 5000);
    expect(new Date(started.deadline!).getTime() - new Date(started.startedAt!).getTime()).toBe(
      assessment.durationMinutes * 60_000,
    );
    const again = (await c.start().expect(200)).body as CandidateAttemptView;
    expect(again.deadline).toBe(started.deadline);
  });

  it('refuses unknown body fields on start and submit, as on every other candidate route', async () => {
    const { url } = suite.server;
    const {
      links: [link],
    } = await invitedCandidates(url, suite.token);
    const session = await openSession(url, link);
    const post = (path: string, body: object) =>
      request(url)
        .post(`/api/candidate/attempt/${path}`)
        .set('Authorization', `Bearer ${session.accessToken}`)
        .send(body);
    expect((await post('start', { deadline: '2099-01-01' }).expect(400)).body).toEqual({
      message: 'unknown field "deadline"',
      code: 'invalid-request',
      params: { detail: 'unknown field "deadline"' },
    });
    expect((await candidate(session.accessToken).view().expect(200)).body.status).toBe('invited');
    await post('start', {}).expect(200);
    expect((await post('submit', { by: 'deadline' }).expect(400)).body.code).toBe('invalid-request');
    expect((await candidate(session.accessToken).view().expect(200)).body.status).toBe('in_progress');
  });

  it('keeps one live session: a new opening, a revocation or a resent link ends the old one', async () => {
    const { url } = suite.server;
    const {
      links: [link],
    } = await invitedCandidates(url, suite.token);
    const first = await openSession(url, link);
    const second = await openSession(url, link);
    await candidate(first.accessToken).view().expect(401);
    const c = candidate(second.accessToken);
    await c.start().expect(200);
    const socket = await sockets.connect(second.accessToken);
    const told = new Promise((resolve) => socket.once('session-ended', resolve));
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));

    await hr('post', `/api/invitations/${link.invitationId}/revoke`).expect(200);
    expect(await told).toEqual({ attemptId: link.attemptId, code: 'session-ended' });
    await dropped;
    const ended = await c.view().expect(401);
    expect(ended.body.message).toMatch(/session has ended/);

    const resent = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    const third = await openSession(url, resent);
    expect((await candidate(third.accessToken).view().expect(200)).body.status).toBe('in_progress');
    await request(url)
      .get(`/api/candidate/attempts/${link.attemptId}`)
      .set('Authorization', `Bearer ${third.accessToken}`)
      .expect(200);
  });

  it('resumes a started attempt when its link is opened again, and tells the older window at once that it was replaced; its saves are refused', async () => {
    const { url } = suite.server;
    const {
      links: [link],
    } = await invitedCandidates(url, suite.token);
    const { session: first, started } = await startedAttempt(url, link);
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    const older = await sockets.connect(first.accessToken);
    const save = (content: string, version: number) => ({
      attemptId: first.attemptId,
      questionId: text.id,
      content,
      version,
    });
    expect(await emitWithAck(older, 'save-answer', save('from the first window', 1))).toMatchObject({ version: 1 });
    const told = new Promise((resolve) => older.once('session-ended', resolve));
    const dropped = new Promise((resolve) => older.once('disconnect', resolve));

    // Another device opens the same link: the same attempt, its deadline and its saved answer.
    const second = await openSession(url, link);
    expect(await told).toEqual({ attemptId: first.attemptId, code: 'session-replaced' });
    await dropped;
    const resumed = (await candidate(second.accessToken).view().expect(200)).body as CandidateAttemptView;
    expect(resumed).toMatchObject({ attemptId: first.attemptId, status: 'in_progress', deadline: started.deadline });
    expect(resumed.answers.find((a) => a.questionId === text.id)?.content).toBe('from the first window');

    // The older window can no longer write, and is told why, over REST and at a new handshake alike.
    const refused = await candidate(first.accessToken)
      .save(text.id, { content: 'older window', version: 2 })
      .expect(401);
    expect(refused.body.code).toBe('session-replaced');
    expect((await sockets.refusal(first.accessToken))?.data).toEqual({ code: 'session-replaced' });
    const newer = await sockets.connect(second.accessToken);
    expect(await emitWithAck(newer, 'save-answer', save('from the second device', 2))).toMatchObject({ version: 2 });
    const kept = (await candidate(second.accessToken).view().expect(200)).body as CandidateAttemptView;
    expect(kept.answers.find((a) => a.questionId === text.id)?.content).toBe('from the second device');
  });

  it("answers another candidate's attempt with 404", async () => {
    const { url } = suite.server;
    const {
      links: [mine, theirs],
    } = await invitedCandidates(url, suite.token, 2);
    const session = await openSession(url, mine);
    await request(url)
      .get(`/api/candidate/attempts/${theirs.attemptId}`)
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(404);
  });

  it('keeps candidate tokens off staff routes, and refuses sockets without a valid token', async () => {
    const { url } = suite.server;
    const {
      links: [link],
    } = await invitedCandidates(url, suite.token);
    const session = await openSession(url, link);
    await request(url)
      .get(`/api/attempts/${session.attemptId}`)
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(401);
    await request(url).get('/api/postings').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    await request(url).get('/api/candidate/attempt').set('Authorization', `Bearer ${suite.token}`).expect(401);
    await expect(connectCandidate(url, 'forged')).rejects.toThrow(/invitation link again/);
  });

  it('names candidate refusals with a code beside the English message over REST, validation errors included', async () => {
    const { url } = suite.server;
    const {
      assessment,
      links: [revoked, expired, fresh],
    } = await invitedCandidates(url, suite.token, 3);
    const open = (token: string) => request(url).post('/api/candidate/sessions').send({ token });
    expect((await open('x'.repeat(43)).expect(404)).body).toEqual({
      message: 'This invitation link is not valid. Check that you opened the whole link.',
      code: 'link-unknown',
    });
    // A cut-off link is a link the server does not know, not a malformed call.
    expect((await open('short').expect(404)).body).toEqual({
      message: 'This invitation link is not valid. Check that you opened the whole link.',
      code: 'link-unknown',
    });
    await hr('post', `/api/invitations/${revoked.invitationId}/revoke`).expect(200);
    expect((await open(revoked.token).expect(410)).body).toEqual({
      message: expect.stringMatching(/withdrawn/),
      code: 'link-revoked',
    });
    await setInvitationExpiry(suite.db, expired.invitationId, new Date(Date.now() - 60_000));
    expect((await open(expired.token).expect(410)).body).toEqual({
      message: expect.stringMatching(/^This invitation expired on \d{4}-\d{2}-\d{2}\./),
      code: 'link-expired',
      params: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });

    const session = await openSession(url, fresh);
    const c = candidate(session.accessToken);
    const text = assessment.sections.find((s) => s.kind !== 'coding')!.questions[0];
    const coding = assessment.sections.find((s) => s.kind === 'coding')!.questions[0];
    expect((await c.submit().expect(409)).body).toEqual({
      message: 'Start the assessment first.',
      code: 'not-started',
    });
    expect((await c.save(text.id, { content: 'early', version: 1 }).expect(409)).body).toEqual({
      message: 'Start the assessment first.',
      code: 'not-started',
    });
    expect(
      (
        await c
          .run({ questionId: coding.id, language: 'javascript', code: 'function solve() {}', mode: 'visible' })
          .expect(409)
      ).body.code,
    ).toBe('not-in-progress');
    expect((await c.save('no-such-question', { content: 'x', version: 1 }).expect(404)).body.code).toBe(
      'question-unknown',
    );
    expect((await c.save(text.id, { content: 42, version: 1 }).expect(400)).body).toEqual({
      message: expect.stringMatching(/content must be text/),
      code: 'invalid-request',
      params: { detail: expect.stringMatching(/content must be text/) },
    });

    await openSession(url, fresh);
    expect((await c.view().expect(401)).body).toEqual({
      message: expect.stringMatching(/^This assessment was continued in another window/),
      code: 'session-replaced',
    });
  });
});
