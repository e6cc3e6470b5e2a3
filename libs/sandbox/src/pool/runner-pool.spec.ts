import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidRunError, PoolClosedError, QueueFullError, TooManyRunsError } from '../errors';
import { RunRequest } from '../types';
import { RunnerPool } from './runner-pool';

jest.setTimeout(20_000);

const adds: RunRequest = {
  language: 'javascript',
  code: 'function solve(x) { return x + 1; }',
  tests: [{ input: 1, expected: 2 }],
};
const loops = (timeMs: number): RunRequest => ({
  language: 'javascript',
  code: 'function solve() { for (;;); }',
  tests: [{ input: 0, expected: 0 }],
  limits: { timeMs },
});

describe(RunnerPool.name, () => {
  let pool: RunnerPool;
  afterEach(() => pool?.close());

  it('runs submissions in separate worker processes', async () => {
    pool = await RunnerPool.start({ size: 2 });
    const [a, b] = await Promise.all([pool.run(adds), pool.run({ ...adds, language: 'typescript' })]);
    expect([a.verdict, b.verdict]).toEqual(['passed', 'passed']);
    expect(pool.stats()).toMatchObject({ size: 2, busy: 0, queued: 0, completed: 2 });
    expect(pool.stats().pids).not.toContain(process.pid);
  });

  it('rejects with QueueFullError when every worker is busy and the queue is full', async () => {
    pool = await RunnerPool.start({ size: 1, queueLimit: 1 });
    const running = pool.run(loops(300));
    const queued = pool.run(adds);
    await expect(pool.run(adds)).rejects.toBeInstanceOf(QueueFullError);
    expect((await running).verdict).toBe('timeout');
    expect((await queued).verdict).toBe('passed');
  });

  it('limits the runs one key may have in flight, and frees the slot when they finish', async () => {
    pool = await RunnerPool.start({ size: 1, perKeyLimit: 1 });
    const first = pool.run(loops(200), { key: 'attempt-1' });
    await expect(pool.run(adds, { key: 'attempt-1' })).rejects.toBeInstanceOf(TooManyRunsError);
    const other = pool.run(adds, { key: 'attempt-2' });
    expect([(await first).verdict, (await other).verdict]).toEqual(['timeout', 'passed']);
    expect((await pool.run(adds, { key: 'attempt-1' })).verdict).toBe('passed');
  });

  it('rejects an invalid request with InvalidRunError before queueing it', async () => {
    pool = await RunnerPool.start({ size: 1 });
    await expect(pool.run({ ...adds, language: 'ruby' as 'javascript' })).rejects.toBeInstanceOf(InvalidRunError);
    expect(pool.stats().completed).toBe(0);
  });

  it('runs a high-priority job before the ones already queued', async () => {
    pool = await RunnerPool.start({ size: 1 });
    const order: string[] = [];
    const busy = pool.run(loops(200));
    const queued = [
      pool.run(adds).then(() => order.push('normal-1')),
      pool.run(adds).then(() => order.push('normal-2')),
    ];
    const urgent = pool.run(adds, { priority: 'high' }).then(() => order.push('high'));
    await Promise.all([busy, urgent, ...queued]);
    expect(order).toEqual(['high', 'normal-1', 'normal-2']);
  });

  it('keeps high-priority runs first come, first served', async () => {
    pool = await RunnerPool.start({ size: 1 });
    const order: string[] = [];
    const busy = pool.run(loops(200));
    const queued = [1, 2, 3].map((n) => pool.run(adds, { priority: 'high' }).then(() => order.push(`high-${n}`)));
    await Promise.all([busy, ...queued]);
    expect(order).toEqual(['high-1', 'high-2', 'high-3']);
  });

  it('accepts a high-priority run while normal runs have filled the queue', async () => {
    pool = await RunnerPool.start({ size: 1, queueLimit: 2 });
    const busy = pool.run(loops(200));
    const normal = [pool.run(adds), pool.run(adds)];
    await expect(pool.run(adds)).rejects.toBeInstanceOf(QueueFullError);
    const grading = pool.run(adds, { priority: 'high' });
    expect(pool.stats().queued).toBe(3);
    expect((await grading).verdict).toBe('passed');
    expect((await Promise.all([busy, ...normal])).map((r) => r.verdict)).toEqual(['timeout', 'passed', 'passed']);
  });

  it('answers crashed when the worker dies mid-run, restarts it and runs the next job', async () => {
    const exits: string[] = [];
    pool = await RunnerPool.start({ size: 1, onWorkerExit: (e) => exits.push(e.reason) });
    const [pid] = pool.stats().pids;
    const running = pool.run(loops(5_000));
    setTimeout(() => process.kill(pid, 'SIGKILL'), 200);
    const crashed = await running;
    expect(crashed.verdict).toBe('crashed');
    expect(crashed.tests[0].error).toMatch(/crashed/);
    expect((await pool.run(adds)).verdict).toBe('passed');
    expect(pool.stats()).toMatchObject({ crashes: 1, restarts: 1 });
    expect(pool.stats().pids).not.toContain(pid);
    expect(exits).toEqual(['crashed']);
  });

  it('kills a worker that overruns the hard deadline and answers timeout', async () => {
    // A worker that says ready and then never answers: only the owner's deadline can end the job.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rubricon-hung-'));
    const entry = path.join(dir, 'hung-worker.js');
    writeFileSync(entry, "process.send({ type: 'ready', pid: process.pid }); process.on('message', () => {});");
    pool = await RunnerPool.start({ size: 1, entry: { script: entry, execArgv: [] }, deadlineSlackMs: 100 });
    const started = Date.now();
    const result = await pool.run({ ...adds, limits: { timeMs: 100, totalTimeMs: 100 } });
    expect(result.verdict).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(pool.stats().crashes).toBe(1);
  });

  it('fails to start, without hanging, when workers cannot come up', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rubricon-dead-'));
    const entry = path.join(dir, 'dead-worker.js');
    writeFileSync(entry, 'process.exit(3);');
    await expect(
      RunnerPool.start({ size: 1, entry: { script: entry, execArgv: [] }, startTimeoutMs: 500 }),
    ).rejects.toThrow(/did not start within 500 ms/);
  });

  it('rejects running and queued runs with PoolClosedError on close', async () => {
    pool = await RunnerPool.start({ size: 1 });
    const running = pool.run(loops(2_000)).catch((error: unknown) => error);
    const queued = pool.run(adds).catch((error: unknown) => error);
    await pool.close();
    expect(await queued).toBeInstanceOf(PoolClosedError);
    expect(await running).toBeInstanceOf(PoolClosedError);
    await expect(pool.run(adds)).rejects.toBeInstanceOf(PoolClosedError);
  });
});
