/**
 * The code-execution worker process.
 * - Forked with an IPC channel (the embedded pool, or any supervisor): serves run jobs over IPC.
 * - Otherwise, with REDIS_URL set: consumes the BullMQ run queue with a pool of such workers
 *   (queue-consumer.ts; RUNNER_POOL_SIZE, REDIS_PREFIX, INSTANCE_ID).
 * - Otherwise: reads one RunRequest as JSON on stdin and prints its RunResult as JSON on stdout,
 *   which is handy for checking a submission by hand.
 * Start with `node --no-node-snapshot` (isolated-vm needs it on Node 24).
 */
import { runJob, serveIpc } from '@rubricon/sandbox';

async function runFromStdin(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const result = await runJob(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.send) {
  serveIpc({
    preloadTypeScript: process.env.RUBRICON_SANDBOX_PRELOAD_TS !== '0',
    preloadPython: process.env.RUBRICON_SANDBOX_PRELOAD_PYTHON === '1',
  });
} else if (process.env.REDIS_URL) {
  // Loaded only here: the pool's worker processes (the IPC branch) never load BullMQ.
  import('./queue-consumer')
    .then((consumer) => consumer.runQueueConsumer(process.env))
    .catch((error: unknown) => {
      process.stderr.write(`runner: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
} else {
  runFromStdin().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
