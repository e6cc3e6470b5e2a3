import { RunJob, RunResult } from '../types';

/** Messages between the pool (owner) and a worker process over the IPC channel. */
/** The pool sends jobs it has validated already. */
export type ToWorker = { type: 'run'; id: number; job: RunJob };

export type FromWorker =
  { type: 'ready'; pid: number } | { type: 'result'; id: number; result: RunResult; rssMb: number };
