import { Envelope } from '../isolate/prelude';
import { Outcome } from '../isolate/execute';
import { RunJob, RunResult, RunTest, TestResult, Verdict } from '../types';
import { compareResult } from './compare';

/** Names safe to show for hidden tests: a candidate-chosen `name` could carry the hidden input. */
const BUILTIN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
  // Python's built-in exceptions
  'Exception',
  'ArithmeticError',
  'AssertionError',
  'AttributeError',
  'IndexError',
  'KeyError',
  'LookupError',
  'MemoryError',
  'NameError',
  'NotImplementedError',
  'OverflowError',
  'RecursionError',
  'RuntimeError',
  'StopIteration',
  'UnboundLocalError',
  'UnicodeDecodeError',
  'UnicodeEncodeError',
  'ValueError',
  'ZeroDivisionError',
  'IndentationError',
  'ImportError',
  'ModuleNotFoundError',
  'OSError',
  'SystemExit',
]);

export interface GradeContext {
  job: RunJob;
  /** Maps a line of the code that ran to the candidate's own line (TypeScript source maps). */
  mapLine: (line: number) => number;
  /** Lines of the candidate's code; line numbers outside it are dropped. */
  lineCount: number;
}

export function gradeRun(outcomes: Outcome[], ctx: GradeContext): RunResult {
  const tests = ctx.job.tests.map((test, i) => gradeTest(test, outcomes[i], ctx));
  const failed = tests.find((t) => !t.passed);
  const total = ctx.job.tests.reduce((sum, t) => sum + (t.weight ?? 1), 0);
  const earned = ctx.job.tests.reduce((sum, t, i) => sum + (tests[i].passed ? (t.weight ?? 1) : 0), 0);
  return { verdict: failed ? failed.verdict : 'passed', tests, score: total > 0 ? earned / total : failed ? 0 : 1 };
}

/** The same verdict for every test, e.g. when the worker running the job died. */
export function uniformResult(job: RunJob, verdict: Exclude<Verdict, 'passed' | 'failed'>, error: string): RunResult {
  return { verdict, score: 0, tests: job.tests.map(() => ({ verdict, passed: false, durationMs: 0, error })) };
}

export function gradeTest(test: RunTest, outcome: Outcome, ctx: GradeContext): TestResult {
  const { limits } = ctx.job;
  const hidden = test.hidden === true;
  switch (outcome.kind) {
    case 'skipped':
      return fail('timeout', 0, `Not run: the submission used up its total time budget of ${limits.totalTimeMs} ms.`);
    case 'syntax': {
      const line = lineOf(outcome.line, ctx);
      return fail('error', 0, hidden ? `SyntaxError${at(line)}` : `${outcome.message}${paren(line)}`);
    }
    case 'timeout':
      return fail(
        'timeout',
        outcome.durationMs,
        outcome.phase === 'load'
          ? `Loading the code took longer than the time limit of ${outcome.timeMs} ms.`
          : `Time limit of ${outcome.timeMs} ms exceeded.`,
      );
    case 'memory':
      return fail(
        'memory',
        outcome.durationMs,
        `Memory limit of ${limits.memoryMb} MB exceeded${outcome.phase === 'load' ? ' while loading the code' : ''}.`,
      );
    case 'failure':
      return fail('error', outcome.durationMs, 'The sandbox could not run this test.');
    case 'ran':
      return graded(test, outcome.env, outcome.durationMs, ctx);
  }
}

function graded(test: RunTest, env: Envelope, durationMs: number, ctx: GradeContext): TestResult {
  const hidden = test.hidden === true;
  const ms = round(durationMs);
  const logs = hidden ? undefined : logLines(env);
  const withLogs = (r: TestResult): TestResult => (logs ? { ...r, logs } : r);
  switch (env.k) {
    case 'ok': {
      const actual: unknown = env.out === undefined ? undefined : JSON.parse(env.out);
      const passed = compareResult(actual, test.expected, ctx.job.comparator);
      const result: TestResult = { verdict: passed ? 'passed' : 'failed', passed, durationMs: ms };
      return withLogs(hidden ? result : { ...result, output: env.out ?? 'undefined' });
    }
    case 'error':
      return withLogs(fail('error', ms, errorText(env, hidden, ctx)));
    case 'load-error':
      return withLogs(fail('error', 0, `The code threw while loading: ${errorText(env, hidden, ctx)}`));
    case 'no-solve':
      return withLogs(fail('error', 0, `No top-level function ${ctx.job.entry}(input) was found.`));
    case 'result-error':
      return withLogs(fail('error', ms, `The result could not be converted to JSON: ${errorText(env, hidden, ctx)}`));
    case 'result-size':
      return withLogs(fail('error', ms, `The result is larger than ${ctx.job.limits.resultBytes} bytes of JSON.`));
  }
}

function errorText(env: Envelope, hidden: boolean, ctx: GradeContext): string {
  const e = env.e ?? { name: 'Error', message: '', line: 0 };
  const line = lineOf(e.line, ctx);
  if (hidden) {
    // Only the kind and the line: the message is the candidate's and may contain the hidden input.
    const kind = BUILTIN_ERRORS.has(e.name) ? e.name : e.name === 'Thrown value' ? 'A thrown non-Error value' : 'Error';
    return `${kind}${at(line)}`;
  }
  return `${e.message ? `${e.name}: ${e.message}` : e.name}${paren(line)}`;
}

function logLines(env: Envelope): string[] | undefined {
  if (!env.logs && !env.lt) return undefined;
  const lines = env.logs ? env.logs.split('\n') : [];
  return env.lt ? [...lines, '… (log truncated)'] : lines;
}

function lineOf(line: number, ctx: GradeContext): number {
  if (!(line > 0)) return 0;
  const mapped = ctx.mapLine(line);
  return mapped >= 1 && mapped <= ctx.lineCount ? mapped : 0;
}

const at = (line: number) => (line ? ` at line ${line}` : '');
const paren = (line: number) => (line ? ` (line ${line})` : '');
const round = (ms: number) => Math.round(ms * 100) / 100;
const fail = (verdict: Verdict, durationMs: number, error: string): TestResult => ({
  verdict,
  passed: false,
  durationMs: round(durationMs),
  error,
});
