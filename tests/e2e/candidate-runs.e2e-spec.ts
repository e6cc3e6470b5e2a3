import { hiddenCases, loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import { join } from 'node:path';
import type { CandidateAttemptView } from '@rubricon/contracts';
import { emitWithAck, invitedCandidates, openSession, startedAttempt } from '../factories/attempts';
import { candidateApi, useCandidateSockets } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));
const referenceOf = (questionId: string) =>
  (bank.questions.find((q) => q.id === questionId) as CodingQuestion).reference.javascript;
/** Throws each test's input back: a hidden test's input must not reach the candidate even so. */
const ECHO_INPUT = 'function solve(input) { throw new Error(JSON.stringify(input)); }';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('candidate code runs on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const sockets = useCandidateSockets(suite);
  const startedCandidate = async () => {
    const {
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const { session, started } = await startedAttempt(suite.server.url, link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    return { coding, c: candidateApi(suite.server.url, session.accessToken) };
  };

  it('runs the visible examples in full, and answers a hidden run with a count alone', async () => {
    const { coding, c } = await startedCandidate();
    const visible = (
      await c
        .run({ questionId: coding.id, language: 'javascript', code: referenceOf(coding.id), mode: 'visible' })
        .expect(200)
    ).body;
    expect(visible.verdict).toBe('passed');
    expect(visible.tests).toHaveLength(coding.coding!.examples.length);
    const hidden = (
      await c.run({ questionId: coding.id, language: 'javascript', code: ECHO_INPUT, mode: 'hidden' }).expect(200)
    ).body;
    expect(hidden).toEqual({ mode: 'hidden', passed: 0, total: coding.coding!.hiddenTestCount });
  });

  it("runs the candidate's own input and shows what solve returned and logged, with no pass or fail", async () => {
    const { coding, c } = await startedCandidate();
    const code = 'function solve(input) { console.log("got", input.n); return { twice: input.n * 2 }; }';
    const ran = (
      await c.run({ questionId: coding.id, language: 'javascript', code, mode: 'custom', input: { n: 21 } }).expect(200)
    ).body;
    expect(ran).toMatchObject({ mode: 'custom', verdict: 'ok', output: '{"twice":42}', logs: ['got 21'] });
    // null is an input like any other; a throw is shown as the error it is.
    const thrown = (
      await c
        .run({ questionId: coding.id, language: 'javascript', code: ECHO_INPUT, mode: 'custom', input: null })
        .expect(200)
    ).body;
    expect(thrown).toMatchObject({ mode: 'custom', verdict: 'error', error: expect.stringContaining('null') });
  });

  it('refuses a custom run without an input, an input on another mode, and an input over 16 KiB', async () => {
    const { coding, c } = await startedCandidate();
    const base = { questionId: coding.id, language: 'javascript', code: 'function solve(x) { return x; }' };
    const refusal = async (body: object) => (await c.run(body).expect(400)).body;
    expect(await refusal({ ...base, mode: 'custom' })).toMatchObject({
      code: 'invalid-request',
      message: 'input is required for a custom run',
    });
    expect((await refusal({ ...base, mode: 'visible', input: 1 })).message).toBe('input is only for a custom run');
    expect((await refusal({ ...base, mode: 'custom', input: 'x'.repeat(16 * 1024) })).message).toBe(
      'input is longer than 16 KiB as JSON',
    );
  });

  it('limits a candidate to one run at a time, ten hidden runs per question and twenty runs a minute', async () => {
    const { coding, c } = await startedCandidate();
    const slow = 'function solve() { const end = Date.now() + 300; while (Date.now() < end) {} return null; }';
    const concurrent = await Promise.all(
      [0, 1].map(() => c.run({ questionId: coding.id, language: 'javascript', code: slow, mode: 'visible' })),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 429]);
    expect(concurrent.find((r) => r.status === 429)?.body).toEqual({
      message: 'A run is already in progress; wait for it to finish.',
      code: 'run-in-progress',
      params: { detail: 'A run is already in progress; wait for it to finish.' },
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
      params: { max: 10 },
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
  });

  it('never sends the candidate a hidden test, an expected hidden output, a rubric or a solution', async () => {
    // Everything the candidate side receives over a whole attempt, refusals included.
    const received: string[] = [];
    const {
      assessment,
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const session = await openSession(suite.server.url, link);
    const c = candidateApi(suite.server.url, session.accessToken, received);
    await c.view().expect(200);
    const started = (await c.start().expect(200)).body as CandidateAttemptView;
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const text = started.questions.find((q) => q.kind !== 'coding')!;
    const socket = await sockets.connect(session.accessToken, received);
    const ack = async (event: string, payload: object) =>
      received.push(JSON.stringify(await emitWithAck(socket, event, payload)));
    const save = (content: string, version: number) =>
      ack('save-answer', {
        attemptId: session.attemptId,
        questionId: coding.id,
        language: 'javascript',
        content,
        version,
      });
    await save('// draft', 1);
    await save(referenceOf(coding.id), 2);
    await save('// older tab', 2);
    await c.save(text.id, { content: 'my approach', version: 1 }).expect(200);
    await ack('report-event', { attemptId: session.attemptId, type: 'paste', questionId: coding.id });
    for (const [code, mode] of [
      [referenceOf(coding.id), 'visible'],
      ['function solve() { return null; }', 'visible'],
      [ECHO_INPUT, 'visible'],
      [ECHO_INPUT, 'hidden'],
      ['function solve() { return null; }', 'hidden'],
    ])
      await c.run({ questionId: coding.id, language: 'javascript', code, mode }).expect(200);
    await c.submit().expect(200);
    await c.view().expect(200);
    await c.save(text.id, { content: 'after submit', version: 2 }).expect(409);
    expect(received.length).toBeGreaterThan(15);

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
      for (const [i, t] of hiddenCases(q).entries()) {
        const input = JSON.stringify(t.input);
        if (!visible.has(input) && input.length > 12) expect(all).not.toContain(input);
        // A generated input's source is as secret as the input.
        const source = q.hiddenTests[i].generate;
        if (source) expect(all).not.toContain(source);
      }
      expect(all).not.toContain(q.reference.javascript);
    }
  });
});
