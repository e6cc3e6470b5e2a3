/**
 * The code-execution worker process.
 * - Forked with an IPC channel (the embedded pool, or any supervisor): serves run jobs over IPC.
 * - Otherwise: reads one RunRequest as JSON on stdin and prints its RunResult as JSON on stdout,
 *   which is handy for checking a submission by hand.
 * Queue consumption (BullMQ when REDIS_URL is set) plugs in here around the same runJob.
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
  serveIpc({ preloadTypeScript: process.env.RUBRICON_SANDBOX_PRELOAD_TS !== '0' });
} else {
  runFromStdin().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
