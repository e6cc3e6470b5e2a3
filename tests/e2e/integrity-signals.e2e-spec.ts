import request from 'supertest';
import type { AttemptDetail, AttemptSummary } from '@rubricon/contracts';
import { emitWithAck, invitedCandidates, startedAttempt } from '../factories/attempts';
import { candidateApi, staffApi, useCandidateSockets } from '../support/candidate-client';
import { setAttemptDeadline } from '../support/database-clock';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('integrity signals on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const sockets = useCandidateSockets(suite);
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  const startedCandidate = async () => {
    const {
      assessment,
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    return { assessment, ...(await startedAttempt(suite.server.url, link)) };
  };

  it('shows HR a reported paste and a hidden-test run in the timeline, and counts them in the list', async () => {
    const { assessment, session, started } = await startedCandidate();
    const c = candidateApi(suite.server.url, session.accessToken);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const socket = await sockets.connect(session.accessToken);
    expect(
      await emitWithAck(socket, 'report-event', {
        attemptId: session.attemptId,
        type: 'paste',
        questionId: coding.id,
        detail: { size: 120 },
      }),
    ).toEqual({ ok: true });
    const failing = 'function solve(input) { throw new Error(JSON.stringify(input)); }';
    await c.run({ questionId: coding.id, language: 'javascript', code: failing, mode: 'hidden' }).expect(200);
    await c.submit().expect(200);

    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.timeline).toEqual([
      expect.objectContaining({ type: 'paste', detail: { size: 120 }, questionId: coding.id }),
      expect.objectContaining({
        type: 'hidden-run',
        detail: { passed: 0, total: coding.coding!.hiddenTestCount },
        questionId: coding.id,
      }),
    ]);
    const list = (await hr('get', `/api/assessments/${assessment.id}/attempts`).expect(200)).body as AttemptSummary[];
    expect(list.find((a) => a.attemptId === session.attemptId)).toMatchObject({
      status: 'submitted',
      integrityEventCount: 2,
    });
  });

  it('refuses a signal about a question outside the attempt, so HR never sees it', async () => {
    const { session } = await startedCandidate();
    const c = candidateApi(suite.server.url, session.accessToken);
    const socket = await sockets.connect(session.accessToken);
    const foreign = { attemptId: session.attemptId, type: 'paste', questionId: 'coding.not-in-this-assessment' };
    expect((await c.signal(foreign).expect(404)).body.code).toBe('question-unknown');
    expect(await emitWithAck(socket, 'report-event', foreign)).toMatchObject({ code: 'question-unknown' });
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.timeline).toEqual([]);
  });

  it('throttles signals: a burst of twenty is recorded, the rest refused with a 429', async () => {
    const { session } = await startedCandidate();
    const c = candidateApi(suite.server.url, session.accessToken);
    // All at once: sent one by one, slow database writes would let the budget refill between them.
    const statuses = (
      await Promise.all(Array.from({ length: 30 }, () => c.signal({ attemptId: session.attemptId, type: 'blur' })))
    ).map((res) => res.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
    expect(statuses).toContain(429);
  });

  it('refuses integrity signals that arrive after the deadline even before the scheduler has run', async () => {
    const { session } = await startedCandidate();
    const socket = await sockets.connect(session.accessToken);
    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() - 1));
    const [overHttp, overSocket] = await Promise.all([
      request(suite.server.url)
        .post('/api/candidate/attempt/events')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .send({ attemptId: session.attemptId, type: 'blur' }),
      emitWithAck<{ error: string }>(socket, 'report-event', { attemptId: session.attemptId, type: 'hidden' }),
    ]);
    // "in progress": the scheduler may have closed the attempt in between, which refuses them too.
    expect(overHttp.status).toBe(409);
    expect(overHttp.body.message).toMatch(/time is up|in progress/);
    expect(overSocket).toEqual({
      error: expect.stringMatching(/time is up|in progress/),
      code: expect.stringMatching(/^(time-up|not-in-progress)$/),
    });
    const detail = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
    expect(detail.timeline).toEqual([]);
  });
});
