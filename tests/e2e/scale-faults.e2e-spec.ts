import { JwtService } from '@nestjs/jwt';
import type {
  AssessmentView,
  CandidateAttemptView,
  InvitationLink,
  SaveAnswerAck,
  SocketErrorAck,
} from '@rubricon/contracts';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { connectCandidate, emitWithAck, invite, publishedAssessment, startedAttempt } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { startCluster, type Cluster } from '../support/cluster';
import { directQuery } from '../support/direct-database';
import { mariadbAvailable } from '../support/mariadb';
import { redisAvailable } from '../support/redis';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

/**
 * Scale-out under faults, with real processes on loopback: two API instances on one MariaDB
 * database and one Redis (both private to this file), clients through a TCP proxy in front, and
 * the instances' path to MariaDB through a proxy of its own that the database test cuts.
 */
const describeScale = mariadbAvailable() && redisAvailable() ? describe : describe.skip;
if (!mariadbAvailable() || !redisAvailable())
  process.stderr.write(
    `\n!! scale-faults: SKIPPED (needs ${[!mariadbAvailable() && 'MariaDB', !redisAvailable() && 'redis-server'].filter(Boolean).join(' and ')})\n\n`,
  );

jest.setTimeout(90_000);

const A = 0;
const B = 1;
/** A request the database fault must not stall: it answers within this, or the test fails. */
const ANSWER_WITHIN_MS = 10_000;

type Ack = SaveAnswerAck | SocketErrorAck;
interface AttemptState {
  attemptId: string;
  status: string;
  remainingMs: number | null;
  deadline: string | null;
}

describeScale('scale-out under faults (two API instances, MariaDB, Redis)', () => {
  let cluster: Cluster;
  let hr: string;
  let assessment: AssessmentView;
  /** The assessment's text questions: saved without a language. */
  let questions: string[];
  const sockets: Socket[] = [];
  /** Set while test c has Redis stopped: starting a running one again would orphan the first. */
  let redisDown = false;

  beforeAll(async () => {
    cluster = await startCluster({ instances: 2, databaseProxy: true });
    const admin = await loginAs(cluster.url, ADMIN.email, ADMIN.password);
    hr = (await createStaff(cluster.url, admin, 'hr')).token;
    assessment = await publishedAssessment(cluster.url, hr, '产品经理', 300);
    questions = assessment.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.kind !== 'coding')
      .map((q) => q.id);
    expect(questions.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  // Whatever a test broke, the next one starts with both instances up and every path open.
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    if (!cluster) return;
    cluster.dbProxy!.restore();
    cluster.front.pin(null);
    if (redisDown) await cluster.redis!.start();
    redisDown = false;
    for (const instance of cluster.instances) if (!instance.running) await cluster.start(instance.index);
  }, 60_000);

  afterAll(async () => {
    await cluster?.dispose();
  }, 60_000);

  /** One started attempt, opened and started on instance `via` (through the front proxy). */
  async function candidate(via = A): Promise<{ link: InvitationLink; token: string; started: CandidateAttemptView }> {
    const [link] = await invite(cluster.url, hr, assessment.id, 1);
    const { session, started } = await startedAttempt(cluster.instances[via].url!, link);
    return { link, token: session.accessToken, started };
  }

  /**
   * A candidate page's socket through the front proxy that reconnects by itself, as the real page's
   * does; `states` collects every attempt-state (the server sends one on every (re)connection).
   */
  async function pageSocket(token: string): Promise<{ socket: Socket; states: AttemptState[] }> {
    const socket = io(`${cluster.url}/attempts`, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    sockets.push(socket);
    const states: AttemptState[] = [];
    socket.on('attempt-state', (s: AttemptState) => states.push(s));
    await until(async () => (states.length > 0 ? true : undefined), 15_000);
    return { socket, states };
  }

  /** A socket on one instance directly (no reconnection): where it is is the point. */
  async function socketOn(index: number, token: string): Promise<{ socket: Socket; states: AttemptState[] }> {
    const { socket, firstState } = await connectCandidate(cluster.instances[index].url!, token);
    sockets.push(socket);
    const states: AttemptState[] = [firstState as AttemptState];
    socket.on('attempt-state', (s: AttemptState) => states.push(s));
    return { socket, states };
  }

  const save = (socket: Socket, attemptId: string, questionId: string, version: number, content: string) =>
    emitWithAck<Ack>(socket, 'save-answer', { attemptId, questionId, version, content });

  async function storedAnswers(attemptId: string): Promise<Map<string, { version: number; content: string }>> {
    const { records } = await directQuery(
      cluster.db,
      () => 'SELECT questionId, version, content FROM answers WHERE attemptId = ?',
      () => [attemptId],
    );
    return new Map(
      (records as { questionId: string; version: number; content: string }[]).map((r) => [
        r.questionId,
        { version: Number(r.version), content: r.content },
      ]),
    );
  }

  async function storedDeadline(attemptId: string): Promise<string> {
    const { records } = await directQuery(
      cluster.db,
      () => 'SELECT deadline FROM attempts WHERE id = ?',
      () => [attemptId],
    );
    return new Date((records as { deadline: Date }[])[0].deadline).toISOString();
  }

  it('a: instance A is killed with kill -9; the candidate reconnects to B and every acknowledged save is there, deadline unchanged', async () => {
    const { token, started } = await candidate(A);
    const attemptId = started.attemptId;
    cluster.pin(A);
    const page = await pageSocket(token);
    expect(cluster.front.openConnections().get(cluster.instances[A].port!)).toBeGreaterThanOrEqual(1);

    const acked = new Map<string, { version: number; content: string }>();
    for (let version = 1; version <= 3; version++)
      for (const questionId of questions.slice(0, 3)) {
        const content = `answer ${questionId.slice(0, 8)} v${version} 答案`;
        const ack = await save(page.socket, attemptId, questionId, version, content);
        expect(ack).toEqual(expect.objectContaining({ questionId, version }));
        acked.set(questionId, { version, content });
      }

    const statesBefore = page.states.length;
    cluster.pin(null);
    expect(await cluster.stop(A, 'SIGKILL')).toBe('SIGKILL');
    // The page notices, reconnects through the same URL (the proxy finds B) and is told the state again.
    await until(async () => (page.states.length > statesBefore && page.socket.connected ? true : undefined), 20_000);
    const resynced = page.states[page.states.length - 1];
    expect(resynced).toEqual(expect.objectContaining({ attemptId, status: 'in_progress', deadline: started.deadline }));
    expect(cluster.front.openConnections().get(cluster.instances[B].port!)).toBeGreaterThanOrEqual(1);

    // B goes on from the last acknowledged version.
    const [first] = questions;
    const next = { version: acked.get(first)!.version + 1, content: 'after the failover' };
    expect(await save(page.socket, attemptId, first, next.version, next.content)).toEqual(
      expect.objectContaining({ questionId: first, version: next.version }),
    );
    acked.set(first, next);

    const view = (
      await request(cluster.instances[B].url!)
        .get('/api/candidate/attempt')
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as CandidateAttemptView;
    expect(view.deadline).toBe(started.deadline);
    for (const [questionId, expected] of acked)
      expect(view.answers.find((a) => a.questionId === questionId)).toEqual(expect.objectContaining(expected));
    const stored = await storedAnswers(attemptId);
    for (const [questionId, expected] of acked) expect(stored.get(questionId)).toEqual(expected);
    expect(await storedDeadline(attemptId)).toBe(started.deadline);
  });

  it('b: the deadline of 200 attempts falls while one instance restarts: each is submitted exactly once', async () => {
    const COUNT = 200;
    const assessmentB = await publishedAssessment(cluster.url, hr, '产品经理', 300);
    const links = await invite(cluster.url, hr, assessmentB.id, COUNT);
    const ids = links.map((l) => l.attemptId);
    // Session tokens signed here, as the server signs them: opening 200 sessions through the API
    // would meet its per-address limit (20 a minute), which is for people, not this set-up.
    const { records: invitations } = await directQuery(
      cluster.db,
      () =>
        'SELECT a.id AS attemptId, i.tokenHash, i.sessionGeneration FROM attempts a ' +
        'JOIN invitations i ON i.id = a.invitationId WHERE a.id IN (?)',
      () => [ids],
    );
    const jwt = new JwtService({ secret: cluster.instances[B].config.jwtSecret });
    const tokens = await Promise.all(
      (invitations as { attemptId: string; tokenHash: string; sessionGeneration: number }[]).map((i) =>
        jwt.signAsync(
          { sub: i.attemptId, gen: Number(i.sessionGeneration), lnk: i.tokenHash.slice(0, 16) },
          { audience: 'candidate', expiresIn: 3600 },
        ),
      ),
    );
    expect(tokens).toHaveLength(COUNT);

    // Witnesses: the audit entry each submit writes in its own transaction (exactly one per attempt),
    // and the pages, told 'submitted' at most once (a kill between commit and publish may lose the
    // telling, never add one). The pages sit on B, which stays up; A's submits reach them through Redis.
    const submittedEvents = new Map<string, number>(ids.map((id) => [id, 0]));
    const pages = await Promise.all(tokens.map((t) => socketOn(B, t)));
    for (const { socket } of pages)
      socket.on('attempt-state', (s: AttemptState) => {
        if (s.status === 'submitted') submittedEvents.set(s.attemptId, (submittedEvents.get(s.attemptId) ?? 0) + 1);
      });

    // Started in the database with deadlines spread over 3-8 s from now: some fall while both
    // instances run (they race for each), some while A is down, some while A starts again.
    const t0 = Date.now();
    const { affected } = await directQuery(
      cluster.db,
      () =>
        "UPDATE attempts SET status = 'in_progress', startedAt = ?, " +
        'deadline = DATE_ADD(?, INTERVAL (3000 + CRC32(id) % 5000) * 1000 MICROSECOND) ' +
        "WHERE id IN (?) AND status = 'invited'",
      () => [new Date(t0), new Date(t0), ids],
    );
    expect(affected).toBe(COUNT);
    const { records: deadlineRows } = await directQuery(
      cluster.db,
      () => 'SELECT id, deadline FROM attempts WHERE id IN (?)',
      () => [ids],
    );
    const deadlines = new Map((deadlineRows as { id: string; deadline: Date }[]).map((r) => [r.id, r.deadline]));
    // The prompt trigger too, as the API adds it when an attempt starts (apps/api/src/attempts/
    // deadline.jobs.ts: queue 'deadlines', job id attempt-deadline): a start through the API would
    // put the deadline minutes ahead. Both instances' workers take these while their sweeps run.
    const connection = new Redis(cluster.redis!.url, { maxRetriesPerRequest: null });
    const queue = new Queue('deadlines', { connection, prefix: cluster.instances[A].config.redis!.prefix });
    try {
      await queue.addBulk(
        ids.map((attemptId) => {
          const at = deadlines.get(attemptId)!.getTime();
          return {
            name: 'deadline',
            data: { attemptId },
            opts: { jobId: `${attemptId}-${at}`, delay: Math.max(0, at - Date.now()), attempts: 5 },
          };
        }),
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }

    await new Promise((r) => setTimeout(r, Math.max(0, t0 + 4000 - Date.now())));
    expect(await cluster.stop(A, 'SIGKILL')).toBe('SIGKILL');
    await cluster.start(A);
    const restartedAfterMs = Date.now() - t0;

    const submitted = async () => {
      const { records } = await directQuery(
        cluster.db,
        () => "SELECT COUNT(*) AS n FROM attempts WHERE id IN (?) AND status = 'submitted'",
        () => [ids],
      );
      return Number((records as { n: number }[])[0].n);
    };
    await until(async () => ((await submitted()) === COUNT ? true : undefined), 30_000);
    // Time for a late duplicate (a second instance's pass, a delayed job) to show itself.
    await new Promise((r) => setTimeout(r, 2000));

    const { records: rows } = await directQuery(
      cluster.db,
      () => 'SELECT id, status, submittedBy, submittedAt FROM attempts WHERE id IN (?)',
      () => [ids],
    );
    for (const row of rows as { id: string; status: string; submittedBy: string; submittedAt: Date }[]) {
      expect({ id: row.id, status: row.status, by: row.submittedBy }).toEqual({
        id: row.id,
        status: 'submitted',
        by: 'deadline',
      });
      expect(row.submittedAt.getTime()).toBeGreaterThanOrEqual(deadlines.get(row.id)!.getTime());
    }
    const { records: audits } = await directQuery(
      cluster.db,
      () =>
        "SELECT targetId, COUNT(*) AS n FROM audit_log WHERE action = 'attempt.submit' AND targetId IN (?) GROUP BY targetId",
      () => [ids],
    );
    const audited = new Map((audits as { targetId: string; n: number }[]).map((r) => [r.targetId, Number(r.n)]));
    expect(ids.filter((id) => audited.get(id) !== 1)).toEqual([]);
    const notOnce = [...submittedEvents].filter(([, n]) => n > 1);
    expect({ restartedAfterMs, notOnce: notOnce.slice(0, 10), notOnceCount: notOnce.length }).toEqual({
      restartedAfterMs,
      notOnce: [],
      notOnceCount: 0,
    });
    // Grading follows each submit (it is told through the same events); every attempt is graded.
    await until(async () => {
      const { records } = await directQuery(
        cluster.db,
        () => 'SELECT COUNT(*) AS n FROM attempts WHERE id IN (?) AND gradedAt IS NOT NULL',
        () => [ids],
      );
      return Number((records as { n: number }[])[0].n) === COUNT ? true : undefined;
    }, 30_000);
  }, 150_000);

  it('c: Redis restarted: both instances reconnect; saves, broadcasts to the other instance, and shared rate limits go on', async () => {
    const { token, started } = await candidate(A);
    const attemptId = started.attemptId;
    const onA = await socketOn(A, token);
    const onB = await socketOn(B, token);
    const [q1, q2] = questions;
    expect(await save(onA.socket, attemptId, q1, 1, 'before the restart')).toEqual(
      expect.objectContaining({ version: 1 }),
    );

    redisDown = true;
    await cluster.redis!.stop();
    await cluster.redis!.start();
    redisDown = false;
    // Both instances say they are ready again (their Redis answers) before anything is asked of them.
    for (const instance of cluster.instances)
      await until(
        async () => ((await request(instance.url!).get('/api/health/ready')).status === 200 ? true : undefined),
        20_000,
      );

    // Saves on both instances (the save path takes a Redis rate-limit token): the first may wait
    // for the instance's Redis client to reconnect, but is acknowledged.
    const first = await onA.socket.timeout(20_000).emitWithAck('save-answer', {
      attemptId,
      questionId: q1,
      version: 2,
      content: 'after the restart, on A',
    });
    expect(first).toEqual(expect.objectContaining({ version: 2 }));
    const second = await onB.socket.timeout(20_000).emitWithAck('save-answer', {
      attemptId,
      questionId: q1,
      version: 3,
      content: 'after the restart, on B',
    });
    expect(second).toEqual(expect.objectContaining({ version: 3 }));

    // A change made through one instance reaches the page on the other: extra time granted on B
    // moves the deadline the page on A shows, and the other way round.
    const grant = async (index: number) =>
      (
        await request(cluster.instances[index].url!)
          .post(`/api/attempts/${attemptId}/extra-time`)
          .set('Authorization', `Bearer ${hr}`)
          .send({ minutes: 5 })
          .expect(200)
      ).body;
    const deadlineAfter = (minutes: number) => new Date(Date.parse(started.deadline!) + minutes * 60_000).toISOString();
    await grant(B);
    await until(async () => (onA.states.some((s) => s.deadline === deadlineAfter(5)) ? true : undefined), 10_000);
    await grant(A);
    await until(async () => (onB.states.some((s) => s.deadline === deadlineAfter(10)) ? true : undefined), 10_000);

    // One save budget per attempt across instances (60 at once): 40 saves on each instance at once
    // are more than it holds together, though not more than either would allow alone.
    const burst = (socket: Socket) =>
      Array.from({ length: 40 }, () =>
        emitWithAck<Ack>(socket, 'save-answer', { attemptId, questionId: q2, version: 1, content: 'burst' }),
      );
    const acks = await Promise.all([...burst(onA.socket), ...burst(onB.socket)]);
    const refused = acks.filter((a) => 'code' in a && a.code === 'too-many-saves').length;
    const other = acks.filter((a) => 'code' in a && a.code !== 'too-many-saves');
    expect(other).toEqual([]);
    expect(refused).toBeGreaterThanOrEqual(10);
    expect((await storedAnswers(attemptId)).get(q2)).toEqual({ version: 1, content: 'burst' });
  });

  it('d: MariaDB stopped: REST answers 503 database-unavailable at once, a socket save is refused with a code; after restore the same instance serves again', async () => {
    const { token, started } = await candidate(A);
    const attemptId = started.attemptId;
    const onA = await socketOn(A, token);
    const [q1] = questions;
    expect(await save(onA.socket, attemptId, q1, 1, 'before the outage')).toEqual(
      expect.objectContaining({ version: 1 }),
    );
    const a = cluster.instances[A];
    const pidBefore = a.process!.child.pid;

    cluster.dbProxy!.cut();
    const timed = async (req: request.Test) => {
      const t = Date.now();
      const res = await req.timeout(ANSWER_WITHIN_MS + 5000).then(
        (r) => r,
        (e: Error) => ({ status: 0, body: { error: e.message } }),
      );
      return { status: res.status, code: (res.body as { code?: string }).code, ms: Date.now() - t };
    };
    const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
    const socketSave = async () => {
      const t = Date.now();
      const ack = await save(onA.socket, attemptId, q1, 2, 'during the outage (socket)').catch((e: Error) => ({
        code: `no ack: ${e.message}`,
      }));
      return { status: 'ack', code: (ack as { code?: string }).code, ms: Date.now() - t };
    };
    const answers = {
      health: await timed(request(a.url!).get('/api/health')),
      candidateView: await timed(request(a.url!).get('/api/candidate/attempt').set(bearer(token))),
      restSave: await timed(
        request(a.url!)
          .put(`/api/candidate/attempt/answers/${q1}`)
          .set(bearer(token))
          .send({ attemptId, questionId: q1, version: 2, content: 'during the outage (REST)' }),
      ),
      staffList: await timed(request(a.url!).get('/api/postings').set(bearer(hr))),
      login: await timed(request(a.url!).post('/api/auth/login').send(ADMIN)),
      socketSave: await socketSave(),
    };
    // Every one answered, at once, with the one code that says what is wrong.
    const seen = Object.fromEntries(
      Object.entries(answers).map(([name, r]) => [
        name,
        { status: r.status, code: r.code, quick: r.ms < ANSWER_WITHIN_MS },
      ]),
    );
    const refused = (status: number | string) => ({ status, code: 'database-unavailable', quick: true });
    expect(seen).toEqual({
      health: refused(503),
      candidateView: refused(503),
      restSave: refused(503),
      staffList: refused(503),
      login: refused(503),
      socketSave: refused('ack'),
    });

    cluster.dbProxy!.restore();
    await until(async () => ((await request(a.url!).get('/api/health')).status === 200 ? true : undefined), 15_000);
    expect(await save(onA.socket, attemptId, q1, 2, 'after the outage')).toEqual(
      expect.objectContaining({ version: 2 }),
    );
    const view = (await request(a.url!).get('/api/candidate/attempt').set(bearer(token)).expect(200))
      .body as CandidateAttemptView;
    expect(view.answers.find((x) => x.questionId === q1)).toEqual(
      expect.objectContaining({ version: 2, content: 'after the outage' }),
    );
    // The same process throughout: it recovered, nobody restarted it.
    expect(a.process!.child.pid).toBe(pidBefore);
  });

  it('d2: MariaDB unreachable (packets go nowhere, no refusal): still a 503 within the bound, never a hang', async () => {
    const { token } = await candidate(A);
    const a = cluster.instances[A];
    cluster.dbProxy!.stall();
    const t = Date.now();
    const res = await request(a.url!)
      .get('/api/candidate/attempt')
      .set('Authorization', `Bearer ${token}`)
      .timeout(ANSWER_WITHIN_MS + 2000)
      .then(
        (r) => ({ status: r.status, code: (r.body as { code?: string }).code }),
        (e: Error) => ({ status: 0, code: `no answer: ${e.message}` }),
      );
    expect({ ...res, withinBound: Date.now() - t < ANSWER_WITHIN_MS }).toEqual({
      status: 503,
      code: 'database-unavailable',
      withinBound: true,
    });
    cluster.dbProxy!.restore();
    await until(async () => ((await request(a.url!).get('/api/health')).status === 200 ? true : undefined), 20_000);
  });
});
