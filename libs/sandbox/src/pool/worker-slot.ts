import { ChildProcess, fork } from 'node:child_process';
import { PoolClosedError } from '../errors';
import { uniformResult } from '../grading/grade';
import { PYTHON_START_ALLOWANCE_MS, RunJob, RunResult } from '../types';
import { FromWorker, ToWorker } from '../worker/protocol';
import type { RunnerEntry } from './worker-entry';

export interface SlotOptions {
  entry: RunnerEntry;
  /** Recycle a worker whose resident memory grew beyond this after a job. */
  rssLimitMb: number;
  maxJobsPerWorker: number;
  /** Time allowed beyond the job's own limits before the worker is killed. */
  deadlineSlackMs: number;
  /** Called whenever the slot can take a job (after start, a job, or a restart). */
  onIdle: () => void;
  /** Called when a worker process ends unasked, before it is restarted (for the owner's logs). */
  onWorkerExit?: (event: WorkerExit) => void;
}

export interface WorkerExit {
  pid: number | undefined;
  /** crashed: died during a run; overran: killed past its deadline; idle: ended between runs (recycled, or died). */
  reason: 'crashed' | 'overran' | 'idle';
}

interface Pending {
  id: number;
  job: RunJob;
  resolve: (result: RunResult) => void;
  reject: (error: Error) => void;
  deadline: NodeJS.Timeout;
  overran: boolean;
}

/**
 * The hard wall-clock deadline of a whole job; past it the worker is killed. The last test may
 * start just before the total budget ends and then use its load and call time. Python also starts
 * an interpreter (and, first in a process, takes its snapshot).
 */
export function hardDeadlineMs(job: Pick<RunJob, 'language' | 'limits'>, slackMs: number): number {
  const { limits } = job;
  const start = job.language === 'python' ? PYTHON_START_ALLOWANCE_MS : 0;
  return limits.totalTimeMs + 2 * limits.timeMs + start + slackMs;
}

/** Only what node needs: the API's secrets never reach the process that runs candidate code. */
function workerEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'LANG', 'TZ', 'NODE_ENV', 'RUBRICON_SANDBOX_PRELOAD_TS', 'RUBRICON_SANDBOX_PRELOAD_PYTHON'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}

/** One supervised worker process: spawned, fed one job at a time, restarted when it dies. */
export class WorkerSlot {
  private child: ChildProcess | undefined;
  private pending: Pending | undefined;
  private ready = false;
  private closed = false;
  private jobsDone = 0;
  private failuresInARow = 0;
  private readyWaiters: Array<() => void> = [];
  restarts = 0;
  crashes = 0;

  constructor(private readonly options: SlotOptions) {}

  get idle(): boolean {
    return this.ready && !this.pending && !this.closed;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves when the worker reports ready. */
  start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    this.spawn();
    return ready;
  }

  run(job: RunJob, id: number): Promise<RunResult> {
    return new Promise<RunResult>((resolve, reject) => {
      const deadline = setTimeout(() => this.overrun(), hardDeadlineMs(job, this.options.deadlineSlackMs));
      this.pending = { id, job, resolve, reject, deadline, overran: false };
      const message: ToWorker = { type: 'run', id, job };
      try {
        this.child!.send(message, (error) => error && this.child?.kill('SIGKILL'));
      } catch {
        this.child?.kill('SIGKILL');
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  private spawn(): void {
    this.ready = false;
    try {
      this.child = this.fork();
    } catch {
      // fork can throw synchronously (e.g. EAGAIN): retry later instead of crashing the owner.
      this.failuresInARow++;
      this.scheduleSpawn();
    }
  }

  private fork(): ChildProcess {
    const child = fork(this.options.entry.script, [], {
      execArgv: ['--no-node-snapshot', ...this.options.entry.execArgv],
      env: workerEnv(),
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'json',
    });
    child.on('message', (message: FromWorker) => this.onMessage(message));
    // 'exit' may not follow an 'error' (e.g. the process never started): treat both as the end.
    child.on('error', () => {
      child.kill('SIGKILL');
      if (child.pid === undefined) this.onExit(child);
    });
    child.once('exit', () => this.onExit(child));
    return child;
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.failuresInARow = 0;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
      this.options.onIdle();
      return;
    }
    const pending = this.pending;
    if (!pending || pending.id !== message.id) return;
    this.settle();
    this.jobsDone++;
    pending.resolve(message.result);
    const recycle = message.rssMb > this.options.rssLimitMb;
    if (recycle || this.jobsDone >= this.options.maxJobsPerWorker) {
      this.ready = false;
      this.child?.kill('SIGKILL');
    } else {
      this.options.onIdle();
    }
  }

  private overrun(): void {
    if (!this.pending) return;
    this.pending.overran = true;
    this.child?.kill('SIGKILL');
  }

  private settle(): Pending | undefined {
    const pending = this.pending;
    if (pending) clearTimeout(pending.deadline);
    this.pending = undefined;
    return pending;
  }

  private onExit(child: ChildProcess): void {
    if (child !== this.child) return;
    this.child = undefined;
    const pending = this.settle();
    const wasReady = this.ready;
    this.ready = false;
    if (pending && this.closed) {
      pending.reject(new PoolClosedError());
    } else if (pending) {
      this.crashes++;
      pending.resolve(
        pending.overran
          ? uniformResult(pending.job, 'timeout', 'The run exceeded its wall-clock deadline; the runner was restarted.')
          : uniformResult(
              pending.job,
              'crashed',
              'The runner process crashed while running this code; it was restarted.',
            ),
      );
    }
    if (this.closed) return;
    this.options.onWorkerExit?.({
      pid: child.pid,
      reason: pending ? (pending.overran ? 'overran' : 'crashed') : 'idle',
    });
    if (!wasReady && !pending) this.failuresInARow++;
    this.restarts++;
    this.jobsDone = 0;
    this.scheduleSpawn();
  }

  /** Back off when a worker cannot even start, instead of fork-bombing the machine. */
  private scheduleSpawn(): void {
    const delay = this.failuresInARow === 0 ? 0 : Math.min(5_000, 50 * 2 ** this.failuresInARow);
    setTimeout(() => !this.closed && this.spawn(), delay).unref();
  }
}
