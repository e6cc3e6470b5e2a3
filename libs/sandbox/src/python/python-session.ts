import ivm from 'isolated-vm';
import { performance } from 'node:perf_hooks';
import { Envelope } from '../isolate/prelude';
import { messageOf, Outcome, release, runSubmission, Watchdog } from '../isolate/execute';
import { RunLimits, RunTest } from '../types';
import { pythonHarnessSource } from './harness';
import { LOADER_PRELUDE } from './loader-prelude';
import { pyodideAssets } from './pyodide-assets';

/**
 * Python runs in Pyodide (CPython compiled to WebAssembly) inside an isolated-vm isolate, in the
 * same supervised runner processes as JavaScript. Every submission gets a new isolate holding a new
 * interpreter, started from a memory snapshot of a freshly booted one, so nothing a submission
 * does (modules, builtins, files in its in-memory file system) reaches the next.
 *
 * The first Python job of a runner process boots Pyodide once from the package (about 2 s) and
 * takes the snapshot; every submission then starts from it (about 0.35 to 0.5 s: docs/python.md).
 */

/** JavaScript heap of a Python isolate: the loader and Pyodide's glue (WebAssembly memory is apart). */
const ISOLATE_HEAP_MB = 256;
/** Booting from the snapshot; past it the runner is broken, not the candidate's code. */
const BOOT_TIMEOUT_MS = 30_000;
/** Headroom over the submission's memory limit before the process-size guard disposes the isolate. */
const RSS_SLACK_MB = 96;
const RSS_POLL_MS = 20;

const loadOptions = (extra: string) =>
  `{ indexURL: '/pyodide/', createPyodideModule, lockFileContents: JSON.parse(__lock), jsglobals: Object.create(null),
     stdout: () => {}, stderr: () => {}, stdin: () => null, ${extra} }`;

/**
 * Runs once the interpreter is up: defines the harness, then removes every loader global and
 * WebAssembly itself. It leaves one function, which the host calls once per test.
 */
const SETUP_SCRIPT = `(function () {
  'use strict';
  const G = globalThis;
  const py = G.__py, code = G.__code, entry = G.__entry, harnessSource = G.__harness;
  const run = py.runPython(harnessSource);
  for (const name of ['__py', '__code', '__entry', '__harness', '__lock', '__snapshot', 'loadPyodide', 'createPyodideModule',
    'read', 'load', 'readbuffer', 'WebAssembly', 'setTimeout', 'clearTimeout']) delete G[name];
  return function harness(inputJson) {
    return run(code, inputJson, entry);
  };
})()`;

/** The host side of a process's Python: the package's bytes and the interpreter snapshot. */
class PythonRuntime {
  private constructor(
    private readonly snapshot: ivm.ExternalCopy<ArrayBuffer>,
    readonly snapshotBytes: number,
    readonly snapshotMs: number,
  ) {}

  private static starting: Promise<PythonRuntime> | undefined;

  static get(): Promise<PythonRuntime> {
    PythonRuntime.starting ??= PythonRuntime.start().catch((error: unknown) => {
      PythonRuntime.starting = undefined;
      throw error;
    });
    return PythonRuntime.starting;
  }

  private static async start(): Promise<PythonRuntime> {
    const started = performance.now();
    const { isolate, context } = await bootIsolate(0, undefined, true);
    try {
      const bytes = (await context.eval(`__py.makeMemorySnapshot().slice().buffer`, {
        timeout: BOOT_TIMEOUT_MS,
        copy: true,
      })) as ArrayBuffer;
      return new PythonRuntime(new ivm.ExternalCopy(bytes), bytes.byteLength, performance.now() - started);
    } finally {
      isolate.dispose();
    }
  }

  /** A new interpreter for one submission, with the harness installed and the FFI closed. */
  async open(code: string, limits: RunLimits, entry: string): Promise<PythonSession> {
    const { isolate, context } = await bootIsolate(
      this.snapshotBytes + limits.memoryMb * 2 ** 20,
      this.snapshot,
      false,
    );
    try {
      await context.global.set('__code', code);
      await context.global.set('__entry', entry);
      await context.global.set('__harness', pythonHarnessSource(limits));
      const harness = (await context.eval(SETUP_SCRIPT, {
        timeout: BOOT_TIMEOUT_MS,
        reference: true,
      })) as ivm.Reference<(inputJson: string) => string>;
      return new PythonSession(isolate, context, harness, limits);
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }
}

/** V8's code cache for Pyodide's 1.2 MB module script: compiling it again takes a fraction of the time. */
let moduleCode: ivm.ExternalCopy<ArrayBuffer> | undefined;

type CachedScript = ivm.Script & ivm.CachedDataResult & { cachedDataRejected?: boolean };

async function compileModuleScript(isolate: ivm.Isolate, source: string): Promise<ivm.Script> {
  const options = { filename: 'pyodide.asm.js' };
  if (moduleCode) {
    const script = (await isolate.compileScript(source, { ...options, cachedData: moduleCode })) as CachedScript;
    if (!script.cachedDataRejected) return script;
    script.release();
  }
  const script = (await isolate.compileScript(source, { ...options, produceCachedData: true })) as CachedScript;
  moduleCode = script.cachedData;
  return script;
}

async function bootIsolate(
  maxMemoryBytes: number,
  snapshot: ivm.ExternalCopy<ArrayBuffer> | undefined,
  makeSnapshot: boolean,
): Promise<{ isolate: ivm.Isolate; context: ivm.Context }> {
  const assets = pyodideAssets();
  const isolate = new ivm.Isolate({ memoryLimit: ISOLATE_HEAP_MB, onCatastrophicError: () => process.abort() });
  try {
    const context = await isolate.createContext();
    const global = context.global;
    // Copies of the package's bytes (copyInto hands the isolate data, never a host object).
    await context.evalClosure(
      `globalThis.__files = { 'pyodide.asm.wasm': $0, 'python_stdlib.zip': $1 };`,
      [assets.wasm.copyInto(), assets.stdlib.copyInto()],
      { timeout: BOOT_TIMEOUT_MS },
    );
    await global.set('__maxMemoryBytes', maxMemoryBytes);
    await global.set('__lock', assets.lockFile);
    if (snapshot) await global.set('__snapshot', snapshot.copyInto());
    await context.eval(LOADER_PRELUDE, { timeout: BOOT_TIMEOUT_MS });
    const moduleScript = await compileModuleScript(isolate, assets.moduleScript);
    await moduleScript.run(context, { timeout: BOOT_TIMEOUT_MS });
    moduleScript.release();
    await context.eval(assets.loaderScript, { filename: 'pyodide.js', timeout: BOOT_TIMEOUT_MS });
    const extra = makeSnapshot ? '_makeSnapshot: true' : snapshot ? '_loadSnapshot: __snapshot' : '';
    await context.eval(`loadPyodide(${loadOptions(extra)}).then((py) => { globalThis.__py = py; })`, {
      timeout: BOOT_TIMEOUT_MS,
      promise: true,
    });
    return { isolate, context };
  } catch (error) {
    if (!isolate.isDisposed) isolate.dispose();
    throw error;
  }
}

/** One submission's interpreter. Used for its tests in turn until one fails; then disposed. */
class PythonSession {
  constructor(
    readonly isolate: ivm.Isolate,
    private readonly context: ivm.Context,
    private readonly harness: ivm.Reference<(inputJson: string) => string>,
    private readonly limits: RunLimits,
  ) {}

  async run(inputJson: string, timeMs: number): Promise<Exclude<Outcome, { kind: 'skipped' }>> {
    const watchdog = new Watchdog(this.isolate);
    const guard = new SizeGuard(this.isolate, this.limits.memoryMb + RSS_SLACK_MB);
    const started = performance.now();
    try {
      const json: unknown = await watchdog.guard(timeMs, () =>
        this.harness.apply(undefined, [inputJson], { timeout: timeMs, result: { copy: true } }),
      );
      const durationMs = performance.now() - started;
      if (guard.fired) return { kind: 'memory', phase: 'call', durationMs, timeMs };
      if (typeof json !== 'string' || json.length > this.maxEnvelopeChars()) {
        return { kind: 'failure', phase: 'call', durationMs, timeMs };
      }
      const env = JSON.parse(json) as PythonEnvelope;
      return toOutcome(env, durationMs, timeMs, this.limits);
    } catch (error: unknown) {
      const durationMs = performance.now() - started;
      const message = messageOf(error);
      if (guard.fired || /memory limit/i.test(message)) return { kind: 'memory', phase: 'call', durationMs, timeMs };
      const kind = watchdog.fired || /timed out/i.test(message) ? 'timeout' : 'failure';
      return { kind, phase: 'call', durationMs, timeMs };
    } finally {
      watchdog.stop();
      guard.stop();
    }
  }

  private maxEnvelopeChars(): number {
    // The harness caps both; this bounds what a harness tampered with from inside could send.
    return 2 * (this.limits.resultBytes + this.limits.logBytes) + 4096;
  }

  dispose(): void {
    release(this.harness);
    release(this.context);
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}

/**
 * The host's own memory limit: WebAssembly memory is outside the isolate's heap limit, so the
 * runner process watches its resident size while Python runs and disposes the isolate past the
 * submission's limit plus headroom (the in-isolate cap should stop it first, with a MemoryError).
 */
class SizeGuard {
  fired = false;
  private readonly timer: NodeJS.Timeout;

  constructor(isolate: ivm.Isolate, allowanceMb: number) {
    const limit = process.memoryUsage.rss() + allowanceMb * 2 ** 20;
    this.timer = setInterval(() => {
      if (process.memoryUsage.rss() <= limit) return;
      this.fired = true;
      this.stop();
      if (!isolate.isDisposed) isolate.dispose();
    }, RSS_POLL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

type PythonEnvelope = Omit<Envelope, 'k'> & {
  k: Envelope['k'] | 'syntax' | 'memory' | 'failure';
  phase?: 'load' | 'call';
};

function toOutcome(
  env: PythonEnvelope,
  durationMs: number,
  timeMs: number,
  limits: RunLimits,
): Exclude<Outcome, { kind: 'skipped' }> {
  switch (env.k) {
    case 'syntax': {
      const e = env.e ?? { name: 'SyntaxError', message: '', line: 0 };
      return { kind: 'syntax', message: `${e.name}: ${e.message}`.slice(0, 1000), line: e.line };
    }
    case 'memory':
      return { kind: 'memory', phase: env.phase ?? 'call', durationMs, timeMs };
    case 'failure':
      return { kind: 'failure', phase: 'call', durationMs, timeMs };
    default: {
      // Re-cap on the host: the harness's own caps live inside the sandbox.
      const logs = typeof env.logs === 'string' ? env.logs : '';
      const cut = Buffer.byteLength(logs) > limits.logBytes;
      const out: Envelope = {
        ...env,
        k: env.k,
        logs: cut ? truncateUtf8(logs, limits.logBytes) : logs,
        lt: !!env.lt || cut,
      };
      if (out.k === 'ok' && typeof out.out === 'string' && Buffer.byteLength(out.out) > limits.resultBytes) {
        return { kind: 'ran', env: { k: 'result-size', logs: out.logs, lt: out.lt }, durationMs };
      }
      return { kind: 'ran', env: out, durationMs };
    }
  }
}

function truncateUtf8(text: string, bytes: number): string {
  return Buffer.from(text)
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/**
 * Runs every test of one Python submission with the same rules as JavaScript (runSubmission): a
 * time limit per test and a total budget, a new interpreter after any test that did not end
 * cleanly. The code runs in new globals for every test.
 */
export async function executePythonTests(
  code: string,
  tests: RunTest[],
  limits: RunLimits,
  entry = 'solve',
): Promise<Outcome[]> {
  const runtime = await PythonRuntime.get();
  return runSubmission(tests, limits, {
    open: () => runtime.open(code, limits, entry),
    run: (session, inputJson, timeMs) => session.run(inputJson, timeMs),
  });
}

/** A new interpreter with the harness installed, for benchmarks and tests that time its parts. */
export async function openPythonInterpreter(
  code: string,
  limits: RunLimits,
  entry = 'solve',
): Promise<Pick<PythonSession, 'run' | 'dispose' | 'isolate'>> {
  return (await PythonRuntime.get()).open(code, limits, entry);
}

/** Boots Pyodide and takes the snapshot now (a runner can do this before its first Python job). */
export async function preloadPython(): Promise<{ snapshotMs: number; snapshotBytes: number }> {
  const runtime = await PythonRuntime.get();
  return { snapshotMs: runtime.snapshotMs, snapshotBytes: runtime.snapshotBytes };
}
