import { readFileSync } from 'node:fs';
import { RunnerPool } from '../pool/runner-pool';
import { RunRequest } from '../types';
import { HOSTILE_CASES } from './hostile-cases';

jest.setTimeout(30_000);

const TIME_MS = 500;
const normal: RunRequest = {
  language: 'javascript',
  code: 'function solve(x) { return x * 2; }',
  tests: [{ input: 21, expected: 42 }],
};

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

describe('hostile submissions through the real pool', () => {
  let pool: RunnerPool;
  let ownerRssBefore: number;

  beforeAll(async () => {
    pool = await RunnerPool.start({ size: 2 });
    // Each worker loads typescript right after it says ready; time the hostile code, not that.
    await Promise.all([pool.run(normal), pool.run(normal)]);
    ownerRssBefore = rssMb(process.pid);
  });
  afterAll(() => pool.close());

  for (const hostile of HOSTILE_CASES) {
    for (const language of ['javascript', 'typescript'] as const) {
      it(`contains "${hostile.name}" (${language})`, async () => {
        const tests = hostile.tests ?? [{ input: 0, expected: 0 }];
        const started = Date.now();
        const result = await pool.run({ language, code: hostile.code, tests, limits: { timeMs: TIME_MS } });
        const elapsed = Date.now() - started;

        expect(hostile.verdicts).toContain(result.verdict);
        expect(elapsed).toBeLessThan(2 * TIME_MS * Math.max(1, tests.length) + 1_000);
        const json = JSON.stringify(result);
        if (hostile.resultMustMatch) expect(json).toMatch(hostile.resultMustMatch);
        if (hostile.resultMustNotMatch) expect(json).not.toMatch(hostile.resultMustNotMatch);
        expect(json).not.toMatch(/\/work\/|node_modules|node:internal/);
        // The pool (and the process owning it) keeps working right after.
        expect((await pool.run(normal)).verdict).toBe('passed');
      });
    }
  }

  it('keeps owner and worker memory bounded after the whole corpus', async () => {
    expect(rssMb(process.pid) - ownerRssBefore).toBeLessThan(150);
    for (const pid of pool.stats().pids) expect(rssMb(pid)).toBeLessThan(800);
    expect(pool.stats().crashes).toBe(0);
  });
});
