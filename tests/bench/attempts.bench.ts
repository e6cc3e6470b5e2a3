/**
 * bench:attempts: N concurrent candidates as socket.io clients on loopback, each autosaving one
 * answer every few seconds against MariaDB. Measures acknowledgement latency (p50/p99) and lost
 * saves (an acknowledged version the database does not hold, or a save never acknowledged).
 *
 * The server runs in this process; the clients run in a child process so they do not share a core
 * with it. Figures go to bench-results/attempts.json; progress to stderr; `--json` prints the
 * figures alone on stdout.
 * Options: --candidates 1000 --seconds 60 --interval 5000
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { DataSource } from 'typeorm';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const log = (message: string) => process.stderr.write(`[bench:attempts] ${message}\n`);

interface Client {
  attemptId: string;
  token: string;
  questionId: string;
}
interface ClientReport {
  latencies: number[];
  acked: Record<string, number>;
  errors: string[];
  unacked: number;
  connectMs: number;
  loop: LoopFigures;
  /** CPU the load generator itself used while the load ran (user + system, ms). */
  cpuMs: number;
}
interface LoopFigures {
  p99: number;
  max: number;
}

/** Where a slow acknowledgement waited: a blocked event loop (server or clients) shows here. */
function loopMonitor(): { stop: () => LoopFigures } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop: () => (histogram.disable(), { p99: round(histogram.percentile(99) / 1e6), max: round(histogram.max / 1e6) }),
  };
}

/** Garbage-collection pauses in this process while the load runs. */
function gcMonitor(): () => { pauses: number; totalMs: number; maxMs: number } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => durations.push(e.duration)));
  observer.observe({ entryTypes: ['gc'] });
  return () => (
    observer.disconnect(),
    {
      pauses: durations.length,
      totalMs: round(durations.reduce((a, b) => a + b, 0)),
      maxMs: round(Math.max(0, ...durations)),
    }
  );
}

async function server(): Promise<void> {
  const candidates = arg('candidates', 1000);
  const seconds = arg('seconds', 60);
  const interval = arg('interval', 5000);
  process.env.RUBRICON_MARIADB = 'available';
  const { createMariadbDatabase } = await import('../support/mariadb');
  const { startTestApp, ADMIN, loginAs } = await import('../support/test-app');
  const { publishedAssessment, invite } = await import('../factories/attempts');
  const { createStaff } = await import('../factories/staff');
  const { AttemptsService } = await import('../../apps/api/src/attempts/attempts.service');
  const { AnswerEntity } = await import('../../apps/api/src/attempts/answer.entity');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');

  const db = await createMariadbDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'rubricon-bench-'));
  const app = await startTestApp({
    database: { type: 'mariadb', url: db.url },
    dataDir,
    dispose: async () => undefined,
  });
  try {
    log(`server on ${app.url}, MariaDB database ready; preparing ${candidates} started attempts`);
    const hr = (await createStaff(app.url, await loginAs(app.url, ADMIN.email, ADMIN.password), 'hr')).token;
    const assessment = await publishedAssessment(app.url, hr, '产品经理', 300);
    const questionId = assessment.sections.flatMap((s) => s.questions).find((q) => q.kind !== 'coding')!.id;
    const attempts = app.app.get(AttemptsService);
    const clients: Client[] = [];
    for (let done = 0; done < candidates; done += 200) {
      for (const link of await invite(app.url, hr, assessment.id, Math.min(200, candidates - done))) {
        const session = await attempts.openSession(link.token); // in-process: the per-address throttle is for people, not this set-up
        await attempts.start(session.attemptId);
        clients.push({ attemptId: session.attemptId, token: session.accessToken, questionId });
      }
    }
    log(`running ${candidates} clients for ${seconds}s, one save each every ${interval} ms`);
    const loadStart = loadavg()[0];
    // Statements MariaDB executed (all clients of the server: run on a quiet machine).
    const questions = async () =>
      Number(
        ((await app.app.get(DataSource).query(`SHOW GLOBAL STATUS LIKE 'Questions'`)) as { Value: string }[])[0].Value,
      );
    // Measured from the moment every client is connected: the figures are about saves, not handshakes.
    let questionsStart = 0;
    let serverLoop = loopMonitor();
    let serverGc = gcMonitor();
    let cpuStart = process.cpuUsage();
    const report = await runClients(app.url, clients, seconds, interval, async () => {
      serverLoop.stop();
      serverGc();
      serverLoop = loopMonitor();
      serverGc = gcMonitor();
      cpuStart = process.cpuUsage();
      questionsStart = await questions();
    });
    const cpu = process.cpuUsage(cpuStart);
    const statements = (await questions()) - questionsStart;
    const loop = serverLoop.stop();
    const gc = serverGc();

    // Zero lost saves: every acknowledged version is the one the database holds.
    const stored = await app.app
      .get(DataSource)
      .getRepository(AnswerEntity)
      .find({ select: { attemptId: true, version: true } });
    const byAttempt = new Map(stored.map((a) => [a.attemptId, a.version]));
    const lost = Object.entries(report.acked).filter(
      ([attemptId, version]) => byAttempt.get(attemptId) !== version,
    ).length;
    const floorSeconds = arg('floor-seconds', 30);
    log(`floor: a bare socket.io server doing one conditional UPDATE per save, same clients, ${floorSeconds}s`);
    const floor = await transportFloor(db.url, clients, floorSeconds, interval);
    const sorted = [...report.latencies].sort((a, b) => a - b);
    const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
    const figures = {
      measuredAt: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        node: process.version,
        loadAverageAtStart: round(loadStart),
        loadAverageAtEnd: round(loadavg()[0]),
      },
      database: 'MariaDB (127.0.0.1:3306)',
      candidates,
      seconds,
      intervalMs: interval,
      connectAllMs: round(report.connectMs),
      saves: report.latencies.length,
      savesPerSecond: round(report.latencies.length / seconds),
      ackMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: round(sorted[sorted.length - 1] ?? NaN) },
      eventLoopDelayMs: { server: loop, clients: report.loop },
      serverGc: gc,
      // Steadier than latency on a noisy machine: what one save costs the API process.
      serverCpuMsPerSave: round((cpu.user + cpu.system) / 1000 / Math.max(1, report.latencies.length)),
      // The kernel's share is mostly socket writes (one to the database, one acknowledgement per save).
      serverSystemCpuMsPerSave: round(cpu.system / 1000 / Math.max(1, report.latencies.length)),
      loadGeneratorCpuMsPerSave: round(report.cpuMs / Math.max(1, report.latencies.length)),
      // The same clients against a bare socket.io server whose handler is one mysql2 UPDATE and an ack:
      // what the transport and the driver alone cost per save on this machine, measured in this run.
      floorCpuMsPerSave: floor.cpuMsPerSave,
      serverCpuToFloor: round(
        (cpu.user + cpu.system) / 1000 / Math.max(1, report.latencies.length) / floor.cpuMsPerSave,
      ),
      // Includes the deadline scheduler's and grading sweep's statements and any other client of the server.
      databaseStatementsPerSave: round(statements / Math.max(1, report.latencies.length)),
      errors: report.errors.length,
      firstErrors: report.errors.slice(0, 5),
      unacknowledged: report.unacked,
      lostSaves: lost + report.unacked,
      target: { ackP99Ms: 100, lostSaves: 0 },
      meetsTarget: pct(99) < 100 && lost + report.unacked === 0 && report.errors.length === 0,
    };
    mkdirSync(join(__dirname, '..', '..', 'bench-results'), { recursive: true });
    writeFileSync(
      join(__dirname, '..', '..', 'bench-results', 'attempts.json'),
      JSON.stringify(figures, null, 2) + '\n',
    );
    log(
      `saves ${figures.saves}, ack p50 ${figures.ackMs.p50} ms, p99 ${figures.ackMs.p99} ms, errors ${figures.errors}, lost ${figures.lostSaves} -> bench-results/attempts.json`,
    );
    log(
      `event-loop delay p99/max: server ${loop.p99}/${loop.max} ms, clients ${report.loop.p99}/${report.loop.max} ms; server GC ${gc.pauses} pauses, ${gc.totalMs} ms in all, longest ${gc.maxMs} ms; server CPU ${figures.serverCpuMsPerSave} ms per save (kernel ${figures.serverSystemCpuMsPerSave}; bare socket.io + mysql2 floor ${floor.cpuMsPerSave}, ratio ${figures.serverCpuToFloor}), load generator CPU ${figures.loadGeneratorCpuMsPerSave} ms per save, ${figures.databaseStatementsPerSave} database statements per save`,
    );
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    await app.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A bare socket.io server (no Nest, no TypeORM) whose save handler is one conditional UPDATE through mysql2. */
async function transportFloor(
  url: string,
  clients: Client[],
  seconds: number,
  interval: number,
): Promise<{ cpuMsPerSave: number }> {
  const { createServer } = await import('node:http');
  const { Server } = await import('socket.io');
  const mysql = await import('mysql2');
  const pool = mysql.createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });
  const http = createServer();
  const io = new Server(http);
  const sql =
    'UPDATE `answers` SET `content` = ?, `savedAt` = ? WHERE `attemptId` = ? AND `questionId` = ? AND EXISTS ' +
    "(SELECT 1 FROM `attempts` WHERE `id` = ? AND `status` = 'in_progress' AND `deadline` > ?)";
  io.of('/attempts').on('connection', (socket) =>
    socket.on('save-answer', (m: { attemptId: string; questionId: string; content: string; version: number }, ack) => {
      const now = new Date();
      pool.query(sql, [m.content, now, m.attemptId, m.questionId, m.attemptId, now], (error) =>
        ack(
          error
            ? { error: error.message }
            : { questionId: m.questionId, version: m.version, savedAt: now.toISOString() },
        ),
      );
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  let cpuStart = process.cpuUsage();
  const report = await runClients(`http://127.0.0.1:${port}`, clients, seconds, interval, async () => {
    cpuStart = process.cpuUsage();
  });
  const cpu = process.cpuUsage(cpuStart);
  await new Promise((resolve) => io.close(resolve));
  await pool.promise().end();
  return { cpuMsPerSave: round((cpu.user + cpu.system) / 1000 / Math.max(1, report.latencies.length)) };
}

function runClients(
  url: string,
  clients: Client[],
  seconds: number,
  interval: number,
  onConnected: () => Promise<void>,
): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--client-process'], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (message) => {
      if (message === 'connected') void onConnected().then(() => child.send('go'));
      else resolve(message as ClientReport);
    });
    child.once('exit', (code) => code && reject(new Error(`client process exited with ${code}`)));
    child.send({ url, clients, seconds, interval });
  });
}

async function clientProcess(): Promise<void> {
  const { io } = await import('socket.io-client');
  const { url, clients, seconds, interval } = await new Promise<{
    url: string;
    clients: Client[];
    seconds: number;
    interval: number;
  }>((r) => process.once('message', r as never));
  const report: ClientReport = {
    latencies: [],
    acked: {},
    errors: [],
    unacked: 0,
    connectMs: 0,
    loop: { p99: 0, max: 0 },
    cpuMs: 0,
  };
  const t0 = performance.now();
  const sockets = await Promise.all(
    clients.map(
      (c) =>
        new Promise<ReturnType<typeof io>>((resolve, reject) => {
          const s = io(`${url}/attempts`, {
            auth: { token: c.token },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        }),
    ),
  );
  report.connectMs = performance.now() - t0;
  process.send!('connected');
  await new Promise((r) => process.once('message', r));
  const cpuStart = process.cpuUsage();
  const end = Date.now() + seconds * 1000;
  const pending = new Set<Promise<void>>();
  const timers = clients.map((c, i) => {
    let version = 0;
    const save = () => {
      if (Date.now() >= end) return;
      const next = version + 1;
      const started = performance.now();
      const p = sockets[i]
        .timeout(10_000)
        .emitWithAck('save-answer', {
          attemptId: c.attemptId,
          questionId: c.questionId,
          content: `答案 ${next}: ${'x'.repeat(400)}`,
          version: next,
        })
        .then((ack: { version?: number; error?: string }) => {
          if (ack.error) report.errors.push(ack.error);
          else {
            version = next;
            report.acked[c.attemptId] = next;
            report.latencies.push(performance.now() - started);
          }
        })
        .catch(() => void report.unacked++)
        .finally(() => pending.delete(p));
      pending.add(p);
    };
    // Spread the clients over the interval so saves arrive evenly, as real candidates' would.
    const first = setTimeout(
      () => {
        save();
        timers[i] = setInterval(save, interval);
      },
      (i / clients.length) * interval,
    );
    return first;
  });
  const clientLoop = loopMonitor();
  await new Promise((r) => setTimeout(r, seconds * 1000 + 100));
  report.loop = clientLoop.stop();
  const cpu = process.cpuUsage(cpuStart);
  report.cpuMs = (cpu.user + cpu.system) / 1000;
  timers.forEach((t) => clearInterval(t));
  await Promise.all(pending);
  sockets.forEach((s) => s.disconnect());
  process.send!(report);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

(process.argv.includes('--client-process') ? clientProcess() : server()).catch((error) => {
  process.stderr.write(`[bench:attempts] failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
