import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig, RedisConfig } from '../../apps/api/src/config';
import type { TestDatabase } from './databases';
import { createMariadbDatabase } from './mariadb';
import { startTestRedis, type TestRedis } from './redis';
import type { ServerProcess } from './server-process';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { testConfig } from './test-app';

const ROOT = join(__dirname, '..', '..');

/**
 * Several API server processes on loopback, as in production: one shared MariaDB database, one
 * Redis (private to the test, so it may be stopped), and a TCP proxy in front that clients use as
 * the one URL. An instance that is killed and started again comes back on a new port (the server
 * listens on port 0); the proxy's upstream list is updated, so clients that reconnect to `url` find it.
 *
 * Optionally the instances reach MariaDB through a proxy of their own (`databaseProxy`), which a
 * test cuts to make "the database stopped" without stopping the server other suites share.
 */
export interface ClusterInstance {
  readonly index: number;
  /** This instance directly, bypassing the front proxy (undefined while it is down). */
  readonly url: string | undefined;
  readonly port: number | undefined;
  readonly process: ServerProcess | undefined;
  readonly config: AppConfig;
  readonly running: boolean;
}

export interface Cluster {
  /** The front proxy's URL: what a browser behind the load balancer would use. */
  url: string;
  /** The shared database as the test sees it (the real server, never through `dbProxy`). */
  db: TestDatabase;
  redis: TestRedis | null;
  front: TcpProxy;
  /** Between the instances and MariaDB, when asked for. */
  dbProxy: TcpProxy | null;
  instances: ClusterInstance[];
  /** Sends `signal` (kill -9 by default) and waits until the process is gone; resolves with how it ended. */
  stop: (index: number, signal?: NodeJS.Signals) => Promise<number | string | null>;
  /** Starts a stopped instance again (same configuration, new port) and puts it back behind the proxy. */
  start: (index: number) => Promise<void>;
  /** Routes new front connections to one instance only (null: round-robin). */
  pin: (index: number | null) => void;
  /** A runner process consuming the run queue (apps/runner), for tests that need remote runners. */
  startRunner: () => Promise<ChildProcess>;
  dispose: () => Promise<void>;
}

export interface ClusterOptions {
  instances?: number;
  /** False: the instances run without Redis (independent single processes on one database). */
  redis?: boolean;
  /** True (default): every instance also runs code with its own pool, so no runner process is needed. */
  embeddedRunners?: boolean;
  databaseProxy?: boolean;
  overrides?: Partial<AppConfig>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.instances ?? 2;
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const database = await createMariadbDatabase();
    const dataDirs: string[] = [];
    const db: TestDatabase = {
      database: { type: 'mariadb', url: database.url },
      dataDir: mkdtempSync(join(tmpdir(), 'rubricon-cluster-')),
      dispose: async () => {
        await database.drop();
        for (const dir of [db.dataDir, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
      },
    };
    cleanups.push(() => db.dispose());

    const redis = options.redis === false ? null : await startTestRedis();
    if (redis) cleanups.push(() => redis.dispose());

    const dbUrl = new URL(database.url);
    const dbProxy = options.databaseProxy ? await startTcpProxy([Number(dbUrl.port || 3306)]) : null;
    if (dbProxy) cleanups.push(() => dbProxy.close());
    const instanceDbUrl = dbProxy ? withHostPort(database.url, '127.0.0.1', dbProxy.port) : database.url;

    const front = await startTcpProxy([]);
    cleanups.push(() => front.close());

    const prefix = `rubricon-test-${process.pid}`;
    const instances = Array.from({ length: count }, (_, index) => {
      // Each instance its own data directory, as on its own host: nothing may be shared through it.
      const dataDir = mkdtempSync(join(tmpdir(), `rubricon-instance-${index}-`));
      dataDirs.push(dataDir);
      const redisConfig: RedisConfig | null = redis
        ? {
            url: redis.url,
            prefix,
            instanceId: `api-${index}`,
            embeddedRunners: options.embeddedRunners ?? true,
          }
        : null;
      const config = testConfig(
        { database: { type: 'mariadb', url: instanceDbUrl }, dataDir, dispose: async () => undefined },
        { port: 0, redis: redisConfig, ...options.overrides },
      );
      return { index, config, process: undefined as ServerProcess | undefined, port: undefined as number | undefined };
    });

    const portOf = (p: ServerProcess) => Number(new URL(p.url).port);
    const start = async (index: number): Promise<void> => {
      const instance = instances[index];
      if (instance.process) throw new Error(`instance ${index} is running already`);
      const started = await startInstance(instance.config, index);
      instance.process = started;
      const old = instance.port;
      instance.port = portOf(started);
      // Same position in the list as before, so round-robin order stays predictable.
      const at = old === undefined ? -1 : front.upstreams.indexOf(old);
      if (at >= 0) front.upstreams[at] = instance.port;
      else front.upstreams.push(instance.port);
    };
    const stop = async (index: number, signal: NodeJS.Signals = 'SIGKILL') => {
      const instance = instances[index];
      const running = instance.process;
      if (!running) throw new Error(`instance ${index} is not running`);
      running.child.kill(signal);
      const how = await running.exited;
      instance.process = undefined;
      // The kernel closed its sockets; the proxy's other halves follow, so clients see the drop now.
      if (instance.port !== undefined) front.dropConnectionsTo(instance.port);
      return how;
    };
    cleanups.push(async () => {
      await Promise.all(
        instances.map(async (instance) => {
          if (!instance.process) return;
          instance.process.child.kill('SIGKILL');
          await instance.process.exited;
          instance.process = undefined;
        }),
      );
    });

    // The first instance alone runs the migrations and the first-start seeding (admin, seed
    // postings, question bank); the others then find everything done. Neither is guarded against
    // two instances doing it at once (TypeORM's migrations table is read without a lock).
    await start(0);
    await Promise.all(instances.slice(1).map((i) => start(i.index)));

    const runners: ChildProcess[] = [];
    cleanups.push(async () => {
      await Promise.all(
        runners.map(async (r) => {
          if (r.exitCode !== null || r.signalCode !== null) return;
          const gone = new Promise((resolve) => r.once('exit', resolve));
          r.kill('SIGKILL');
          await gone;
        }),
      );
    });

    return {
      url: `http://127.0.0.1:${front.port}`,
      db,
      redis,
      front,
      dbProxy,
      instances: instances.map((instance) => ({
        get index() {
          return instance.index;
        },
        get url() {
          return instance.process?.url;
        },
        get port() {
          return instance.process ? instance.port : undefined;
        },
        get process() {
          return instance.process;
        },
        get config() {
          return instance.config;
        },
        get running() {
          return instance.process !== undefined;
        },
      })),
      stop,
      start,
      pin: (index) => front.pin(index === null ? null : (instances[index].port ?? null)),
      startRunner: async () => {
        if (!redis) throw new Error('runner processes need the cluster started with Redis');
        const entry = join(ROOT, 'apps/runner/src/main.ts');
        const args = ['--no-node-snapshot', '-r', join(ROOT, 'tools/ts-register.js'), entry];
        const child = spawn(process.execPath, args, {
          cwd: ROOT,
          env: { ...process.env, REDIS_URL: redis.url, REDIS_PREFIX: prefix },
          // No IPC channel (spawn, not fork): with one, apps/runner serves its parent instead of the queue.
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        runners.push(child);
        return child;
      },
      dispose: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Longest an instance may take to listen (migrations, first start, a loaded 2-core machine). */
const START_WITHIN_MS = 90_000;

/**
 * startServerProcess (server-process.ts) with a bound: the same `--serve` entry, but a process
 * that has not listened in time is killed, so a hung start fails the suite instead of leaving jest
 * waiting on a child that never answers.
 */
function startInstance(config: AppConfig, index: number): Promise<ServerProcess> {
  const child = fork(join(__dirname, 'server-process.ts'), ['--serve'], {
    cwd: ROOT,
    execArgv: ['--no-node-snapshot', '-r', join(ROOT, 'tools/ts-register.js')],
    env: { ...process.env, RUBRICON_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${index} did not listen within ${START_WITHIN_MS / 1000} s`));
    }, START_WITHIN_MS);
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${m.port}`, child, exited });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`instance ${index} exited while starting (${code})`));
    });
  });
}

function withHostPort(url: string, host: string, port: number): string {
  const u = new URL(url);
  u.hostname = host;
  u.port = String(port);
  return u.toString();
}
