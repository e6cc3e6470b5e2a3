import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/**
 * A private Redis server for one test file: its own port and directory, so a test may stop and
 * restart it (a fault test) without touching anybody else's. Needs `redis-server` on the PATH
 * (Debian's redis-server; .ci/run installs it). global-setup.ts probes for it once per run.
 */
export interface TestRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: nothing saved, like a crash) and waits until it is gone. */
  stop: () => Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  start: () => Promise<void>;
  dispose: () => Promise<void>;
}

export function redisAvailable(): boolean {
  return process.env.RUBRICON_REDIS === 'available';
}

/** True when `redis-server` can be run here (the probe global-setup.ts makes). */
export function redisServerInstalled(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rubricon-redis-'));
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) return; // already running
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    const started = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Redis({
        port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        if (started.exitCode !== null || Date.now() > deadline)
          throw new Error(`redis-server on port ${port} did not start`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
