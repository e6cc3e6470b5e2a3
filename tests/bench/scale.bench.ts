/**
 * bench:scale: the attempts benchmark's workload (tests/bench/attempts.bench.ts: N candidates as
 * socket.io clients on loopback, each autosaving one answer every few seconds) against two API
 * instances on Redis behind the TCP proxy (round-robin), beside one Redis-less instance measured in
 * the same run, on the same MariaDB server, through the same proxy. Each configuration gets a fresh
 * database. Acknowledgement latency (p50/p99), saves per second, lost saves (an acknowledged version
 * the database does not hold, or a save never acknowledged) and the API processes' CPU per save.
 *
 * The clients are attempts.bench.ts's own client process (forked with --client-process), so the
 * workload is the same code. Figures go to bench-results/scale.json; progress to stderr; `--json`
 * prints the figures alone on stdout.
 * Options: --candidates 1000 --seconds 60 --interval 5000
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const log = (message: string) => process.stderr.write(`[bench:scale] ${message}\n`);

interface Client {
  attemptId: string;
  token: string;
  questionId: string;
}
/** What attempts.bench.ts's client process reports. */
interface ClientReport {
  latencies: number[];
  acked: Record<string, number>;
  errors: string[];
  unacked: number;
  connectMs: number;
  loop: { p99: number; max: number };
  cpuMs: number;
}

async function main(): Promise<void> {
  const candidates = arg('candidates', 1000);
  const seconds = arg('seconds', 60);
  const interval = arg('interval', 5000);
  process.env.RUBRICON_MARIADB = 'available';
  const loadStart = loadavg()[0];

  log(
    `single instance (no Redis) behind the proxy: ${candidates} candidates, ${seconds}s, one save each every ${interval} ms`,
  );
  const single = await measure({ instances: 1, redis: false }, candidates, seconds, interval);
  log(`two instances on Redis behind the proxy (round-robin): same workload`);
  const two = await measure({ instances: 2, redis: true }, candidates, seconds, interval);

  const figures = {
    measuredAt: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      node: process.version,
      loadAverageAtStart: round(loadStart),
      loadAverageAtEnd: round(loadavg()[0]),
    },
    database: 'MariaDB (one server; a fresh database per configuration)',
    path: 'clients -> TCP proxy (node:net, in the bench process) -> API process(es); the same for both',
    candidates,
    seconds,
    intervalMs: interval,
    single,
    twoInstances: two,
    // Above 1: two instances acknowledged more saves a second than one (the offered load is the same,
    // so this only exceeds 1 when one instance could not keep up with it).
    throughputRatio: round(two.savesPerSecond / Math.max(0.01, single.savesPerSecond)),
    p99Ratio: round(two.ackMs.p99 / Math.max(0.01, single.ackMs.p99)),
    target: { lostSaves: 0 },
    meetsTarget: single.lostSaves === 0 && two.lostSaves === 0,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'scale.json'), JSON.stringify(figures, null, 2) + '\n');
  log(
    `single: ${single.savesPerSecond} saves/s, p99 ${single.ackMs.p99} ms, lost ${single.lostSaves}; ` +
      `two instances: ${two.savesPerSecond} saves/s, p99 ${two.ackMs.p99} ms, lost ${two.lostSaves} -> bench-results/scale.json`,
  );
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(figures) + '\n');
}

async function measure(
  shape: { instances: number; redis: boolean },
  candidates: number,
  seconds: number,
  interval: number,
) {
  const { startCluster } = await import('../support/cluster');
  const { ADMIN, loginAs } = await import('../support/test-app');
  const { publishedAssessment, invite } = await import('../factories/attempts');
  const { createStaff } = await import('../factories/staff');
  const { directQuery } = await import('../support/direct-database');
  const { JwtService } = await import('@nestjs/jwt');

  const cluster = await startCluster({ instances: shape.instances, redis: shape.redis });
  try {
    log(`  ${shape.instances} instance(s) up at ${cluster.url}; preparing ${candidates} started attempts`);
    const hr = (await createStaff(cluster.url, await loginAs(cluster.url, ADMIN.email, ADMIN.password), 'hr')).token;
    const assessment = await publishedAssessment(cluster.url, hr, '产品经理', 300);
    const questionId = assessment.sections.flatMap((s) => s.questions).find((q) => q.kind !== 'coding')!.id;
    const ids: string[] = [];
    for (let done = 0; done < candidates; done += 200)
      for (const link of await invite(cluster.url, hr, assessment.id, Math.min(200, candidates - done)))
        ids.push(link.attemptId);
    // Started in the database and session tokens signed here, as the server signs them: opening
    // sessions through the API meets its per-address limit (20 a minute), which is for people.
    await directQuery(
      cluster.db,
      () => "UPDATE attempts SET status = 'in_progress', startedAt = ?, deadline = ? WHERE id IN (?)",
      () => [new Date(), new Date(Date.now() + 300 * 60_000), ids],
    );
    const { records } = await directQuery(
      cluster.db,
      () =>
        'SELECT a.id AS attemptId, i.tokenHash, i.sessionGeneration FROM attempts a ' +
        'JOIN invitations i ON i.id = a.invitationId WHERE a.id IN (?)',
      () => [ids],
    );
    const jwt = new JwtService({ secret: cluster.instances[0].config.jwtSecret });
    const clients: Client[] = await Promise.all(
      (records as { attemptId: string; tokenHash: string; sessionGeneration: number }[]).map(async (r) => ({
        attemptId: r.attemptId,
        questionId,
        token: await jwt.signAsync(
          { sub: r.attemptId, gen: Number(r.sessionGeneration), lnk: r.tokenHash.slice(0, 16) },
          { audience: 'candidate', expiresIn: 3600 },
        ),
      })),
    );

    const pids = cluster.instances.map((i) => i.process!.child.pid!);
    let cpuStart = pids.map(processCpuMs);
    const report = await runClients(cluster.url, clients, seconds, interval, async () => {
      cpuStart = pids.map(processCpuMs);
    });
    const cpuMs = pids.map((pid, i) => processCpuMs(pid) - cpuStart[i]);

    const { records: stored } = await directQuery(
      cluster.db,
      () => 'SELECT attemptId, version FROM answers WHERE questionId = ?',
      () => [questionId],
    );
    const held = new Map(
      (stored as { attemptId: string; version: number }[]).map((r) => [r.attemptId, Number(r.version)]),
    );
    const lost = Object.entries(report.acked).filter(([id, version]) => held.get(id) !== version).length;
    const sorted = [...report.latencies].sort((a, b) => a - b);
    const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
    const saves = report.latencies.length;
    const figures = {
      instances: shape.instances,
      redis: shape.redis,
      connectAllMs: round(report.connectMs),
      saves,
      savesPerSecond: round(saves / seconds),
      ackMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: round(sorted[sorted.length - 1] ?? NaN) },
      // All API processes together, per acknowledged save (from /proc: user + system).
      apiCpuMsPerSave: round(cpuMs.reduce((a, b) => a + b, 0) / Math.max(1, saves)),
      apiCpuMsPerInstance: cpuMs.map(round),
      clientEventLoopDelayMs: report.loop,
      errors: report.errors.length,
      firstErrors: report.errors.slice(0, 5),
      unacknowledged: report.unacked,
      lostSaves: lost + report.unacked,
    };
    log(
      `  ${figures.saves} saves, ${figures.savesPerSecond}/s, ack p50 ${figures.ackMs.p50} ms, p99 ${figures.ackMs.p99} ms, ` +
        `errors ${figures.errors}, lost ${figures.lostSaves}, API CPU ${figures.apiCpuMsPerSave} ms per save`,
    );
    return figures;
  } finally {
    await cluster.dispose();
  }
}

/** CPU a process has used so far (user + system), from /proc (Linux), in ms. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name; in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** attempts.bench.ts's client process: connects every client, waits for 'go', saves, reports. */
function runClients(
  url: string,
  clients: Client[],
  seconds: number,
  interval: number,
  onConnected: () => Promise<void>,
): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'attempts.bench.ts'), ['--client-process'], {
      execArgv: ['--no-node-snapshot', '-r', join(ROOT, 'tools/ts-register.js')],
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

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main().catch((error) => {
  process.stderr.write(`[bench:scale] failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
