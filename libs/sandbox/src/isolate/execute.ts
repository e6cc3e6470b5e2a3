import ivm from 'isolated-vm';
import { performance } from 'node:perf_hooks';
import { RunLimits, RunTest } from '../types';
import { Envelope, preludeSource, SOLUTION_FILE } from './prelude';

/** What happened to one test, before grading. */
export type Outcome =
  | { kind: 'ran'; env: Envelope; durationMs: number }
  | { kind: 'syntax'; message: string; line: number }
  | { kind: 'timeout' | 'memory' | 'failure'; phase: 'load' | 'call'; durationMs: number; timeMs: number }
  | { kind: 'skipped' };

/** Grace after the isolate's own timeout before the host watchdog disposes the isolate. */
export const WATCHDOG_GRACE_MS = 50;

class Session {
  private constructor(
    readonly isolate: ivm.Isolate,
    readonly prelude: ivm.Script,
  ) {}

  /**
   * One isolate per submission; every test then gets a fresh context inside it. The code is first
   * compiled on its own: compiling never runs it, so the parser's message and location are safe
   * to read, and a syntax error fails the submission before anything runs.
   */
  static async open(
    code: string,
    limits: RunLimits,
    entry: string,
    checkSyntax: boolean,
  ): Promise<Session | SyntaxOutcome> {
    const isolate = new ivm.Isolate({
      memoryLimit: limits.memoryMb,
      // V8 lost control of the isolate: this process can no longer be trusted; the pool restarts it.
      onCatastrophicError: () => process.abort(),
    });
    try {
      if (checkSyntax) {
        const syntax = await syntaxCheck(isolate, code);
        if (syntax) {
          isolate.dispose();
          return syntax;
        }
      }
      return new Session(
        isolate,
        await isolate.compileScript(preludeSource(code, limits, entry), { filename: 'prelude.js' }),
      );
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}

type SyntaxOutcome = Extract<Outcome, { kind: 'syntax' }>;

async function syntaxCheck(isolate: ivm.Isolate, code: string): Promise<SyntaxOutcome | undefined> {
  try {
    (await isolate.compileScript(code, { filename: SOLUTION_FILE })).release();
    return undefined;
  } catch (error) {
    const text = messageOf(error) || 'SyntaxError';
    const at = /\[solution\.js:(\d+):\d+\]/.exec(text);
    const message = `SyntaxError: ${text.replace(/\s*\[solution\.js:\d+:\d+\]/, '')}`.slice(0, 1000);
    return { kind: 'syntax', message, line: at ? Number(at[1]) : 0 };
  }
}

/**
 * Runs every test of one submission. Each call is time-boxed by isolated-vm and by a host watchdog
 * that disposes the isolate; an isolate that timed out, ran out of memory or failed is never used
 * again. A failure while loading the code fails the whole submission.
 */
export function executeTests(code: string, tests: RunTest[], limits: RunLimits, entry = 'solve'): Promise<Outcome[]> {
  return runSubmission(tests, limits, {
    open: (first) => Session.open(code, limits, entry, first),
    run: runOne,
  });
}

/** How a language starts a submission's sandbox and runs one test in it (see runSubmission). */
export interface SubmissionRunner<S extends { dispose(): void }> {
  /** A new session; or an outcome (a syntax error) that every test then gets. `first`: no test ran yet. */
  open(first: boolean): Promise<S | Extract<Outcome, { kind: 'syntax' }>>;
  run(session: S, inputJson: string, timeMs: number): Promise<Exclude<Outcome, { kind: 'skipped' }>>;
}

/**
 * The rules every language keeps: tests in order within the submission's total time budget, each
 * with its own time limit; a session serves the next test only after a clean answer (right or
 * wrong), otherwise it is disposed at once and the next test gets a new one; a failure while
 * loading the code (or a syntax error) is the outcome of every test.
 */
export async function runSubmission<S extends { dispose(): void }>(
  tests: RunTest[],
  limits: RunLimits,
  runner: SubmissionRunner<S>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  let session: S | undefined;
  let fatal: Outcome | undefined;
  try {
    for (const test of tests) {
      const left = limits.totalTimeMs - (performance.now() - started);
      if (fatal || left <= 0) {
        outcomes.push(fatal ?? { kind: 'skipped' });
        continue;
      }
      const timeMs = Math.max(1, Math.min(limits.timeMs, Math.floor(left)));
      if (!session) {
        const opened = await runner.open(outcomes.length === 0);
        if ('kind' in opened) return tests.map(() => opened);
        session = opened;
      }
      const outcome = await runner.run(session, JSON.stringify(test.input) ?? 'null', timeMs);
      if (outcome.kind === 'syntax') return tests.map(() => outcome);
      outcomes.push(outcome);
      // Only a clean answer (right or wrong) lets the session serve the next test.
      if (outcome.kind !== 'ran' || outcome.env.k !== 'ok') {
        session.dispose();
        session = undefined;
      }
      if (outcome.kind === 'ran' ? isLoadFailure(outcome.env) : outcome.phase === 'load') {
        fatal = outcome.kind === 'ran' ? { ...outcome, durationMs: 0 } : outcome;
      }
    }
  } finally {
    // A clean finish: tear the sandbox down after the answer has gone out, not before it. It is
    // never used again either way; timeouts and failures above dispose at once.
    const done = session;
    if (done) setImmediate(() => done.dispose());
  }
  return outcomes;
}

export const isLoadFailure = (env: Envelope) => env.k === 'load-error' || env.k === 'no-solve';

type RunOutcome = Extract<Outcome, { kind: 'ran' | 'timeout' | 'memory' | 'failure' }>;

async function runOne(session: Session, inputJson: string, timeMs: number): Promise<RunOutcome> {
  const { isolate, prelude } = session;
  let context: ivm.Context | undefined;
  let harness: ivm.Reference | undefined;
  let phase: 'load' | 'call' = 'load';
  let callStart = performance.now();
  const watchdog = new Watchdog(isolate);
  try {
    context = await isolate.createContext();
    harness = await watchdog.guard(timeMs, () => prelude.run(context!, { timeout: timeMs, reference: true }));
    phase = 'call';
    callStart = performance.now();
    const json: unknown = await watchdog.guard(timeMs, () =>
      harness!.apply(undefined, [inputJson], { timeout: timeMs, result: { promise: true } }),
    );
    const durationMs = performance.now() - callStart;
    if (typeof json !== 'string') return { kind: 'failure', phase, durationMs, timeMs };
    return { kind: 'ran', env: JSON.parse(json) as Envelope, durationMs };
  } catch (error: unknown) {
    // Rejections may be null or not Errors at all; only the message text is ever read.
    const message = messageOf(error);
    const durationMs = performance.now() - callStart;
    const kind =
      watchdog.fired || /timed out/i.test(message) ? 'timeout' : /memory limit/i.test(message) ? 'memory' : 'failure';
    return { kind, phase, durationMs, timeMs };
  } finally {
    watchdog.stop();
    release(harness);
    release(context);
  }
}

/** isolated-vm errors are host Errors, but not of jest's realm: read the message by shape. */
export function messageOf(error: unknown): string {
  const message: unknown = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

export function release(handle: { release(): void } | undefined): void {
  try {
    handle?.release();
  } catch {
    // Already gone with a disposed isolate.
  }
}

/** Disposes the isolate when a guarded call outlives its limit (e.g. a promise that never settles). */
export class Watchdog {
  fired = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly isolate: ivm.Isolate) {}

  async guard<T>(timeMs: number, call: () => Promise<T>): Promise<T> {
    this.stop();
    this.timer = setTimeout(() => {
      this.fired = true;
      if (!this.isolate.isDisposed) this.isolate.dispose();
    }, timeMs + WATCHDOG_GRACE_MS);
    return await call();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
