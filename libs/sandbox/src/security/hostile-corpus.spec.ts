import { readFileSync } from 'node:fs';
import { RunnerPool } from '../pool/runner-pool';
import { RunRequest } from '../types';
import { HostileCase, HOSTILE_CASES } from './hostile-cases';
import { PYTHON_HOSTILE_CASES } from './python-hostile-cases';
import { Language, PYTHON_TIME_FACTOR } from '../types';

jest.setTimeout(30_000);

const TIME_MS = 500;
/** Python's own limit is PYTHON_TIME_FACTOR times the request's: 1 s, as JavaScript's 500 ms above. */
const PYTHON_TIME_MS = 200;
/** Starting a Python interpreter (from the snapshot) on a loaded machine; several after failed tests. */
const PYTHON_START_MS = 4_000;
const normal: RunRequest = {
  language: 'javascript',
  code: 'function solve(x) { return x * 2; }',
  tests: [{ input: 21, expected: 42 }],
};
const normalPython: RunRequest = {
  language: 'python',
  code: 'def solve(x):\n    return x * 2\n',
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
    // Each worker loads typescript right after it says ready, and Python's snapshot on its first
    // Python job; time the hostile code, not that.
    await Promise.all([pool.run(normal), pool.run(normal)]);
    await Promise.all([pool.run(normalPython), pool.run(normalPython)]);
    ownerRssBefore = rssMb(process.pid);
  }, 120_000);
  afterAll(() => pool.close());

  const check = async (hostile: HostileCase, language: Language) => {
    const tests = hostile.tests ?? [{ input: 0, expected: 0 }];
    const python = language === 'python';
    const timeMs = python ? PYTHON_TIME_MS : TIME_MS;
    const started = Date.now();
    const result = await pool.run({ language, code: hostile.code, tests, limits: { timeMs } });
    const elapsed = Date.now() - started;

    expect(hostile.verdicts).toContain(result.verdict);
    const limit = python ? timeMs * PYTHON_TIME_FACTOR : timeMs;
    expect(elapsed).toBeLessThan(
      2 * limit * Math.max(1, tests.length) + 1_000 + (python ? PYTHON_START_MS * tests.length : 0),
    );
    const json = JSON.stringify(result);
    if (hostile.resultMustMatch) expect(json).toMatch(hostile.resultMustMatch);
    if (hostile.resultMustNotMatch) expect(json).not.toMatch(hostile.resultMustNotMatch);
    expect(json).not.toMatch(/\/work\/|node_modules|node:internal/);
    if (hostile.followUp) {
      const next = await pool.run({ language, code: hostile.followUp.code, tests: hostile.followUp.tests });
      expect(next.tests).toEqual([expect.objectContaining({ verdict: 'passed' })]);
    }
    // The pool (and the process owning it) keeps working right after, in the same language too.
    expect((await pool.run(normal)).verdict).toBe('passed');
    if (python) expect((await pool.run(normalPython)).verdict).toBe('passed');
  };

  for (const hostile of HOSTILE_CASES) {
    for (const language of ['javascript', 'typescript'] as const) {
      it(`contains "${hostile.name}" (${language})`, () => check(hostile, language));
    }
  }
  for (const hostile of PYTHON_HOSTILE_CASES) {
    it(`contains "${hostile.name}" (python)`, () => check(hostile, 'python'));
  }

  it('keeps owner and worker memory bounded after the whole corpus', async () => {
    expect(rssMb(process.pid) - ownerRssBefore).toBeLessThan(150);
    for (const pid of pool.stats().pids) expect(rssMb(pid)).toBeLessThan(800);
    expect(pool.stats().crashes).toBe(0);
  });
});
