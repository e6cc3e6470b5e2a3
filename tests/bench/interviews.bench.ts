/**
 * Live co-editing under load: `--rooms` interview rooms (500), each with a panel member and the
 * candidate connected over socket.io on loopback, both typing `--rate` edits per second (5) into the
 * revealed coding question for `--seconds` (60), each edit followed by a cursor (awareness) update as
 * an editor sends. The API runs in this process (MariaDB when it answers, else SQLite); the clients
 * in a child process, so each has a core (`--sqlite` measures on the embedded database). Figures: edit-to-peer latency p50/p99 (the edit carries
 * its send time; the peer reads it when the change arrives), whether every room's two documents and
 * the server's ended identical, API CPU per applied update, memory per open room, log rows written.
 * Written to bench-results/interviews.json; progress on stderr; `--json` prints the figures alone
 * on stdout. Options: --rooms 500 --seconds 60 --rate 5
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const log = (message: string) => process.stderr.write(`[bench:interviews] ${message}\n`);
const round = (n: number) => Math.round(n * 100) / 100;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

interface Room {
  interviewId: string;
  questionId: string;
  staffToken: string;
  link: string;
}
interface ClientReport {
  latencies: number[];
  sent: number;
  refusals: Record<string, number>;
  connectMs: number;
  /** Per room: the hash of the panel member's and of the candidate's final text. */
  finals: { interviewId: string; questionId: string; staff: string; candidate: string }[];
  cpuMs: number;
  loop: { p99: number; max: number };
}

async function server(): Promise<void> {
  const rooms = arg('rooms', 500);
  const seconds = arg('seconds', 60);
  const rate = arg('rate', 5);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const { createMariadbDatabase } = await import('../support/mariadb');
  const { startTestApp, ADMIN, loginAs } = await import('../support/test-app');
  const { createStaff } = await import('../factories/staff');
  const { interviewRequest, linkToken } = await import('../factories/interviews');
  const { InterviewsService } = await import('../../apps/api/src/interviews/interviews.service');
  const { InterviewRoomService } = await import('../../apps/api/src/interviews/room/interview-room.service');
  const { InterviewUpdateEntity } = await import('../../apps/api/src/interviews/interview-log.entities');
  const { DataSource } = await import('typeorm');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');

  const dataDir = mkdtempSync(join(tmpdir(), 'rubricon-bench-'));
  // MariaDB, as in production, when it answers (`--sqlite` forces the embedded default).
  const maria = process.argv.includes('--sqlite') ? null : await createMariadbDatabase().catch(() => null);
  if (!maria) log('MariaDB does not answer or --sqlite: measuring on SQLite');
  const app = await startTestApp({
    database: maria ? { type: 'mariadb', url: maria.url } : { type: 'sqlite', path: join(dataDir, 'bench.sqlite') },
    dataDir,
    dispose: async () => undefined,
  });
  try {
    log(`server on ${app.url} (${maria ? 'MariaDB' : 'SQLite'}); scheduling ${rooms} interviews`);
    const admin = await loginAs(app.url, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(app.url, admin, 'interviewer');
    const interviews = app.app.get(InterviewsService);
    const template = await interviewRequest(app.url, admin, [interviewer.id]);
    const plan: Room[] = [];
    for (let i = 0; i < rooms; i++) {
      // In-process: what is measured is the room, not 500 scheduling requests.
      const created = await interviews.schedule(
        { ...template, candidate: { name: `Bench ${i}`, email: `bench-${i}@example.com` } },
        { id: interviewer.id, role: 'interviewer' } as never,
      );
      plan.push({
        interviewId: created.interview.id,
        questionId: '',
        staffToken: interviewer.token,
        link: linkToken(created.link),
      });
    }
    const room = app.app.get(InterviewRoomService);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let serverLoop = monitorEventLoopDelay({ resolution: 10 });
    let cpuStart = process.cpuUsage();
    let updatesStart = 0;
    const countUpdates = () => room.rooms.updatesApplied;
    let heapOpen = 0;
    const report = await runClients(app.url, plan, seconds, rate, async () => {
      gc();
      heapOpen = process.memoryUsage().heapUsed;
      serverLoop = monitorEventLoopDelay({ resolution: 10 });
      serverLoop.enable();
      cpuStart = process.cpuUsage();
      updatesStart = countUpdates();
    });
    const cpu = process.cpuUsage(cpuStart);
    serverLoop.disable();
    const updates = countUpdates() - updatesStart;

    let identical = 0;
    const diverged: string[] = [];
    for (const f of report.finals) {
      const doc = room.rooms.get(`${f.interviewId}/${f.questionId}`);
      const serverHash = doc ? sha(doc.text) : 'closed';
      if (f.staff === f.candidate && f.staff === serverHash) identical++;
      else diverged.push(f.interviewId);
    }
    await room.rooms.flush();
    const logRows = await app.app.get(DataSource).getRepository(InterviewUpdateEntity).count();
    const sorted = [...report.latencies].sort((a, b) => a - b);
    const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
    const figures = {
      measuredAt: new Date().toISOString(),
      machine: { cores: cpus().length, node: process.version, loadAverageAtEnd: round(loadavg()[0]) },
      database: maria ? 'MariaDB (127.0.0.1:3306)' : 'SQLite',
      rooms,
      clients: rooms * 2,
      seconds,
      editsPerSecondPerClient: rate,
      connectAllMs: round(report.connectMs),
      // What the clients were asked to type; fewer sent means the load generator itself could not keep up.
      editsPlanned: rooms * 2 * rate * seconds,
      editsSent: report.sent,
      editsReceivedByPeers: report.latencies.length,
      editToPeerMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: round(sorted.at(-1) ?? NaN) },
      refusals: report.refusals,
      roomsIdentical: identical,
      roomsDiverged: diverged.length,
      // Applied document updates (each edit once; cursor updates are not document updates).
      serverUpdatesApplied: updates,
      serverCpuMsPerUpdate: round((cpu.user + cpu.system) / 1000 / Math.max(1, updates)),
      serverCpuCoresUsed: round((cpu.user + cpu.system) / 1e6 / seconds),
      memoryPerOpenRoomKb: round((heapOpen - heapBefore) / 1024 / rooms),
      serverEventLoopDelayMs: { p99: round(serverLoop.percentile(99) / 1e6), max: round(serverLoop.max / 1e6) },
      clientEventLoopDelayMs: report.loop,
      loadGeneratorCpuMsPerEdit: round(report.cpuMs / Math.max(1, report.sent)),
      logRowsWritten: logRows,
      target: { editToPeerP99Ms: 25, roomsDiverged: 0 },
      meetsTarget: pct(99) < 25 && diverged.length === 0,
    };
    mkdirSync(join(__dirname, '..', '..', 'bench-results'), { recursive: true });
    writeFileSync(
      join(__dirname, '..', '..', 'bench-results', 'interviews.json'),
      JSON.stringify(figures, null, 2) + '\n',
    );
    log(
      `edits ${figures.editsSent} of ${figures.editsPlanned} planned, edit-to-peer p50 ${figures.editToPeerMs.p50} ms, p99 ${figures.editToPeerMs.p99} ms; rooms identical ${identical}/${rooms}; server CPU ${figures.serverCpuMsPerUpdate} ms per update (${figures.serverCpuCoresUsed} cores), ${figures.memoryPerOpenRoomKb} KB per open room; event-loop p99 server ${figures.serverEventLoopDelayMs.p99} ms, clients ${report.loop.p99} ms -> bench-results/interviews.json`,
    );
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    await app.close();
    await maria?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function runClients(
  url: string,
  rooms: Room[],
  seconds: number,
  rate: number,
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
    child.send({ url, rooms, seconds, rate });
  });
}

/** Marks an edit with its sender and send time, so the peer can time it: ⟦sender:ms⟧. */
const MARK = /⟦(\d+):(\d+(?:\.\d+)?)⟧/g;

async function clientProcess(): Promise<void> {
  const { io } = await import('socket.io-client');
  const { DocClient } = await import('@rubricon/collab');
  type Socket = ReturnType<typeof io>;
  type Doc = InstanceType<typeof DocClient>;
  const { url, rooms, seconds, rate } = await new Promise<{
    url: string;
    rooms: Room[];
    seconds: number;
    rate: number;
  }>((r) => process.once('message', r as never));
  const report: ClientReport = {
    latencies: [],
    sent: 0,
    refusals: {},
    connectMs: 0,
    finals: [],
    cpuMs: 0,
    loop: { p99: 0, max: 0 },
  };
  const refused = (r: { code: string }) => void (report.refusals[r.code] = (report.refusals[r.code] ?? 0) + 1);
  /** Connects; resolves with the socket and the first questions the room sent it. */
  const connect = (auth: object) =>
    new Promise<{ socket: Socket; questions: { id: string; kind: string }[] }>((resolve, reject) => {
      const socket = io(`${url}/interviews`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('room:questions', (q: { questions: { id: string; kind: string }[] }) =>
        resolve({ socket, questions: q.questions }),
      );
      socket.once('connect_error', reject);
    });
  let nextSender = 0;
  const side = (socket: Socket, questionId: string) => {
    const sender = nextSender++;
    const doc = new DocClient(socket as never, questionId, { onRefused: refused });
    // The peer's edits arrive as remote transactions: each carries its send time.
    doc.text.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.timeOrigin + performance.now();
      for (const op of event.delta)
        if (typeof op.insert === 'string')
          for (const [, from, at] of op.insert.matchAll(MARK))
            if (Number(from) !== sender) report.latencies.push(now - Number(at));
    });
    return { socket, doc, sender };
  };
  const t0 = performance.now();
  const pairs: { room: Room; staff: ReturnType<typeof side>; candidate: ReturnType<typeof side> }[] = [];
  // In batches: 1,000 handshakes at once would measure the accept queue, not the rooms.
  for (let i = 0; i < rooms.length; i += 50) {
    await Promise.all(
      rooms.slice(i, i + 50).map(async (room) => {
        const staff = await connect({ accessToken: room.staffToken, interviewId: room.interviewId });
        const coding = staff.questions.find((q) => q.kind === 'coding')!;
        room.questionId = coding.id;
        await staff.socket.timeout(30_000).emitWithAck('question:reveal', { questionId: coding.id });
        const candidate = await connect({ link: room.link });
        const pair = { room, staff: side(staff.socket, coding.id), candidate: side(candidate.socket, coding.id) };
        await new Promise<void>((resolve) => {
          const check = () => (pair.staff.doc.synced && pair.candidate.doc.synced ? resolve() : setTimeout(check, 20));
          check();
        });
        pairs.push(pair);
      }),
    );
  }
  report.connectMs = performance.now() - t0;
  process.send!('connected');
  await new Promise((r) => process.once('message', r));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuStart = process.cpuUsage();
  const end = Date.now() + seconds * 1000;
  const intervalMs = 1000 / rate;
  const timers: NodeJS.Timeout[] = [];
  const edit = (me: ReturnType<typeof side>) => {
    if (Date.now() >= end) return;
    const text: Doc['text'] = me.doc.text;
    const at = performance.timeOrigin + performance.now();
    const index = Math.floor(Math.random() * (text.length + 1));
    text.insert(index, `⟦${me.sender}:${at.toFixed(3)}⟧x`);
    report.sent++;
    // A cursor move follows every keystroke in an editor.
    me.doc.awareness.setLocalStateField('selection', { anchor: index, head: index });
  };
  for (const pair of pairs)
    for (const me of [pair.staff, pair.candidate]) {
      // Spread the clients over the interval so edits arrive evenly, as real typing would.
      const first = setTimeout(() => {
        edit(me);
        timers.push(setInterval(() => edit(me), intervalMs));
      }, Math.random() * intervalMs);
      timers.push(first);
    }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  for (const t of timers) clearTimeout(t);
  report.cpuMs = (process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1000;
  loop.disable();
  report.loop = { p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) };
  // Let the last edits arrive everywhere, then compare.
  await new Promise((r) => setTimeout(r, 3_000));
  for (const { room, staff, candidate } of pairs)
    report.finals.push({
      interviewId: room.interviewId,
      questionId: room.questionId,
      staff: sha(staff.doc.text.toString()),
      candidate: sha(candidate.doc.text.toString()),
    });
  process.send!(report, () => {
    for (const { staff, candidate } of pairs) {
      staff.socket.disconnect();
      candidate.socket.disconnect();
    }
    process.exit(0);
  });
}

if (process.argv.includes('--client-process')) void clientProcess();
else
  void server().catch((error) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
