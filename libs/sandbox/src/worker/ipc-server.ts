import { loadTypeScript } from '../grading/transpile';
import { uniformResult } from '../grading/grade';
import { FromWorker, ToWorker } from './protocol';
import { runValidatedJob } from './run-job';
import { preloadPython } from '../python/python-session';

export interface IpcServerOptions {
  /** Load typescript right after reporting ready, so the first TypeScript job does not pay for it. */
  preloadTypeScript?: boolean;
  /** Boot Pyodide and take its snapshot right after that (about 2 s of CPU), for the first Python job. */
  preloadPython?: boolean;
}

/**
 * Serves run jobs to the parent process over the IPC channel, one at a time (the pool never sends
 * a second job before the first answer). Exits when the parent goes away.
 */
export function serveIpc(options: IpcServerOptions = {}): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveIpc needs an IPC channel: start this process with child_process.fork.');
  const reply = (message: FromWorker) => {
    try {
      send(message);
    } catch {
      // The parent is gone; 'disconnect' ends this process.
    }
  };

  process.on('message', (message: ToWorker) => {
    if (message?.type !== 'run') return;
    void handle(message).then(reply);
  });
  process.on('disconnect', () => process.exit(0));
  reply({ type: 'ready', pid: process.pid });
  if (options.preloadTypeScript ?? true) setImmediate(loadTypeScript);
  // A failure here is retried by the first Python job, which then reports it.
  if (options.preloadPython) setImmediate(() => void preloadPython().catch(() => undefined));
}

async function handle(message: ToWorker): Promise<FromWorker> {
  try {
    const result = await runValidatedJob(message.job);
    return { type: 'result', id: message.id, result, rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) };
  } catch {
    // An unexpected host-side failure: answer for this job, keep serving the next.
    return {
      type: 'result',
      id: message.id,
      result: uniformResult(message.job, 'error', 'The sandbox failed to run this submission.'),
      rssMb: 0,
    };
  }
}
