/** Sandbox: runs candidate JavaScript, TypeScript and Python in supervised isolated-vm worker processes and grades it. */
export * from './types';
export { InvalidRunError, PoolClosedError, QueueFullError, TooManyRunsError } from './errors';
export { validateRunRequest, MAX_TESTS } from './validate';
export { compareResult } from './grading/compare';
export { transpileTypeScript } from './grading/transpile';
export { RunnerPool } from './pool/runner-pool';
export type { PoolOptions, PoolStats } from './pool/runner-pool';
export type { WorkerExit } from './pool/worker-slot';
export { resolveWorkerEntry } from './pool/worker-entry';
export type { RunnerEntry } from './pool/worker-entry';
export { runJob } from './worker/run-job';
export { serveIpc } from './worker/ipc-server';
export { openPythonInterpreter, preloadPython } from './python/python-session';
export { uniformResult } from './grading/grade';
export { hardDeadlineMs } from './pool/worker-slot';
export { RUN_QUEUE, STALLED_OUT_REASON, runWorkerSettings } from './queue/run-queue';
