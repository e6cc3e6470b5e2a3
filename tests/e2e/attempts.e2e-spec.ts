import request from 'supertest';
import {
  MAX_SOCKETS_PER_ATTEMPT,
  type AssessmentView,
  type AttemptDetail,
  type AttemptSummary,
  type CandidateAttemptView,
  type InvitationLink,
} from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion, type QuestionBank } from '@rubricon/generation';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { AttemptEntity } from '../../apps/api/src/attempts/attempt.entity';
import { InvitationEntity } from '../../apps/api/src/attempts/invitation.entity';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { connectCandidate, emitWithAck, invite, openSession, publishedAssessment } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { ADMIN, loginAs, startTestApp, type TestApp } from '../support/test-app';

const bank: QuestionBank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));
const until = async <T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.each(databaseKinds().map((k) => [k.name, k] as const))('timed attempts on %s', (_name, kind) => {
  let db: TestDatabase;
  let server: TestApp;
  let hr: string;
  let assessment: AssessmentView;
  const sockets: Socket[] = [];
  /** Everything the candidate side received, for the leak check at the end. */
  const received: string[] = [];

  const hrApi = (method: 'get' | 'post', path: string) =>
    request(server.url)[method](path).set('Authorization', `Bearer ${hr}`);
  const candidate = (token: string) => {
    const call = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
      const req = request(server.url)[method](`/api/candidate${path}`).set('Authorization', `Bearer ${token}`);
      req.on('response', (res) => received.push(res.text));
      return body ? req.send(body) : req;
    };
    return {
      view: () => call('get', '/attempt'),
      start: () => call('post', '/attempt/start'),
      save: (questionId: string, body: object) => call('put', `/attempt/answers/${questionId}`, body),
      run: (body: object) => call('post', '/attempt/runs', body),
      submit: () => call('post', '/attempt/submit'),
    };
  };
  const connect = async (token: string) => {
    const { socket, firstState } = await connectCandidate(server.url, token);
    sockets.push(socket);
    received.push(JSON.stringify(firstState));
    socket.onAny((_event, ...args) => received.push(JSON.stringify(args)));
    return socket;
  };
  const ack = async <T>(socket: Socket, event: string, payload: object) => {
    const res = await emitWithAck<T>(socket, event, payload);
    received.push(JSON.stringify(res));
    return res;
  };
  /**
   * An event written as socket.io text by hand, for payloads the client cannot encode (its JSON.stringify
   * overflows on them as the server's validation used to); the acknowledgement comes back as usual.
   */
  let rawAckId = 1_000_000;
  const rawAck = (socket: Socket, event: string, payloadJson: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = rawAckId++;
      const timer = setTimeout(() => reject(new Error(`no acknowledgement of ${event}`)), 10_000);
      (socket as unknown as { acks: Record<number, (res: unknown) => void> }).acks[id] = (res) => {
        clearTimeout(timer);
        resolve(res);
      };
      socket.io.engine.write(`2/attempts,${id}[${JSON.stringify(event)},${payloadJson}]`);
    });
  const setDeadline = async (attemptId: string, deadline: Date) =>
    server.app.get(DataSource).getRepository(AttemptEntity).update({ id: attemptId }, { deadline });
  const startedSession = async (link: InvitationLink) => {
    const session = await openSession(server.url, link);
    const c = candidate(session.accessToken);
    const started = (await c.start().then((r) => r.body)) as CandidateAttemptView;
    return { session, c, started };
  };

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestApp(db);
    hr = (await createStaff(server.url, await loginAs(server.url, ADMIN.email, ADMIN.password), 'hr')).token;
    assessment = await publishedAssessment(server.url, hr, '开发工程师');
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
    await db?.dispose();
  });

  it('invites from a CSV and explains a bad one', async () => {
    const csv = '\uFEFFName,Email\r\n"Li, Lei",lei@example.com\r\n王芳,wang.fang@example.com\r\n';
    const links = (
      await hrApi('post', `/api/assessments/${assessment.id}/invitations/csv`)
        .attach('file', Buffer.from(csv), 'candidates.csv')
        .expect(201)
    ).body as InvitationLink[];
    expect(links.map((l) => l.candidate)).toEqual([
      { name: 'Li, Lei', email: 'lei@example.com' },
      { name: '王芳', email: 'wang.fang@example.com' },
    ]);
    const bad = await hrApi('post', `/api/assessments/${assessment.id}/invitations/csv`)
      .send({ text: 'name,email\nNo Email,\n' })
      .expect(422);
    expect(bad.body.message).toMatch(/Row 2: each candidate needs a name and a valid email/);
    const noHeader = await hrApi('post', `/api/assessments/${assessment.id}/invitations/csv`)
      .send({ text: 'a,b\nc,d\n' })
      .expect(422);
    expect(noHeader.body.message).toMatch(/must name the columns "name" and "email"/);
  });

  it('refuses invitations to an unpublished assessment', async () => {
    const postingId = assessment.postingId;
    const draft = (await hrApi('post', `/api/postings/${postingId}/assessments`).send({}).expect(201)).body;
    const res = await hrApi('post', `/api/assessments/${draft.id}/invitations`)
      .send({ candidates: [{ name: 'A', email: 'a@example.com' }] })
      .expect(409);
    expect(res.body.message).toMatch(/Publish the assessment/);
  });

  it('counts a candidate name in characters as the database does: just over the limit a 400, at the limit saved intact', async () => {
    // '❤️' is two characters to MariaDB (U+2764 and the variation selector U+FE0F); class-validator's MaxLength counted one.
    const over = await hrApi('post', `/api/assessments/${assessment.id}/invitations`)
      .send({ candidates: [{ name: '❤️'.repeat(61), email: 'heart-over@example.com' }] })
      .expect(400);
    expect(over.body.message).toBe('candidates.0.name must be shorter than or equal to 120 characters');
    const name = '❤️'.repeat(60);
    const [link] = (
      await hrApi('post', `/api/assessments/${assessment.id}/invitations`)
        .send({ candidates: [{ name, email: 'heart-at@example.com' }] })
        .expect(201)
    ).body as InvitationLink[];
    expect(link.candidate.name).toBe(name);
    const list = (await hrApi('get', `/api/assessments/${assessment.id}/attempts`).expect(200))
      .body as AttemptSummary[];
    expect(list.find((a) => a.attemptId === link.attemptId)?.candidate.name).toBe(name);
  });

  it('walks a candidate through instructions, start, autosave, runs and submit; HR sees the graded attempt', async () => {
    const [link, other] = await invite(server.url, hr, assessment.id, 2);
    expect(link.url).toBe(`http://rubricon.test/take/${link.token}`);
    const session = await openSession(server.url, link);
    const c = candidate(session.accessToken);

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

    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    const reference = (bank.questions.find((q) => q.id === coding.id) as CodingQuestion).reference.javascript;

    const socket = await connect(session.accessToken);
    const first = await ack<{ version: number }>(socket, 'save-answer', {
      attemptId: session.attemptId,
      questionId: coding.id,
      language: 'javascript',
      content: '// draft',
      version: 1,
    });
    expect(first).toMatchObject({ questionId: coding.id, version: 1 });
    expect(
      await ack(socket, 'save-answer', {
        attemptId: session.attemptId,
        questionId: coding.id,
        language: 'javascript',
        content: reference,
        version: 2,
      }),
    ).toMatchObject({ version: 2 });
    const stale = await ack<{ error: string }>(socket, 'save-answer', {
      attemptId: session.attemptId,
      questionId: coding.id,
      language: 'javascript',
      content: '// older tab',
      version: 2,
    });
    expect(stale.error).toMatch(/newer version of this answer is already saved \(version 2\)/);
    const foreign = await ack<{ error: string }>(socket, 'save-answer', {
      attemptId: other.attemptId,
      questionId: coding.id,
      language: 'javascript',
      content: 'x',
      version: 1,
    });
    expect(foreign.error).toMatch(/another attempt/);
    const invalid = await ack<{ error: string }>(socket, 'save-answer', {
      attemptId: session.attemptId,
      questionId: coding.id,
      content: 7,
      version: 0,
      extra: true,
    });
    expect(invalid.error).toMatch(/unknown field "extra"/);
    // Over the answer limit, even as a 400 KB frame of escaped control characters: an ack that says so, and the socket stays.
    const tooLong = await ack<{ error: string }>(socket, 'save-answer', {
      attemptId: session.attemptId,
      questionId: coding.id,
      language: 'javascript',
      content: '\u0001'.repeat(65_000),
      version: 3,
    });
    expect(tooLong.error).toMatch(/longer than 60000 characters|too long/);
    // 5000 levels of arrays (10 KB) used to overflow the stack of validation: refused like any bad payload.
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const tooDeep = await rawAck(
      socket,
      'save-answer',
      `{"attemptId":"${session.attemptId}","questionId":"${coding.id}","language":"javascript","content":${deep},"version":3}`,
    );
    expect(tooDeep).toEqual({ error: 'The message is nested too deeply (more than 64 levels of objects and arrays).' });
    expect(socket.connected).toBe(true);
    expect(await ack<{ error: string }>(socket, 'delete-everything', { attemptId: session.attemptId })).toEqual({
      error: expect.stringMatching(/Unknown event "delete-everything"/),
    });
    expect(
      await ack(socket, 'report-event', {
        attemptId: session.attemptId,
        type: 'paste',
        questionId: coding.id,
        detail: { size: 120 },
      }),
    ).toEqual({ ok: true });

    await c.save(text.id, { content: '## 我的思路\n先澄清需求。', version: 1 }).expect(200);
    await c.save('coding.not-in-this-assessment', { content: 'x', language: 'javascript', version: 1 }).expect(404);

    const visible = (
      await c.run({ questionId: coding.id, language: 'javascript', code: reference, mode: 'visible' }).expect(200)
    ).body;
    expect(visible.verdict).toBe('passed');
    expect(visible.tests).toHaveLength(coding.coding!.examples.length);
    const hidden = (
      await c
        .run({
          questionId: coding.id,
          language: 'javascript',
          code: 'function solve(input) { throw new Error(JSON.stringify(input)); }',
          mode: 'hidden',
        })
        .expect(200)
    ).body;
    expect(hidden).toEqual({ mode: 'hidden', passed: 0, total: coding.coding!.hiddenTestCount });

    const resumed = (await c.view().expect(200)).body as CandidateAttemptView;
    expect(resumed.answers.find((a) => a.questionId === coding.id)).toMatchObject({
      content: reference,
      version: 2,
      language: 'javascript',
    });
    expect(resumed.answers.find((a) => a.questionId === text.id)).toMatchObject({ version: 1 });

    const submitted = new Promise((resolve) => socket.once('attempt-state', resolve));
    expect((await c.submit().expect(200)).body.status).toBe('submitted');
    expect(await submitted).toMatchObject({ status: 'submitted' });
    expect((await c.submit().expect(200)).body.status).toBe('submitted');
    const late = await c.save(text.id, { content: 'after submit', version: 2 }).expect(409);
    expect(late.body.message).toMatch(/submitted/);

    const detail = await until(async () => {
      const d = (await hrApi('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
      return d.autoScorePercent === null ? undefined : d;
    });
    expect(detail.status).toBe('submitted');
    expect(detail.submittedBy).toBe('candidate');
    const graded = detail.answers.find((a) => a.questionId === coding.id)!;
    expect(graded.grading).toMatchObject({
      passed: coding.coding!.hiddenTestCount,
      total: coding.coding!.hiddenTestCount,
      score: 1,
      criterionId: 'correctness',
      criterionScore: 5,
    });
    expect(detail.timeline).toEqual([
      expect.objectContaining({ type: 'paste', detail: { size: 120 }, questionId: coding.id }),
      expect.objectContaining({
        type: 'hidden-run',
        detail: { passed: 0, total: coding.coding!.hiddenTestCount },
        questionId: coding.id,
      }),
    ]);
    const list = (await hrApi('get', `/api/assessments/${assessment.id}/attempts`).expect(200))
      .body as AttemptSummary[];
    expect(list.find((a) => a.attemptId === session.attemptId)).toMatchObject({
      status: 'submitted',
      integrityEventCount: 2,
    });
  });

  it('spends a link at start, and refuses used, unknown and withdrawn links; a resent link resumes', async () => {
    const [link, revoked] = await invite(server.url, hr, assessment.id, 2);
    const { started } = await startedSession(link);
    const reused = await request(server.url).post('/api/candidate/sessions').send({ token: link.token }).expect(410);
    expect(reused.body.message).toMatch(/already been used/);
    await request(server.url)
      .post('/api/candidate/sessions')
      .send({ token: 'x'.repeat(43) })
      .expect(404);

    await hrApi('post', `/api/invitations/${revoked.invitationId}/revoke`).expect(200);
    expect(
      (await request(server.url).post('/api/candidate/sessions').send({ token: revoked.token }).expect(410)).body
        .message,
    ).toMatch(/withdrawn/);

    const resent = (await hrApi('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    const session = await openSession(server.url, resent);
    const view = (await candidate(session.accessToken).view().expect(200)).body as CandidateAttemptView;
    expect(view).toMatchObject({ status: 'in_progress', deadline: started.deadline });
    await request(server.url).post('/api/candidate/sessions').send({ token: resent.token }).expect(410);
  });

  it('acknowledges a retried save again, and explains stale and skipped versions', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { c, started } = await startedSession(link);
    const q = started.questions.find((x) => x.kind !== 'coding')!;
    const first = (await c.save(q.id, { content: 'v1', version: 1 }).expect(200)).body;
    const retry = (await c.save(q.id, { content: 'v1', version: 1 }).expect(200)).body;
    expect(retry).toEqual(first);
    expect((await c.save(q.id, { content: 'other tab', version: 1 }).expect(409)).body.message).toMatch(
      /newer version .* \(version 1\)/,
    );
    expect((await c.save(q.id, { content: 'v3', version: 3 }).expect(409)).body.message).toMatch(/must be version 2/);
    expect((await c.save(q.id, { content: 42, version: 2 }).expect(400)).body.message).toMatch(/content must be text/);
  });

  it('keeps one live session: a new opening, a revocation or a resent link ends the old one', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const first = await openSession(server.url, link);
    const second = await openSession(server.url, link);
    await candidate(first.accessToken).view().expect(401);
    const c = candidate(second.accessToken);
    await c.start().expect(200);
    const socket = await connect(second.accessToken);
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));

    await hrApi('post', `/api/invitations/${link.invitationId}/revoke`).expect(200);
    await dropped;
    const ended = await c.view().expect(401);
    expect(ended.body.message).toMatch(/session has ended/);

    const resent = (await hrApi('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    const third = await openSession(server.url, resent);
    expect((await candidate(third.accessToken).view().expect(200)).body.status).toBe('in_progress');
    await request(server.url)
      .get(`/api/candidate/attempts/${link.attemptId}`)
      .set('Authorization', `Bearer ${third.accessToken}`)
      .expect(200);
  });

  it("answers another candidate's attempt with 404", async () => {
    const [mine, theirs] = await invite(server.url, hr, assessment.id, 2);
    const session = await openSession(server.url, mine);
    await request(server.url)
      .get(`/api/candidate/attempts/${theirs.attemptId}`)
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(404);
  });

  it('limits a candidate to one run at a time and ten hidden runs per question, and throttles signals', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { session, c, started } = await startedSession(link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const slow = 'function solve() { const end = Date.now() + 300; while (Date.now() < end) {} return null; }';
    const concurrent = await Promise.all(
      [0, 1].map(() => c.run({ questionId: coding.id, language: 'javascript', code: slow, mode: 'visible' })),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 429]);
    expect(concurrent.find((r) => r.status === 429)?.body).toEqual({
      message: 'A run is already in progress; wait for it to finish.',
      code: 'run-in-progress',
    });

    const quick = 'function solve() { return null; }';
    for (let i = 0; i < 10; i++)
      await c.run({ questionId: coding.id, language: 'javascript', code: quick, mode: 'hidden' }).expect(200);
    const capped = await c
      .run({ questionId: coding.id, language: 'javascript', code: quick, mode: 'hidden' })
      .expect(429);
    expect(capped.body).toEqual({
      message: expect.stringMatching(/all 10 hidden-test runs/),
      code: 'hidden-runs-exhausted',
    });
    // 20 runs a minute per attempt, whatever their outcome: the 429 says it is about runs, not sign-in.
    let throttled;
    for (let i = 0; i < 10 && !throttled; i++) {
      const res = await c.run({ questionId: coding.id, language: 'javascript', code: quick, mode: 'visible' });
      if (res.status === 429) throttled = res;
    }
    expect(throttled?.body).toEqual({
      message: 'Too many code runs; wait a minute and try again.',
      code: 'too-many-runs',
    });

    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push(
        (
          await request(server.url)
            .post('/api/candidate/attempt/events')
            .set('Authorization', `Bearer ${session.accessToken}`)
            .send({ attemptId: session.attemptId, type: 'blur' })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
    expect(statuses).toContain(429);
  });

  it("refuses a candidate submit after the deadline and closes the attempt as the deadline's", async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { session, c } = await startedSession(link);
    await setDeadline(session.attemptId, new Date(Date.now() - 1));
    const late = await c.submit().expect(409);
    expect(late.body.message).toMatch(/time is up/);
    const detail = (await hrApi('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail).toMatchObject({ status: 'submitted', submittedBy: 'deadline' });
  });

  it('submits at the deadline by itself and refuses writes after it', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { session, c, started } = await startedSession(link);
    const socket = await connect(session.accessToken);
    const question = started.questions[0];
    const language = question.kind === 'coding' ? 'javascript' : undefined;
    await c.save(question.id, { content: 'saved before the deadline', language, version: 1 }).expect(200);

    const closed = new Promise<{ status: string }>((resolve) =>
      socket.on('attempt-state', (s) => s.status === 'submitted' && resolve(s)),
    );
    await setDeadline(session.attemptId, new Date(Date.now() + 800));
    expect((await closed).status).toBe('submitted');

    const refused = await ack<{ error: string }>(socket, 'save-answer', {
      attemptId: session.attemptId,
      questionId: question.id,
      language,
      content: 'too late',
      version: 2,
    });
    expect(refused.error).toMatch(/submitted|time is up/);
    const view = (await c.submit().expect(200)).body as CandidateAttemptView;
    expect(view.status).toBe('submitted');
    expect(view.answers.find((a) => a.questionId === question.id)?.content).toBe('saved before the deadline');
    const summary = (await hrApi('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(summary.submittedBy).toBe('deadline');
  });

  it('refuses a save that arrives after the deadline even before the scheduler has run', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { session, c, started } = await startedSession(link);
    const question = started.questions.find((q) => q.kind !== 'coding')!;
    await setDeadline(session.attemptId, new Date(Date.now() - 1));
    const res = await c.save(question.id, { content: 'late', version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/time is up|submitted/);
  });

  it('refuses integrity signals that arrive after the deadline even before the scheduler has run', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { session } = await startedSession(link);
    const socket = await connect(session.accessToken);
    await setDeadline(session.attemptId, new Date(Date.now() - 1));
    const [overHttp, overSocket] = await Promise.all([
      request(server.url)
        .post('/api/candidate/attempt/events')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .send({ attemptId: session.attemptId, type: 'blur' }),
      ack<{ error: string }>(socket, 'report-event', { attemptId: session.attemptId, type: 'hidden' }),
    ]);
    // "in progress": the scheduler may have closed the attempt in between, which refuses them too.
    expect(overHttp.status).toBe(409);
    expect(overHttp.body.message).toMatch(/time is up|in progress/);
    expect(overSocket).toEqual({
      error: expect.stringMatching(/time is up|in progress/),
      code: expect.stringMatching(/^(time-up|not-in-progress)$/),
    });
    const detail = (await hrApi('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.timeline).toEqual([]);
  });

  it('catches up on a deadline that passed while the server was down', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const { session } = await startedSession(link);
    await server.close();
    const ds = await new DataSource(dataSourceOptions(db.database)).initialize();
    await ds
      .getRepository(AttemptEntity)
      .update({ id: session.attemptId }, { deadline: new Date(Date.now() - 60_000) });
    await ds.destroy();

    server = await startTestApp(db);
    hr = await loginAs(server.url, ADMIN.email, ADMIN.password);
    const detail = await until(async () => {
      const d = (await hrApi('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
      return d.status === 'submitted' ? d : undefined;
    });
    expect(detail.submittedBy).toBe('deadline');
  });

  it('keeps candidate tokens off staff routes, and refuses sockets without a valid token', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const session = await openSession(server.url, link);
    await request(server.url)
      .get(`/api/attempts/${session.attemptId}`)
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(401);
    await request(server.url).get('/api/postings').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    await request(server.url).get('/api/candidate/attempt').set('Authorization', `Bearer ${hr}`).expect(401);
    await expect(connectCandidate(server.url, 'forged')).rejects.toThrow(/invitation link again/);
  });

  it('reads a CSV saved as UTF-16, and refuses a GBK one and one that lists an email twice, inviting nobody', async () => {
    const csvUrl = `/api/assessments/${assessment.id}/invitations/csv`;
    const count = async () =>
      ((await hrApi('get', `/api/assessments/${assessment.id}/attempts`).expect(200)).body as AttemptSummary[]).length;
    const utf16 = (
      await hrApi('post', csvUrl)
        .attach('file', Buffer.from('\uFEFFname,email\r\n张三,zhang3@x.io\r\n', 'utf16le'), 'unicode.csv')
        .expect(201)
    ).body as InvitationLink[];
    expect(utf16.map((l) => l.candidate)).toEqual([{ name: '张三', email: 'zhang3@x.io' }]);
    const before = await count();

    // What Chinese Excel writes by default: 张三 in GBK.
    const gbk = Buffer.concat([
      Buffer.from('name,email\n'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',zhang3@x.io\n'),
    ]);
    const refusedGbk = await hrApi('post', csvUrl).attach('file', gbk, 'candidates.csv').expect(422);
    expect(refusedGbk.body.message).toMatch(/^This CSV is not UTF-8 text \(perhaps GBK.*Save it as "CSV UTF-8/);
    const noBom = await hrApi('post', csvUrl)
      .attach('file', Buffer.from('name,email\nLi Lei,lei@x.io\n', 'utf16le'), 'candidates.csv')
      .expect(422);
    expect(noBom.body.message).toMatch(
      /^This CSV looks like UTF-16 text without a byte-order mark\. Save it as "CSV UTF-8/,
    );
    const twice = await hrApi('post', csvUrl)
      .attach(
        'file',
        Buffer.from('name,email\nAlice,alice@x.io\nBob,bob@x.io\nAlice W.,ALICE@x.io\n'),
        'candidates.csv',
      )
      .expect(422);
    expect(twice.body.message).toBe(
      'The same email appears more than once: rows 2, 4 (alice@x.io). Invite each person once: remove the extra rows or correct the addresses.',
    );
    expect(await count()).toBe(before);
  });

  it('names candidate refusals with a code beside the English message over REST; validation errors carry none', async () => {
    const [used, revoked, expired, fresh] = await invite(server.url, hr, assessment.id, 4);
    const open = (token: string) => request(server.url).post('/api/candidate/sessions').send({ token });
    await startedSession(used);
    expect((await open(used.token).expect(410)).body).toEqual({
      message: 'This invitation link has already been used. Ask the recruiter to send you a new link.',
      code: 'link-used',
    });
    expect((await open('x'.repeat(43)).expect(404)).body).toEqual({
      message: 'This invitation link is not valid. Check that you opened the whole link.',
      code: 'link-unknown',
    });
    expect((await open('short').expect(400)).body).toEqual({ message: 'token is not a valid invitation token' });
    await hrApi('post', `/api/invitations/${revoked.invitationId}/revoke`).expect(200);
    expect((await open(revoked.token).expect(410)).body).toEqual({
      message: expect.stringMatching(/withdrawn/),
      code: 'link-revoked',
    });
    await server.app
      .get(DataSource)
      .getRepository(InvitationEntity)
      .update({ id: expired.invitationId }, { expiresAt: new Date(Date.now() - 60_000) });
    expect((await open(expired.token).expect(410)).body).toEqual({
      message: expect.stringMatching(/^This invitation expired on \d{4}-\d{2}-\d{2}\./),
      code: 'link-expired',
    });

    const session = await openSession(server.url, fresh);
    const c = candidate(session.accessToken);
    const text = assessment.sections.find((s) => s.kind !== 'coding')!.questions[0];
    const coding = assessment.sections.find((s) => s.kind === 'coding')!.questions[0];
    expect((await c.submit().expect(409)).body).toEqual({
      message: 'Start the assessment before submitting it.',
      code: 'not-started',
    });
    expect((await c.save(text.id, { content: 'early', version: 1 }).expect(409)).body).toEqual({
      message: 'Start the assessment before saving answers.',
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
    });

    await openSession(server.url, fresh);
    expect((await c.view().expect(401)).body).toEqual({
      message: expect.stringMatching(/^This session has ended/),
      code: 'session-ended',
    });
  });

  it('names candidate refusals with a code in socket acknowledgements and in refused handshakes', async () => {
    const [link] = await invite(server.url, hr, assessment.id);
    const session = await openSession(server.url, link);
    const socket = await connect(session.accessToken);
    const text = assessment.sections.find((s) => s.kind !== 'coding')!.questions[0];
    const save = (content: unknown, version: number) =>
      ack<object>(socket, 'save-answer', { attemptId: session.attemptId, questionId: text.id, content, version });
    expect(await save('early', 1)).toEqual({
      error: 'Start the assessment before saving answers.',
      code: 'not-started',
    });
    await candidate(session.accessToken).start().expect(200);
    expect(await save('v1', 1)).toMatchObject({ version: 1 });
    expect(await save('other tab', 1)).toEqual({
      error: expect.stringMatching(/newer version .* \(version 1\)/),
      code: 'stale-version',
    });
    expect(await save('v3', 3)).toEqual({ error: expect.stringMatching(/must be version 2/), code: 'version-skipped' });
    expect(await save(42, 2)).toEqual({ error: expect.stringMatching(/content must be text/) });

    // The tabs cap and an ended session refuse the handshake: the code travels as connect_error's data.
    const more = await Promise.all(
      Array.from({ length: MAX_SOCKETS_PER_ATTEMPT - 1 }, () => connect(session.accessToken)),
    );
    const refusedHandshake = (token: string) =>
      connectCandidate(server.url, token).then(
        (c) => {
          sockets.push(c.socket);
          return undefined;
        },
        (e: Error & { data?: unknown }) => e,
      );
    expect(await refusedHandshake(session.accessToken)).toMatchObject({
      message: expect.stringMatching(/open in 5 tabs or windows already/),
      data: { code: 'too-many-tabs' },
    });
    for (const s of more) s.disconnect();
    expect(await refusedHandshake('forged')).toMatchObject({
      message: expect.stringMatching(/invitation link again/),
      data: { code: 'session-ended' },
    });

    await setDeadline(session.attemptId, new Date(Date.now() - 1));
    // "submitted": the scheduler may have closed the attempt in between.
    expect(await save('late', 2)).toEqual({
      error: expect.stringMatching(/time is up|submitted/),
      code: expect.stringMatching(/^(time-up|already-submitted)$/),
    });
  });

  it('never sent the candidate a hidden test, an expected hidden output, a rubric or a solution', () => {
    const all = received.join('\n');
    for (const word of [
      'hiddenTests',
      'wrongSolutions',
      '"reference"',
      '"rubric"',
      '"anchors"',
      '"probes"',
      'autoScored',
    ])
      expect(all).not.toContain(word);
    const used = new Set(assessment.sections.flatMap((s) => s.questions.map((q) => q.id)));
    for (const q of bank.questions) {
      if (q.kind !== 'coding' || !used.has(q.id)) continue;
      const visible = new Set(q.examples.map((e) => JSON.stringify(e.input)));
      for (const t of q.hiddenTests) {
        const input = JSON.stringify(t.input);
        if (!visible.has(input) && input.length > 12) expect(all).not.toContain(input);
      }
      expect(all).not.toContain(q.reference.javascript);
    }
  });
});
