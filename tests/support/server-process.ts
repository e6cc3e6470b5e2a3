/**
 * A real API server in a child process of its own, for tests that kill it (kill -9, SIGTERM) and
 * start it again on the same database. Run under tools/ts-register.js; the parent passes the
 * AppConfig as JSON in RUBRICON_TEST_CONFIG and gets `{ port }` over IPC once it listens.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '../../apps/api/src/config';

const ROOT = join(__dirname, '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | string | null>;
}

export function startServerProcess(config: AppConfig): Promise<ServerProcess> {
  const child = fork(__filename, ['--serve'], {
    cwd: ROOT,
    execArgv: ['--no-node-snapshot', '-r', join(ROOT, 'tools/ts-register.js')],
    env: { ...process.env, RUBRICON_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ url: `http://127.0.0.1:${m.port}`, child, exited }));
    void exited.then((code) => reject(new Error(`server process exited early (${code})`)));
  });
}

async function serve(): Promise<void> {
  const { createApp } = await import('../../apps/api/src/app');
  const config = JSON.parse(process.env.RUBRICON_TEST_CONFIG!) as AppConfig;
  const { app } = await createApp(config, ['error']);
  await app.listen(0, '127.0.0.1');
  // SIGTERM is the app's own (common/shutdown.ts): it drains, closes and exits 0.
  process.send!({ port: app.getHttpServer().address().port });
}

if (process.argv.includes('--serve')) void serve();
