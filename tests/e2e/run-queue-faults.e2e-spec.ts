import type { AttemptDetail } from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import { RUN_QUEUE } from '@rubricon/sandbox';
import { Queue, type Job } from 'bullmq';
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
/** The reference solution, 300 ms slower per test: long enough to kill its runner mid-run. */
const slowReference = (questionId: string) =>
  `const reference = (() => {\n${(bank.questions.find((q) => q.id === questionId) as CodingQuestion).reference.javascript}\nreturn solve;\n})();\n` +
  'function solve(input) { const end = Date.now() + 300; while (Date.now() < end) {} return reference(input); }';

jest.setTimeout(120_000);

/**
 * Runner processes killed with kill -9 mid-run: BullMQ notices the lapsed lock (RUN_QUEUE: 10 s lock,
 * 5 s checks) and another runner runs the job again; a job whose runners die twice fails, and its
 * caller gets a 'crashed' verdict. Nothing is lost, nothing finishes twice, nothing is graded twice.
 */
describeQueue('runner processes killed mid-run', () => {
  let redis: TestRedis;
  let db: TestDatabase;
  let app: TestApp;
  let queue: Queue;
  let admin: string;
  const runners: RunnerProcess[] = [];
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const startRunner = async (name: string) => {
    const runner = await startRunnerProcess({ redisUrl: redis.url, prefix, name });
    runners.push(runner);
    return runner;
  };
  const alive = () => runners.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
  /** Kills (kill -9) the runner running `job` as soon as it has started it for the `start`-th time. */
  const killWhenRunning = async (name: string, start: number) => {
    const job = await until(async () => {
      const [active] = (await queue.getActive()).filter((j) => j.name === name && j.attemptsStarted === start);
      return active;
    }, 40_000);
    const runner = runners.find((r) => r.name === job.processedBy)!;
    expect(process.kill(runner.child.pid!, 'SIGKILL')).toBe(true);
    await runner.exited;
    return runner.name;
  };
  const counts = () => queue.getJobCounts('completed', 'failed', 'active', 'wait', 'prioritized', 'delayed');

  beforeAll(async () => {
    redis = await startTestRedis();
    const mariadb = await createMariadbDatabase();
    db = {
      database: { type: 'mariadb', url: mariadb.url },
      dataDir: mkdtempSync(join(tmpdir(), 'rubricon-test-')),
      dispose: () => mariadb.drop(),
    };
    app = await startTestApp(db, { redis: { url: redis.url, prefix, instanceId: 'a', embeddedRunners: false } });
    queue = new Queue(RUN_QUEUE.name, { connection: { url: redis.url }, prefix });
    admin = await loginAs(app.url, ADMIN.email, ADMIN.password);
    await Promise.all([startRunner('runner-1'), startRunner('runner-2')]);
  });

  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await Promise.all(runners.map((r) => r.stop('SIGTERM')));
    await db?.dispose();
    await redis?.dispose();
  });

  it('retries a grading run whose runner is killed on the other runner: graded once, in full, nothing lost', async () => {
    const hr = await createStaff(app.url, admin, 'hr');
    const {
      links: [link],
    } = await invitedCandidates(app.url, hr.token);
    const { session, started } = await startedAttempt(app.url, link);
    const c = candidateApi(app.url, session.accessToken);
    const coding = started.questions.filter((q) => q.kind === 'coding');
    for (const q of coding)
      await c.save(q.id, { content: slowReference(q.id), language: 'javascript', version: 1 }).expect(200);
    const startedAt = Date.now();
    await c.submit().expect(200);
    const killed = await killWhenRunning('grading', 1);

    const detail = await until(async () => {
      const d = (await staffApi(app.url, hr.token)('get', `/api/attempts/${session.attemptId}`).expect(200))
        .body as AttemptDetail;
      return d.autoScorePercent === null ? undefined : d;
    }, 90_000);
    const seconds = (Date.now() - startedAt) / 1000;
    expect(detail.autoScorePercent).toBe(100);
    for (const q of coding)
      expect(detail.answers.find((x) => x.questionId === q.id)!.grading).toMatchObject({
        passed: q.coding!.hiddenTestCount,
        total: q.coding!.hiddenTestCount,
        score: 1,
      });
    // One job per coding question, each finished once; the one whose runner died was started twice.
    expect(await counts()).toEqual({
      completed: coding.length,
      failed: 0,
      active: 0,
      wait: 0,
      prioritized: 0,
      delayed: 0,
    });
    const jobs = await queue.getJobs(['completed']);
    const retried = jobs.filter((j: Job) => j.stalledCounter > 0);
    expect(retried).toHaveLength(1);
    expect(retried[0].attemptsStarted).toBe(2);
    expect(retried[0].processedBy).not.toBe(killed);
    expect(seconds).toBeLessThan(60);
  });

  it("gives a run whose runners are killed under it twice a 'crashed' verdict, and fails its job once", async () => {
    // Two runs' worth of runners to kill, and one left to notice the second death.
    while (alive().length < 3) await startRunner(`runner-${runners.length + 1}`);
    const before = await counts();
    const staff = await createStaff(app.url, admin, 'interviewer');
    const code = 'function solve() { const end = Date.now() + 1500; while (Date.now() < end) {} return 1; }';
    const response = request(app.url)
      .post('/api/runs')
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ language: 'javascript', code, tests: [0, 1, 2].map(() => ({ input: null, expected: 1 })) })
      .then((res) => res);
    const first = await killWhenRunning('practice', 1);
    const second = await killWhenRunning('practice', 2);
    expect(second).not.toBe(first);
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('crashed');
    expect(res.body.tests).toEqual(
      [0, 1, 2].map(() =>
        expect.objectContaining({ verdict: 'crashed', passed: false, error: expect.stringMatching(/stopped twice/) }),
      ),
    );
    expect(await counts()).toEqual({ ...before, failed: before.failed + 1 });
    // The slot was given back: the same person runs again at once, on the runner still alive.
    const again = await request(app.url)
      .post('/api/runs')
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ language: 'javascript', code: 'function solve() { return 1; }', tests: [{ input: null, expected: 1 }] })
      .expect(200);
    expect(again.body.verdict).toBe('passed');
  });
});
