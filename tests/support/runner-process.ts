/**
 * A real queue-consuming runner (apps/runner/src/main.ts under tools/ts-register.js, no IPC channel,
 * REDIS_URL set), as a deployment starts `node --no-node-snapshot dist/apps/runner/main.js`. For tests
 * that kill it (kill -9) or stop it (SIGTERM). Its stderr is kept, and echoed when RUBRICON_TEST_LOGS is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface RunnerProcess {
  name: string;
  child: ChildProcess;
  /** Everything it logged so far. */
  stderr: () => string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | string | null>;
  /** Kills it (default SIGKILL) and waits until it is gone. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string | null>;
}

export function startRunnerProcess(options: {
  redisUrl: string;
  prefix: string;
  name: string;
  poolSize?: number;
}): Promise<RunnerProcess> {
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', '-r', join(ROOT, 'tools/ts-register.js'), join(ROOT, 'apps/runner/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: options.prefix,
        INSTANCE_ID: options.name,
        RUNNER_POOL_SIZE: String(options.poolSize ?? 1),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (process.env.RUBRICON_TEST_LOGS) process.stderr.write(chunk);
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const runner: RunnerProcess = {
    name: options.name,
    child,
    stderr: () => log,
    exited,
    stop: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (!log.includes(' consuming "')) return;
      child.stderr!.off('data', onData);
      resolve(runner);
    };
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`runner ${options.name} exited early (${code}):\n${log}`)));
  });
}
