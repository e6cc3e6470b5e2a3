import request from 'supertest';
import {
  MAX_SOCKETS_PER_ATTEMPT,
  type AssessmentView,
  type CandidateAttemptView,
  type SaveAnswerAck,
} from '@rubricon/contracts';
import { connectCandidate, emitWithAck, invite, openSession, publishedAssessment } from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { databaseKinds } from '../support/databases';
import { directQuery } from '../support/direct-database';
import { useServerSuite } from '../support/server-suite';

// Requests that arrive together must not break each other: on SQLite they share one connection
// (database/sqlite-serial.ts takes their transactions in turns), on MySQL each edit of a draft
// locks its row first.
describe.each(databaseKinds().map((k) => [k.name, k] as const))('requests at the same moment on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('acknowledges every save a candidate sends at once, and each acknowledged save is what is stored', async () => {
    const assessment = await publishedAssessment(suite.server.url, suite.token, '开发工程师');
    const [link] = await invite(suite.server.url, suite.token, assessment.id);
    const session = await openSession(suite.server.url, link);
    const started = (
      await request(suite.server.url).post('/api/candidate/attempt/start').set(as(session.accessToken)).expect(200)
    ).body as CandidateAttemptView;
    const { socket } = await connectCandidate(suite.server.url, session.accessToken);
    try {
      const questions = started.questions;
      // What the page's flush before submit does: every pending answer at once, round after round.
      for (let version = 1; version <= 8; version++) {
        const acks = await Promise.all(
          questions.map((q) =>
            emitWithAck<SaveAnswerAck | { error: string }>(socket, 'save-answer', {
              attemptId: session.attemptId,
              questionId: q.id,
              content: `${q.id} v${version}`,
              version,
              ...(q.kind === 'coding' ? { language: 'javascript' } : {}),
            }),
          ),
        );
        expect(acks).toEqual(questions.map((q) => expect.objectContaining({ questionId: q.id, version })));
      }
      // A stale save in the same burst is refused alone.
      const [stale, fresh] = await Promise.all([
        emitWithAck<{ error: string }>(socket, 'save-answer', {
          attemptId: session.attemptId,
          questionId: questions[0].id,
          content: 'old tab',
          version: 3,
          ...(questions[0].kind === 'coding' ? { language: 'javascript' } : {}),
        }),
        emitWithAck<SaveAnswerAck>(socket, 'save-answer', {
          attemptId: session.attemptId,
          questionId: questions[1].id,
          content: 'latest',
          version: 9,
          ...(questions[1].kind === 'coding' ? { language: 'javascript' } : {}),
        }),
      ]);
      expect(stale.error).toMatch(/newer version/);
      expect(fresh).toMatchObject({ version: 9 });
    } finally {
      socket.disconnect();
    }
    // What the database holds, not what the server chooses to show.
    const stored: { questionId: string; version: number; content: string }[] = (
      await directQuery(
        suite.db,
        () => 'SELECT questionId, version, content FROM answers WHERE attemptId = ?',
        () => [session.attemptId],
      )
    ).records;
    expect(Object.fromEntries(stored.map((a) => [a.questionId, [a.version, a.content]]))).toEqual(
      Object.fromEntries(started.questions.map((q, i) => [q.id, i === 1 ? [9, 'latest'] : [8, `${q.id} v8`]])),
    );
  });

  it('caps the saves and the open sockets of one attempt, with messages that say what to do', async () => {
    const assessment = await publishedAssessment(suite.server.url, suite.token, '开发工程师');
    const [link] = await invite(suite.server.url, suite.token, assessment.id);
    const session = await openSession(suite.server.url, link);
    const started = (
      await request(suite.server.url).post('/api/candidate/attempt/start').set(as(session.accessToken)).expect(200)
    ).body as CandidateAttemptView;
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    const sockets = await Promise.all(
      Array.from({ length: MAX_SOCKETS_PER_ATTEMPT }, () =>
        connectCandidate(suite.server.url, session.accessToken).then((c) => c.socket),
      ),
    );
    try {
      await expect(connectCandidate(suite.server.url, session.accessToken)).rejects.toThrow(
        /open in 5 tabs or windows already/,
      );
      // A script saving in a loop: the same save 100 times at once (each is acknowledged as a retry until the budget runs out).
      const save = { attemptId: session.attemptId, questionId: text.id, content: 'x'.repeat(50_000), version: 1 };
      const acks = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          emitWithAck<SaveAnswerAck | { error: string }>(sockets[i % sockets.length], 'save-answer', save),
        ),
      );
      const refused = acks.filter((a): a is { error: string } => 'error' in a);
      expect(refused.length).toBeGreaterThanOrEqual(30);
      expect(refused[0].error).toMatch(/Too many saves in a short time/);
      expect(acks.length - refused.length).toBeGreaterThanOrEqual(60);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  it('lets two edits of one draft take turns: two removals cannot empty it, and a publish freezes it', async () => {
    const postingId = await seedPostingId(suite.server.url, suite.token, '产品经理');
    const generate = async () =>
      (
        await request(suite.server.url)
          .post(`/api/postings/${postingId}/assessments`)
          .set(as(suite.token))
          .send({})
          .expect(201)
      ).body as AssessmentView;
    const ids = (a: AssessmentView) => a.sections.flatMap((s) => s.questions.map((q) => q.id));

    // Down to two questions, then both removed at once: one must be refused.
    const draft = await generate();
    for (const id of ids(draft).slice(2))
      await request(suite.server.url)
        .delete(`/api/assessments/${draft.id}/questions/${id}`)
        .set(as(suite.token))
        .expect(200);
    const [a, b] = ids(draft).slice(0, 2);
    const removals = await Promise.all(
      [a, b].map((id) =>
        request(suite.server.url).delete(`/api/assessments/${draft.id}/questions/${id}`).set(as(suite.token)),
      ),
    );
    expect(removals.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(
      ids((await request(suite.server.url).get(`/api/assessments/${draft.id}`).set(as(suite.token)).expect(200)).body),
    ).toHaveLength(1);

    // Publish and a removal at once: either the removal lands first, or it is refused; the published
    // assessment is what was published.
    const other = await generate();
    const [published, removal] = await Promise.all([
      request(suite.server.url).post(`/api/assessments/${other.id}/publish`).set(as(suite.token)),
      request(suite.server.url)
        .delete(`/api/assessments/${other.id}/questions/${ids(other)[0]}`)
        .set(as(suite.token)),
    ]);
    expect(published.status).toBe(201);
    expect([200, 409]).toContain(removal.status);
    const after = (await request(suite.server.url).get(`/api/assessments/${other.id}`).set(as(suite.token)).expect(200))
      .body as AssessmentView;
    expect(ids(after)).toEqual(ids(published.body));

    // The same question added twice at once: one is added, the other told it is already there.
    const third = await generate();
    const extra = (
      await request(suite.server.url).get('/api/bank/questions?kind=behavioral').set(as(suite.token)).expect(200)
    ).body.find((q: { id: string }) => !ids(third).includes(q.id)).id as string;
    const adds = await Promise.all(
      [1, 2].map(() =>
        request(suite.server.url)
          .post(`/api/assessments/${third.id}/questions`)
          .set(as(suite.token))
          .send({ questionId: extra }),
      ),
    );
    expect(adds.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(adds.find((r) => r.status === 409)!.body.message).toMatch(/already in this assessment/);
  });

  // Last: it uses up this client address's allowance for opening candidate sessions.
  it('caps opening candidate sessions per address with the generic 429 and its code', async () => {
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await request(suite.server.url)
        .post('/api/candidate/sessions')
        .send({ token: 'x'.repeat(43) });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(limited?.body).toEqual({
      message: 'Too many requests; wait a minute and try again.',
      code: 'too-many-requests',
    });
  });
});
