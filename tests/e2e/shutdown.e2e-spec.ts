import type { CandidateAttemptView } from '@rubricon/contracts';
import request from 'supertest';
import type { AppConfig } from '../../apps/api/src/config';
import { connectCandidate, emitWithAck, invitedCandidates, startedAttempt } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { ADMIN, loginAs, testConfig } from '../support/test-app';

const DRAIN_MS = 1_500;
/** Longer than the drain window, so the request is still under way when the instance stops. */
const RUN_MS = 4_000;
const SLOW =
  `function solve(input) { const end = Date.now() + ${RUN_MS}; ` + 'while (Date.now() < end) {} return input; }';

/** Resolves with the HTTP status, or the network error's code once nothing listens any more. */
const statusOf = (url: string, path: string) =>
  request(url)
    .get(path)
    .timeout(2_000)
    .then(
      (res) => res.status,
      (error: { code?: string; status?: number }) => error.status ?? error.code ?? 'error',
    );

/**
 * SIGTERM on a real server process: unready at once while it still serves through the drain
 * window, new socket sessions refused, then a request under way finishes, a late socket event is
 * refused (not half-run), the process exits 0, and an answer acknowledged just before the signal is
 * in the database after a restart.
 */
describe.each(databaseKinds().map((k) => [k.name, k] as const))('graceful shutdown on %s', (_name, kind) => {
  let db: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    db = await kind.create();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await db?.dispose();
  });

  it('turns unready, drains, finishes what is under way, exits 0 and loses no acknowledged save', async () => {
    const config = { ...testConfig(db), shutdownDrainMs: DRAIN_MS } as AppConfig;
    server = await startServerProcess(config);
    const { url } = server;
    const admin = await loginAs(url, ADMIN.email, ADMIN.password);
    const hr = (await createStaff(url, admin, 'hr')).token;
    const {
      links: [link],
    } = await invitedCandidates(url, hr, 1);
    const { session, started } = await startedAttempt(url, link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const { socket } = await connectCandidate(url, session.accessToken);
    const save = (version: number) =>
      emitWithAck<{ version?: number; code?: string }>(socket, 'save-answer', {
        attemptId: session.attemptId,
        questionId: coding.id,
        language: 'javascript',
        content: `// saved as version ${version}`,
        version,
      });
    expect(await statusOf(url, '/api/health/ready')).toBe(200);
    expect(await statusOf(url, '/socket.io/?EIO=4&transport=polling')).toBe(200);
    expect(await save(1)).toMatchObject({ version: 1 });

    // A slow request under way when the signal comes.
    const slowRun = request(url)
      .post('/api/runs')
      .set('Authorization', `Bearer ${admin}`)
      .send({ language: 'javascript', code: SLOW, tests: [{ input: 1, expected: 1 }], timeLimitMs: 10_000 })
      .then((res) => ({ status: res.status, verdict: (res.body as { verdict?: string }).verdict }));
    await new Promise((r) => setTimeout(r, 500));
    expect(await save(2)).toMatchObject({ version: 2 });
    server.child.kill('SIGTERM');
    const signalled = Date.now();

    // The drain window: unready (with why), alive, and no new socket session, while requests are still served.
    const ready = await request(url).get('/api/health/ready').expect(503);
    expect(ready.body).toMatchObject({ code: 'shutting-down' });
    expect(await statusOf(url, '/api/health')).toBe(200);
    const handshake = await request(url).get('/socket.io/?EIO=4&transport=polling').expect(403);
    expect(handshake.text).toContain('shutting-down');
    await expect(connectCandidate(url, session.accessToken)).rejects.toThrow();
    expect(Date.now() - signalled).toBeLessThan(DRAIN_MS);

    // After the window: no new connections; the open socket's late events are refused, not run.
    while ((await statusOf(url, '/api/health')) === 200) await new Promise((r) => setTimeout(r, 50));
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(DRAIN_MS - 100);
    expect(await save(3)).toMatchObject({ code: 'shutting-down' });

    expect(await slowRun).toEqual({ status: 200, verdict: 'passed' });
    expect(await server.exited).toBe(0);
    socket.disconnect();

    // Restarted on the same database: the last acknowledged save is there, the refused one is not.
    server = await startServerProcess(testConfig(db));
    const view = (
      await request(server.url)
        .get('/api/candidate/attempt')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .expect(200)
    ).body as CandidateAttemptView;
    expect(view.answers.find((a) => a.questionId === coding.id)).toMatchObject({
      version: 2,
      content: '// saved as version 2',
    });
    expect(await statusOf(server.url, '/api/health/ready')).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = undefined;
  }, 90_000);
});
