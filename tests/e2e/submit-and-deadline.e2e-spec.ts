import type { AttemptDetail, CandidateAttemptView } from '@rubricon/contracts';
import { emitWithAck, invitedCandidates, startedAttempt } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { candidateApi, staffApi, useCandidateSockets } from '../support/candidate-client';
import { setAttemptDeadline } from '../support/database-clock';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs, startTestApp } from '../support/test-app';
import { until } from '../support/until';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('submit and deadline on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const sockets = useCandidateSockets(suite);
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  const candidate = (token: string) => candidateApi(suite.server.url, token);
  const startedCandidate = async () => {
    const {
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const { session, started } = await startedAttempt(suite.server.url, link);
    return { session, started, c: candidate(session.accessToken) };
  };

  it('submits on request once, tells the open socket, and refuses saves after it', async () => {
    const { session, started, c } = await startedCandidate();
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    await c.save(text.id, { content: 'before submitting', version: 1 }).expect(200);
    const socket = await sockets.connect(session.accessToken);

    const submitted = new Promise((resolve) => socket.once('attempt-state', resolve));
    expect((await c.submit().expect(200)).body.status).toBe('submitted');
    expect(await submitted).toMatchObject({ status: 'submitted' });
    expect((await c.submit().expect(200)).body.status).toBe('submitted');
    const late = await c.save(text.id, { content: 'after submit', version: 2 }).expect(409);
    expect(late.body.message).toMatch(/submitted/);
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail).toMatchObject({ status: 'submitted', submittedBy: 'candidate' });
  });

  it("refuses a candidate submit after the deadline and closes the attempt as the deadline's", async () => {
    const { session, c } = await startedCandidate();
    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() - 1));
    const late = await c.submit().expect(409);
    expect(late.body.message).toMatch(/time is up/);
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail).toMatchObject({ status: 'submitted', submittedBy: 'deadline' });
  });

  it('submits at the deadline by itself and refuses writes after it', async () => {
    const { session, started, c } = await startedCandidate();
    const socket = await sockets.connect(session.accessToken);
    const question = started.questions[0];
    const language = question.kind === 'coding' ? 'javascript' : undefined;
    await c.save(question.id, { content: 'saved before the deadline', language, version: 1 }).expect(200);

    const closed = new Promise<{ status: string }>((resolve) =>
      socket.on('attempt-state', (s) => s.status === 'submitted' && resolve(s)),
    );
    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() + 800));
    expect((await closed).status).toBe('submitted');

    const refused = await emitWithAck<{ error: string }>(socket, 'save-answer', {
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
    const summary = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(summary.submittedBy).toBe('deadline');
  });

  it('refuses a save that arrives after the deadline even before the scheduler has run', async () => {
    const { session, started, c } = await startedCandidate();
    const question = started.questions.find((q) => q.kind !== 'coding')!;
    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() - 1));
    const res = await c.save(question.id, { content: 'late', version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/time is up|submitted/);
  });

  it('catches up on a deadline that passed while the server was down', async () => {
    // A server and database of this test's own: it stops and restarts them.
    const db = await kind.create();
    let server = await startTestApp(db);
    try {
      const hrToken = (await createStaff(server.url, await loginAs(server.url, ADMIN.email, ADMIN.password), 'hr'))
        .token;
      const {
        links: [link],
      } = await invitedCandidates(server.url, hrToken);
      const { session } = await startedAttempt(server.url, link);
      await server.close();
      await setAttemptDeadline(db, session.attemptId, new Date(Date.now() - 60_000));

      server = await startTestApp(db);
      const admin = staffApi(server.url, await loginAs(server.url, ADMIN.email, ADMIN.password));
      const detail = await until(async () => {
        const d = (await admin('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
        return d.status === 'submitted' ? d : undefined;
      });
      expect(detail.submittedBy).toBe('deadline');
    } finally {
      await server.close();
      await db.dispose();
    }
  });
});
