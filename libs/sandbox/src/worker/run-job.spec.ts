import { RunRequest } from '../types';
import { runJob } from './run-job';

const js = (code: string, tests: RunRequest['tests'], extra: Partial<RunRequest> = {}): RunRequest => ({
  language: 'javascript',
  code,
  tests,
  ...extra,
});

describe(runJob.name, () => {
  it('passes and fails tests by deep equality and takes the first non-passed verdict overall', async () => {
    const result = await runJob(
      js('function solve({ a, b }) { return { sum: a + b }; }', [
        { input: { a: 1, b: 2 }, expected: { sum: 3 } },
        { input: { a: 2, b: 2 }, expected: { sum: 5 } },
        { input: { a: 0, b: 0 }, expected: { sum: 0 } },
      ]),
    );
    expect(result.tests.map((t) => t.verdict)).toEqual(['passed', 'failed', 'passed']);
    expect(result.tests[1].output).toBe('{"sum":4}');
    expect(result.verdict).toBe('failed');
    expect(result.score).toBeCloseTo(2 / 3);
  });

  it('reports an exception with its message and the line in the candidate code, no host paths', async () => {
    const result = await runJob(
      js('function solve(x) {\n  const list = null;\n  return list.length;\n}', [{ input: 1, expected: 0 }]),
    );
    expect(result.tests[0]).toMatchObject({
      verdict: 'error',
      error: "TypeError: Cannot read properties of null (reading 'length') (line 3)",
    });
    expect(result.tests[0].error).not.toMatch(/\/work|node_modules|prelude/);
  });

  it('awaits an async solve and accepts const arrow functions', async () => {
    const asyncSolve = await runJob(
      js('async function solve(x) { await null; return x * 2; }', [{ input: 21, expected: 42 }]),
    );
    const arrow = await runJob(
      js('const solve = (s) => s.split("").reverse().join("");', [{ input: '支付', expected: '付支' }]),
    );
    expect([asyncSolve.verdict, arrow.verdict]).toEqual(['passed', 'passed']);
  });

  it('times out a synchronous loop and a promise that never settles within the limit', async () => {
    const started = Date.now();
    const loop = await runJob(
      js('function solve() { for (;;); }', [{ input: 1, expected: 1 }], { limits: { timeMs: 200 } }),
    );
    const never = await runJob(
      js('function solve() { return new Promise(() => {}); }', [{ input: 1, expected: 1 }], {
        limits: { timeMs: 200 },
      }),
    );
    expect([loop.verdict, never.verdict]).toEqual(['timeout', 'timeout']);
    expect(loop.tests[0].error).toBe('Time limit of 200 ms exceeded.');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('still runs the remaining tests after one timed out, in a fresh isolate', async () => {
    const code = 'function solve(n) { while (n === 0) {} return n; }';
    const result = await runJob(
      js(
        code,
        [
          { input: 0, expected: 0 },
          { input: 5, expected: 5 },
        ],
        { limits: { timeMs: 200 } },
      ),
    );
    expect(result.tests.map((t) => t.verdict)).toEqual(['timeout', 'passed']);
  });

  it('transpiles TypeScript and reports errors on the TypeScript line', async () => {
    const code =
      'interface Payment {\n  amount: number;\n}\n\nfunction solve(p: Payment): number {\n  if (p.amount < 0) throw new RangeError("negative");\n  return p.amount * 100;\n}';
    const result = await runJob({
      language: 'typescript',
      code,
      tests: [
        { input: { amount: 1.5 }, expected: 150 },
        { input: { amount: -1 }, expected: 0 },
      ],
    });
    expect(result.tests[0].verdict).toBe('passed');
    expect(result.tests[1].error).toBe('RangeError: negative (line 6)');
  });

  it('fails the whole submission when the code does not parse or throws while loading', async () => {
    const syntax = await runJob(
      js('function solve(x) {\n  return x +;\n}', [
        { input: 1, expected: 1 },
        { input: 2, expected: 2 },
      ]),
    );
    expect(syntax.tests.map((t) => t.error)).toEqual(Array(2).fill("SyntaxError: Unexpected token ';' (line 2)"));
    const throwing = await runJob(js('\nthrow new Error("boom");\nfunction solve() {}', [{ input: 1, expected: 1 }]));
    expect(throwing.tests[0].error).toBe('The code threw while loading: Error: boom (line 2)');
    const missing = await runJob(js('function main() {}', [{ input: 1, expected: 1 }]));
    expect(missing.tests[0].error).toBe('No top-level function solve(input) was found.');
    const named = await runJob(js('function main(x) { return x; }', [{ input: 1, expected: 1 }], { entry: 'main' }));
    expect(named.verdict).toBe('passed');
  });

  it('compares with numeric tolerance and as unordered arrays when asked', async () => {
    const numeric = await runJob(
      js('function solve() { return 0.1 + 0.2; }', [{ input: 0, expected: 0.3 }], {
        comparator: { kind: 'numeric', tolerance: 1e-9 },
      }),
    );
    const unordered = await runJob(
      js('function solve(xs) { return [...xs].reverse(); }', [{ input: [1, 2, 3], expected: [1, 2, 3] }], {
        comparator: { kind: 'unordered' },
      }),
    );
    expect([numeric.verdict, unordered.verdict]).toEqual(['passed', 'passed']);
  });

  it('captures console output for visible tests and caps it at the log limits', async () => {
    const code =
      'function solve(n) { console.log("n =", n, { ok: true }); for (let i = 0; i < n; i++) console.warn("line", i); return n; }';
    const result = await runJob(
      js(
        code,
        [
          { input: 1, expected: 1 },
          { input: 1000, expected: 1000 },
        ],
        { limits: { logLines: 10 } },
      ),
    );
    expect(result.tests[0].logs).toEqual(['n = 1 {"ok":true}', 'line 0']);
    expect(result.tests[1].logs).toHaveLength(11);
    expect(result.tests[1].logs?.at(-1)).toBe('… (log truncated)');
  });

  it('returns neither output, logs nor the error message for hidden tests', async () => {
    const code =
      'function solve(x) {\n  console.log("secret", x);\n  if (x.card) throw new TypeError("input was " + JSON.stringify(x));\n  return 1;\n}';
    const result = await runJob(
      js(code, [
        { input: { card: '4111111111111111' }, expected: 0, hidden: true },
        { input: {}, expected: 2, hidden: true },
      ]),
    );
    expect(result.tests[0]).toEqual({
      verdict: 'error',
      passed: false,
      durationMs: expect.any(Number),
      error: 'TypeError at line 3',
    });
    expect(result.tests[1]).toEqual({ verdict: 'failed', passed: false, durationMs: expect.any(Number) });
    expect(JSON.stringify(result)).not.toMatch(/4111|secret/);
  });

  it('rejects a result over the size limit and a result that is not JSON', async () => {
    const big = await runJob(js('function solve() { return "x".repeat(70000); }', [{ input: 0, expected: '' }]));
    expect(big.tests[0].error).toBe('The result is larger than 65536 bytes of JSON.');
    const cyclic = await runJob(
      js('function solve() { const a = {}; a.a = a; return a; }', [{ input: 0, expected: {} }]),
    );
    expect(cyclic.tests[0].error).toMatch(
      /^The result could not be converted to JSON: TypeError: Converting circular structure/,
    );
  });

  it('stops running tests once the total time budget is used up', async () => {
    const tests = Array.from({ length: 5 }, () => ({ input: 0, expected: 0 }));
    const result = await runJob(
      js('function solve() { for (;;); }', tests, { limits: { timeMs: 150, totalTimeMs: 300 } }),
    );
    expect(result.tests.map((t) => t.verdict)).toEqual(Array(5).fill('timeout'));
    expect(result.tests.at(-1)?.error).toMatch(/^Not run: the submission used up its total time budget/);
  });
});
