import type { AttemptDetail } from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import { join } from 'node:path';
import { invitedCandidates, startedAttempt } from '../factories/attempts';
import { candidateApi, staffApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { until } from '../support/until';

const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));

describe.each(databaseKinds().map((k) => [k.name, k] as const))('grading on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  /** A newly invited candidate who has started the attempt, with their API. */
  const startedCandidate = async () => {
    const {
      links: [link],
    } = await invitedCandidates(suite.server.url, suite.token);
    const { session, started } = await startedAttempt(suite.server.url, link);
    return { session, started, c: candidateApi(suite.server.url, session.accessToken) };
  };

  it('grades a submitted attempt on the hidden tests, a generated one at the stated limit included: the reference solution scores full marks for correctness', async () => {
    const { session, started, c } = await startedCandidate();
    // A task with a test at its stated limit: that input is generated on the server, then graded.
    const generated = (id: string) =>
      (bank.questions.find((q) => q.id === id) as CodingQuestion).hiddenTests.some((t) => t.generate);
    const coding = started.questions.find((q) => q.kind === 'coding' && generated(q.id))!;
    expect(coding).toBeDefined();
    const reference = (bank.questions.find((q) => q.id === coding.id) as CodingQuestion).reference.javascript;
    await c.save(coding.id, { content: reference, language: 'javascript', version: 1 }).expect(200);
    await c.submit().expect(200);

    const detail = await until(async () => {
      const d = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
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
  });

  it('lets a candidate answer in Python: Python starter code, a visible run, hidden tests kept hidden, graded on submit', async () => {
    const { session, started, c } = await startedCandidate();
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const question = bank.questions.find((q) => q.id === coding.id) as CodingQuestion;
    expect(coding.coding!.starter.python).toBe(question.starter.python);
    expect(coding.coding!.starter.python).toMatch(/def solve\(/);

    const visible = (
      await c
        .run({ questionId: coding.id, language: 'python', code: question.reference.python, mode: 'visible' })
        .expect(200)
    ).body;
    expect(visible).toMatchObject({ mode: 'visible', verdict: 'passed' });
    // A hidden run answers with a count alone, even when the code throws each input back.
    const echo = 'def solve(input):\n    raise ValueError(repr(input))\n';
    const hidden = (await c.run({ questionId: coding.id, language: 'python', code: echo, mode: 'hidden' }).expect(200))
      .body;
    expect(hidden).toEqual({ mode: 'hidden', passed: 0, total: coding.coding!.hiddenTestCount });

    await c.save(coding.id, { content: question.reference.python, language: 'python', version: 1 }).expect(200);
    await c.submit().expect(200);
    const detail = await until(async () => {
      const d = (await hr('get', `/api/attempts/${session.attemptId}`).expect(200)).body as AttemptDetail;
      return d.autoScorePercent === null ? undefined : d;
    });
    const graded = detail.answers.find((a) => a.questionId === coding.id)!;
    expect(graded.language).toBe('python');
    expect(graded.grading).toMatchObject({ passed: coding.coding!.hiddenTestCount, score: 1, criterionScore: 5 });
  });
});
