import { MAX_SOCKETS_PER_ATTEMPT, type CandidateAttemptView } from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { emitWithAck, invitedCandidates, openSession, startedAttempt } from '../factories/attempts';
import { candidateApi, useCandidateSockets } from '../support/candidate-client';
import { setAttemptDeadline } from '../support/database-clock';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));
const referenceOf = (questionId: string) =>
  (bank.questions.find((q) => q.id === questionId) as CodingQuestion).reference.javascript;

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

describe.each(databaseKinds().map((k) => [k.name, k] as const))('saving answers on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const sockets = useCandidateSockets(suite);
  const candidate = (token: string) => candidateApi(suite.server.url, token);
  const ack = <T>(socket: Socket, event: string, payload: object) => emitWithAck<T>(socket, event, payload);

  it('saves versions over the socket, and refuses stale, foreign, malformed, too long and too deep saves and unknown events, keeping the socket', async () => {
    const {
      links: [link, other],
    } = await invitedCandidates(suite.server.url, suite.token, 2);
    const { session, started } = await startedAttempt(suite.server.url, link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const socket = await sockets.connect(session.accessToken);
    const save = (content: unknown, version: number, attemptId = session.attemptId) =>
      ack<{ error: string }>(socket, 'save-answer', {
        attemptId,
        questionId: coding.id,
        language: 'javascript',
        content,
        version,
      });

    expect(await save('// draft', 1)).toMatchObject({ questionId: coding.id, version: 1 });
    expect(await save(referenceOf(coding.id), 2)).toMatchObject({ version: 2 });
    expect((await save('// older tab', 2)).error).toMatch(
      /newer version of this answer is already saved \(version 2\)/,
    );
    expect((await save('x', 1, other.attemptId)).error).toMatch(/another attempt/);
    const invalid = await ack<{ error: string }>(socket, 'save-answer', {
      attemptId: session.attemptId,
      questionId: coding.id,
      content: 7,
      version: 0,
      extra: true,
    });
    expect(invalid.error).toMatch(/unknown field "extra"/);
    // Over the answer limit, even as a 400 KB frame of escaped control characters: an ack that says so, and the socket stays.
    // Over the limit in characters or only in bytes, the refusal is the same one, with its code.
    expect(await save('\u0001'.repeat(65_000), 3)).toEqual({
      error: 'The answer is too long (more than 60 KB).',
      code: 'answer-too-long',
      params: { kb: 60 },
    });
    expect(await save('答'.repeat(20_001), 3)).toMatchObject({ code: 'answer-too-long' });
    // 5000 levels of arrays (10 KB) used to overflow the stack of validation: refused like any bad payload.
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const tooDeep = await rawAck(
      socket,
      'save-answer',
      `{"attemptId":"${session.attemptId}","questionId":"${coding.id}","language":"javascript","content":${deep},"version":3}`,
    );
    expect(tooDeep).toEqual({
      error: 'The message is nested too deeply (more than 64 levels of objects and arrays).',
      code: 'too-deeply-nested',
      params: { what: 'The message', depth: 64 },
    });
    expect(socket.connected).toBe(true);
    expect(await ack<{ error: string }>(socket, 'delete-everything', { attemptId: session.attemptId })).toEqual({
      error: expect.stringMatching(/Unknown event "delete-everything"/),
      code: 'unknown-event',
      params: { event: 'delete-everything', known: 'save-answer, report-event' },
    });
  });

  it('saves over HTTP too, refuses a question outside the assessment, and resumes with the latest versions', async () => {
    const {
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const { session, started } = await startedAttempt(suite.server.url, link);
    const c = candidate(session.accessToken);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    const reference = referenceOf(coding.id);
    const socket = await sockets.connect(session.accessToken);
    for (const [content, version] of [['// draft', 1] as const, [reference, 2] as const])
      expect(
        await ack(socket, 'save-answer', {
          attemptId: session.attemptId,
          questionId: coding.id,
          language: 'javascript',
          content,
          version,
        }),
      ).toMatchObject({ version });

    await c.save(text.id, { content: '## 我的思路\n先澄清需求。', version: 1 }).expect(200);
    await c.save('coding.not-in-this-assessment', { content: 'x', language: 'javascript', version: 1 }).expect(404);

    const resumed = (await c.view().expect(200)).body as CandidateAttemptView;
    expect(resumed.answers.find((a) => a.questionId === coding.id)).toMatchObject({
      content: reference,
      version: 2,
      language: 'javascript',
    });
    expect(resumed.answers.find((a) => a.questionId === text.id)).toMatchObject({ version: 1 });
  });

  it('acknowledges a retried save again, and explains stale and skipped versions', async () => {
    const {
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const { session, started } = await startedAttempt(suite.server.url, link);
    const c = candidate(session.accessToken);
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

  it('names candidate refusals with a code in socket acknowledgements and in refused handshakes', async () => {
    const {
      assessment,
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const session = await openSession(suite.server.url, link);
    const socket = await sockets.connect(session.accessToken);
    const text = assessment.sections.find((s) => s.kind !== 'coding')!.questions[0];
    const save = (content: unknown, version: number) =>
      ack<object>(socket, 'save-answer', { attemptId: session.attemptId, questionId: text.id, content, version });
    expect(await save('early', 1)).toEqual({
      error: 'Start the assessment first.',
      code: 'not-started',
    });
    await candidate(session.accessToken).start().expect(200);
    expect(await save('v1', 1)).toMatchObject({ version: 1 });
    expect(await save('other tab', 1)).toEqual({
      error: expect.stringMatching(/newer version .* \(version 1\)/),
      code: 'stale-version',
      params: { saved: 1 },
    });
    // The values in the message travel as params, for the page to word the code with them.
    expect(await save('v3', 3)).toEqual({
      error: expect.stringMatching(/must be version 2/),
      code: 'version-skipped',
      params: { saved: 1, next: 2 },
    });
    expect(await save(42, 2)).toEqual({
      error: expect.stringMatching(/content must be text/),
      code: 'invalid-request',
      params: { detail: expect.stringMatching(/content must be text/) },
    });

    // The tabs cap and an ended session refuse the handshake: the code travels as connect_error's data.
    const more = await Promise.all(
      Array.from({ length: MAX_SOCKETS_PER_ATTEMPT - 1 }, () => sockets.connect(session.accessToken)),
    );
    expect(await sockets.refusal(session.accessToken)).toMatchObject({
      message: expect.stringMatching(/open in 5 tabs or windows already/),
      data: { code: 'too-many-tabs' },
    });
    for (const s of more) s.disconnect();
    expect(await sockets.refusal('forged')).toMatchObject({
      message: expect.stringMatching(/invitation link again/),
      data: { code: 'session-ended' },
    });

    await setAttemptDeadline(suite.db, session.attemptId, new Date(Date.now() - 1));
    // "submitted": the scheduler may have closed the attempt in between.
    expect(await save('late', 2)).toEqual({
      error: expect.stringMatching(/time is up|submitted/),
      code: expect.stringMatching(/^(time-up|already-submitted)$/),
    });
  });
});
