/**
 * A runner that consumes the BullMQ run queue (REDIS_URL set, started without an IPC channel): a
 * sandbox pool of RUNNER_POOL_SIZE worker processes, and a BullMQ Worker taking as many jobs at once.
 * Each job is a RunRequest; its RunResult goes back to the API instance that asked. A runner killed
 * outright loses its jobs' locks, and another runner runs them again (RUN_QUEUE in the sandbox
 * library); on SIGTERM it takes no more jobs, finishes those in progress, and exits 0.
 * Logs go to stderr, one line per event, and never carry job data (grading jobs hold hidden tests).
 */
import { RUN_QUEUE, RunnerPool, runWorkerSettings, type RunRequest, type RunResult } from '@rubricon/sandbox';
import { Worker } from 'bullmq';
import { readRunnerEnv, type RunnerEnv } from './runner-env';

function log(name: string, message: string): void {
  process.stderr.write(`${new Date().toISOString()} runner ${name}: ${message}\n`);
}

export interface QueueConsumer {
  /** Takes no more jobs, waits for those in progress, stops the sandbox workers. */
  close: () => Promise<void>;
}

export async function startQueueConsumer(env: RunnerEnv): Promise<QueueConsumer> {
  const pool = await RunnerPool.start({
    size: env.poolSize,
    deadlineSlackMs: RUN_QUEUE.deadlineSlackMs,
    onWorkerExit: ({ pid, reason }) =>
      reason !== 'idle' && log(env.name, `sandbox worker ${pid} ${reason} during a run; restarting it`),
  });
  let lastError = '';
  const worker = new Worker<RunRequest, RunResult>(RUN_QUEUE.name, (job) => pool.run(job.data), {
    connection: { url: env.redisUrl, retryStrategy: (attempt: number) => Math.min(100 * attempt, 2_000) },
    prefix: env.prefix,
    name: env.name,
    ...runWorkerSettings(env.poolSize),
  });
  worker.on('error', (error) => {
    // A Redis outage repeats its error at every reconnect attempt: one line per distinct error.
    if (error.message !== lastError) log(env.name, `queue error: ${error.message}`);
    lastError = error.message;
  });
  worker.on('ready', () => {
    if (lastError) log(env.name, 'connected to Redis again');
    lastError = '';
  });
  worker.on('failed', (job, error) => log(env.name, `run ${job?.id ?? '?'} (${job?.name}) failed: ${error.message}`));
  worker.on('stalled', (jobId) =>
    log(env.name, `run ${jobId} lost its runner (killed or hung): queued again, or failed when it already was once`),
  );
  await worker.waitUntilReady();
  log(
    env.name,
    `consuming "${env.prefix}:${RUN_QUEUE.name}" with ${pool.stats().size} sandbox worker(s) (pids ${pool.stats().pids.join(', ')})`,
  );
  return {
    close: async () => {
      await worker.close();
      await pool.close();
    },
  };
}

/** The runner process's life: start, then on SIGTERM or SIGINT drain and exit 0. */
export async function runQueueConsumer(processEnv: NodeJS.ProcessEnv): Promise<void> {
  let env: RunnerEnv;
  try {
    env = readRunnerEnv(processEnv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const consumer = await startQueueConsumer(env);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(env.name, `${signal}: taking no more runs, finishing those in progress`);
    consumer.close().then(
      () => {
        log(env.name, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log(env.name, `stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
