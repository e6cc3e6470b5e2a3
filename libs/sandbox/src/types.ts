/** Public shapes of a sandbox run. JSON-only so they cross IPC, BullMQ and HTTP unchanged. */

export type Language = 'javascript' | 'typescript' | 'python';

/** `crashed`: the worker process died (or had to be killed) while running this job, and was restarted. */
export type Verdict = 'passed' | 'failed' | 'error' | 'timeout' | 'memory' | 'crashed';

export interface RunLimits {
  /** Per test: loading the code gets this much, and so does each call of solve (async included). */
  timeMs: number;
  /** Heap of the isolate running the submission. */
  memoryMb: number;
  codeBytes: number;
  /** Size of the JSON text of one result. */
  resultBytes: number;
  logBytes: number;
  logLines: number;
  /** Wall-clock budget of the whole submission; tests that would start after it are not run. */
  totalTimeMs: number;
}

export const DEFAULT_LIMITS: Readonly<RunLimits> = Object.freeze({
  timeMs: 2_000,
  memoryMb: 64,
  codeBytes: 64 * 1024,
  resultBytes: 64 * 1024,
  logBytes: 16 * 1024,
  logLines: 200,
  totalTimeMs: 20_000,
});

/** Python's time limits are this many times the request's (see validate.ts). */
export const PYTHON_TIME_FACTOR = 5;

/**
 * Wall-clock time a Python job may take beyond its limits before its runner is killed: booting
 * Pyodide and taking the interpreter snapshot (first job of a process) and starting interpreters.
 */
export const PYTHON_START_ALLOWANCE_MS = 15_000;

/** Same vocabulary as the question bank's `comparator` field. */
export type Comparator = { kind: 'exact' } | { kind: 'numeric'; tolerance?: number } | { kind: 'unordered' };

export interface RunTest {
  /** One JSON value, passed as `solve(input)`. */
  input: unknown;
  expected: unknown;
  /** Hidden tests return no output, no logs and only the kind of an error. */
  hidden?: boolean;
  weight?: number;
}

export interface RunRequest {
  language: Language;
  code: string;
  tests: RunTest[];
  comparator?: Comparator;
  limits?: Partial<RunLimits>;
  /** Name of the top-level function to call; default `solve`. */
  entry?: string;
}

export interface TestResult {
  verdict: Verdict;
  passed: boolean;
  durationMs: number;
  /** JSON text of what solve returned (`undefined` when it returned nothing); visible tests only. */
  output?: string;
  error?: string;
  /** Captured console lines; visible tests only. */
  logs?: string[];
}

export interface RunResult {
  /** The first non-passed test's verdict, or `passed`. */
  verdict: Verdict;
  tests: TestResult[];
  /** Weighted share of passed tests, 0..1. */
  score: number;
}

/** A request after validation: limits resolved, nothing optional left. */
export interface RunJob {
  language: Language;
  code: string;
  entry: string;
  tests: RunTest[];
  comparator: Comparator;
  limits: RunLimits;
}
