import type { AttemptDetail } from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import { RUN_QUEUE } from '@rubricon/sandbox';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { invitedCandidates, startedAttempt } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { candidateApi, staffApi } from '../support/candidate-client';
import type { TestDatabase } from '../support/databases';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb';
import { redisAvailable, startTestRedis, type TestRedis } from '../support/redis';
import { startRunnerProcess, type RunnerProcess } from '../support/runner-process';
import { ADMIN, loginAs, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const describeQueue = redisAvailable() && mariadbAvailable() ? describe : describe.skip;
const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));
const referenceOf = (questionId: string) =>
  (bank.questions.find((q) => q.id === questionId) as CodingQuestion).reference.javascript;
const SUM = 'function solve(input) { return input.a + input.b; }';
/** Holds a runner's only sandbox worker for `ms`, then returns 1. */
const busy = (ms: number) =>
  `function solve() { const end = Date.now() + ${ms}; while (Date.now() < end) {} return 1; }`;

jest.setTimeout(90_000);

/**
 * Code runs through the BullMQ queue (REDIS_URL): API instances on MariaDB and a private Redis, no
 * sandbox pool of their own (RUNNERS=remote), and a real runner process consuming the queue.
 */
describeQueue('code runs through the Redis queue to runner processes', () => {
  let redis: TestRedis;
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp | undefined;
  let runner: RunnerProcess;
  let queue: Queue;
  let admin: string;
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const redisConfig = (instanceId: string) => ({
    redis: { url: redis.url, prefix, instanceId, embeddedRunners: false },
  });
  const staffRun = (url: string, token: string, body: object) =>
    request(url).post('/api/runs').set('Authorization', `Bearer ${token}`).send(body);
  /** Every job the queue holds, finished ones included, oldest first. */
  const allJobs = async () =>
    (await queue.getJobs(['completed', 'failed', 'active', 'wait', 'prioritized'])).sort(
      (x, y) => x.timestamp - y.timestamp,
    );

  beforeAll(async () => {
    redis = await startTestRedis();
    const mariadb = await createMariadbDatabase();
    db = {
      database: { type: 'mariadb', url: mariadb.url },
      dataDir: mkdtempSync(join(tmpdir(), 'rubricon-test-')),
      dispose: () => mariadb.drop(),
    };
    a = await startTestApp(db, redisConfig('a'));
    runner = await startRunnerProcess({ redisUrl: redis.url, prefix, name: 'runner-1' });
    queue = new Queue(RUN_QUEUE.name, { connection: { url: redis.url }, prefix });
    queue.on('error', () => undefined); // the Redis-restart test stops it on purpose
    admin = await loginAs(a.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await queue?.close();
    await b?.close();
    await a?.close();
    await runner?.stop('SIGTERM');
    await db?.dispose();
    await redis?.dispose();
  });

  it('gives a staff run and a candidate run their verdicts through the queue', async () => {
    const staff = await createStaff(a.url, admin, 'interviewer');
    const before = (await queue.getJobCounts('completed')).completed;
    const ran = await staffRun(a.url, staff.token, {
      language: 'javascript',
      code: SUM,
      tests: [
        { input: { a: 1, b: 2 }, expected: 3 },
        { input: { a: 1, b: 1 }, expected: 3 },
      ],
    }).expect(200);
    expect(ran.body).toMatchObject({
      verdict: 'failed',
      tests: [{ verdict: 'passed' }, { verdict: 'failed', output: '2' }],
    });

    const hr = await createStaff(a.url, admin, 'hr');
    const {
      links: [link],
    } = await invitedCandidates(a.url, hr.token);
    const { session, started } = await startedAttempt(a.url, link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const visible = await candidateApi(a.url, session.accessToken)
      .run({ questionId: coding.id, language: 'javascript', code: referenceOf(coding.id), mode: 'visible' })
      .expect(200);
    expect(visible.body.verdict).toBe('passed');
    // Both went through the queue and were taken by the runner process.
    expect((await queue.getJobCounts('completed')).completed).toBe(before + 2);
    const jobs = await queue.getJobs(['completed']);
    expect(new Set(jobs.map((j) => j.processedBy))).toEqual(new Set(['runner-1']));
  });

  /** A started attempt whose coding answers are the reference solutions, ready to submit. */
  const attemptWithReferenceAnswers = async (hrToken: string) => {
    const {
      links: [link],
    } = await invitedCandidates(a.url, hrToken);
    const { session, started } = await startedAttempt(a.url, link);
    const c = candidateApi(a.url, session.accessToken);
    const coding = started.questions.filter((q) => q.kind === 'coding');
    for (const q of coding)
      await c.save(q.id, { content: referenceOf(q.id), language: 'javascript', version: 1 }).expect(200);
    return { session, c, coding };
  };
  const gradedDetail = (hrToken: string, attemptId: string) =>
    until(async () => {
      const d = (await staffApi(a.url, hrToken)('get', `/api/attempts/${attemptId}`).expect(200)).body as AttemptDetail;
      return d.autoScorePercent === null ? undefined : d;
    }, 60_000);

  it('grades a submitted attempt through the queue, at high priority', async () => {
    const hr = await createStaff(a.url, admin, 'hr');
    const { session, c, coding } = await attemptWithReferenceAnswers(hr.token);
    const before = new Set((await allJobs()).map((j) => j.id));
    await c.submit().expect(200);
    const detail = await gradedDetail(hr.token, session.attemptId);
    for (const q of coding)
      expect(detail.answers.find((x) => x.questionId === q.id)!.grading).toMatchObject({
        passed: q.coding!.hiddenTestCount,
        total: q.coding!.hiddenTestCount,
        score: 1,
      });
    const grading = (await allJobs()).filter((j) => !before.has(j.id));
    expect(grading).toHaveLength(coding.length);
    for (const job of grading) {
      expect(job.name).toBe('grading');
      expect(job.opts.priority).toBe(RUN_QUEUE.priority.high);
      expect(job.finishedOn).toBeDefined();
      expect(job.processedBy).toBe('runner-1');
    }
  });

  it('lets grading overtake practice runs waiting in the queue (order of completion)', async () => {
    const hr = await createStaff(a.url, admin, 'hr');
    const { session, c } = await attemptWithReferenceAnswers(hr.token);
    // Eight practice runs from four staff members (two each, their limit) fill the only runner's queue.
    const staff = await Promise.all([0, 1, 2, 3].map(() => createStaff(a.url, admin, 'interviewer')));
    const since = Date.now();
    const practice = staff.flatMap((s) =>
      [0, 1].map(() =>
        staffRun(a.url, s.token, { language: 'javascript', code: busy(400), tests: [{ input: null, expected: 1 }] }),
      ),
    );
    const settled = Promise.all(practice.map((r) => r.then((res) => res.status)));
    await until(async () => ((await queue.count()) >= 6 ? true : undefined));
    await c.submit().expect(200);
    expect(await settled).toEqual(Array(8).fill(200));
    await gradedDetail(hr.token, session.attemptId);

    const jobs = (await allJobs()).filter((j) => j.timestamp >= since);
    const practiceJobs = jobs.filter((j) => j.name === 'practice');
    expect(practiceJobs).toHaveLength(8);
    const firstGrading = jobs.find((j) => j.name === 'grading')!;
    expect(firstGrading).toBeDefined();
    // Practice runs queued before the grading run, yet finished after it: FIFO would give none.
    const overtaken = practiceJobs.filter(
      (p) => p.timestamp < firstGrading.timestamp && p.finishedOn! > firstGrading.finishedOn!,
    );
    expect(overtaken.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps an owner's runs in flight to its limit across two API instances sharing Redis", async () => {
    b = await startTestApp(db, redisConfig('b'));
    const staff = await createStaff(a.url, admin, 'interviewer');
    const slow = { language: 'javascript', code: busy(600), tests: [{ input: null, expected: 1 }] };
    const staffStatuses = await Promise.all([
      staffRun(a.url, staff.token, slow),
      staffRun(b.url, staff.token, slow),
      staffRun(a.url, staff.token, slow),
    ]);
    expect(staffStatuses.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    expect(staffStatuses.find((r) => r.status === 429)!.body.code).toBe('run-in-progress');

    const hr = await createStaff(a.url, admin, 'hr');
    const {
      links: [link],
    } = await invitedCandidates(a.url, hr.token);
    const { session, started } = await startedAttempt(a.url, link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const body = { questionId: coding.id, language: 'javascript', code: busy(600), mode: 'custom', input: null };
    const onBoth = await Promise.all([
      candidateApi(a.url, session.accessToken).run(body),
      candidateApi(b.url, session.accessToken).run(body),
    ]);
    expect(onBoth.map((r) => r.status).sort()).toEqual([200, 429]);
    expect(onBoth.find((r) => r.status === 429)!.body).toMatchObject({
      code: 'run-in-progress',
      message: 'A run is already in progress; wait for it to finish.',
    });
    // The slots were given back: the next runs go through on either instance.
    await candidateApi(b.url, session.accessToken).run(body).expect(200);
    await staffRun(b.url, staff.token, slow).expect(200);
  });

  it('answers 503 at once while Redis is down, and runs again once it is back, without a restart', async () => {
    const staff = await createStaff(a.url, admin, 'interviewer');
    const quick = { language: 'javascript', code: SUM, tests: [{ input: { a: 1, b: 1 }, expected: 2 }] };
    await staffRun(a.url, staff.token, quick).expect(200);
    await redis.stop();
    try {
      const started = Date.now();
      const refused = await staffRun(a.url, staff.token, quick);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'sandbox-busy', message: expect.stringMatching(/cannot be reached/) });
    } finally {
      await redis.start();
    }
    // The API and the runner reconnect by themselves; the emptied Redis holds a fresh queue.
    const back = await until(async () => {
      const res = await staffRun(a.url, staff.token, quick);
      return res.status === 200 ? res : undefined;
    }, 30_000);
    expect(back.body.verdict).toBe('passed');
  });
});
