import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, Optional } from '@nestjs/common';
import { CODE_TEXT, CollabRooms, type CollabRoom, type UpdateOrigin } from '@rubricon/collab';
import {
  MAX_AWARENESS_BYTES,
  MAX_DOC_UPDATE_BYTES,
  MAX_NOTE_BYTES,
  type InterviewNoteView,
  type InterviewRoomQuestions,
  type InterviewRoomState,
  type InterviewRunRequest,
  type InterviewRunResult,
  type InterviewEventKind,
} from '@rubricon/contracts';
import { DocumentLeases } from '../../cluster/document-leases';
import { Metrics } from '../../metrics/metrics';
import { ApiException } from '../../common/api-exception';
import { StaffTokens } from '../../common/staff-tokens';
import { TokenBuckets } from '../../common/token-buckets';
import { BankService } from '../../bank/bank.service';
import { hashToken } from '../../invitations/invitation-token';
import { customRunResult, practiceLimits, visibleRunResult } from '../../runs/run-results';
import { RunsService } from '../../runs/runs.service';
import { InterviewRoomRepository } from '../interview-room.repository';
import { candidateInterviewQuestion, noteView, staffInterviewQuestion } from '../interview-view';
import { LiveInterview } from './live-interview';
import { docKeyOf, type RoomSession } from './room-session';

/** Document messages per connection: typing is a few a second; a paste or a reconnect a burst. */
const DOC_BURST = 120;
const DOCS_PER_SECOND = 40;
/** Runs per interview: a burst of 5, then one every 6 seconds. */
const RUN_BURST = 5;
const RUNS_PER_SECOND = 1 / 6;

/** What the room tells its connections; the gateway turns each into socket.io emits. */
export interface RoomOutput {
  /** Status, questions or who is online changed: every connection of the interview gets new state. */
  changed(interviewId: string): void;
  docUpdate(docKey: string, update: Uint8Array, origin: UpdateOrigin): void;
  docAwareness(docKey: string, update: Uint8Array, except?: string): void;
  runStarted(interviewId: string, run: { runId: string; questionId: string; by: string }): void;
  runResult(interviewId: string, run: InterviewRunResult): void;
  note(interviewId: string, userId: string, note: InterviewNoteView): void;
  /** Closes the candidate's sockets, saying why. */
  endCandidateSessions(interviewId: string, code: 'link-replaced'): void;
  /** Scale-out: a document change made here, for the other API instances. */
  publishDoc?(docKey: string, update: Uint8Array): void;
}

/**
 * The live interview room: who may join (panel members with their accounts, the candidate with the
 * link), what each may do (staff reveal, start, end and keep notes; the candidate edits only revealed
 * questions' code while the interview is live), the shared documents (libs/collab: checked, logged,
 * snapshotted, freed) and shared runs. Transport-free: the gateway passes messages in and sends `RoomOutput` out.
 */
@Injectable()
export class InterviewRoomService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('InterviewRoom');
  private readonly live = new Map<string, LiveInterview>();
  private readonly loading = new Map<string, Promise<LiveInterview>>();
  private readonly docBudget = new TokenBuckets(DOC_BURST, DOCS_PER_SECOND);
  private readonly runBudget = new TokenBuckets(RUN_BURST, RUNS_PER_SECOND);
  private readonly running = new Set<string>();
  private output: RoomOutput | null = null;
  /** Set at shutdown: sockets closing then are not "leaving" the interview, and the database is going. */
  private closing = false;
  readonly rooms: CollabRooms;

  constructor(
    private readonly repo: InterviewRoomRepository,
    private readonly bank: BankService,
    private readonly tokens: StaffTokens,
    private readonly runs: RunsService,
    @Optional() leases?: DocumentLeases,
    @Optional() metrics?: Metrics,
  ) {
    this.rooms = new CollabRooms(
      {
        load: (key) => this.repo.loadDoc(...splitKey(key)),
        append: (entries) => this.repo.appendUpdates(entries),
        saveSnapshot: (key, state, seq) => this.repo.saveSnapshot(...splitKey(key), state, seq),
        tail: (key, afterSeq) => this.repo.tailDoc(...splitKey(key), afterSeq),
      },
      {
        maxUpdateBytes: MAX_DOC_UPDATE_BYTES,
        // Scale-out: the same interview may be open on several instances (cluster/document-leases.ts).
        cluster: leases && {
          publish: (key, update) => this.output?.publishDoc?.(key, update),
          mayWriteSnapshot: (key) => leases.hold(key),
        },
        onUpdate: (key, update, origin) => this.output?.docUpdate(key, update, origin),
        onAwareness: (key, update) => this.output?.docAwareness(key, update),
        onError: (error, what) => this.logger.error(`saving documents (${what}) failed; retrying: ${String(error)}`),
      },
    );
    metrics?.registerYjsUpdates(() => this.rooms.updatesApplied);
  }

  connect(output: RoomOutput): void {
    this.output = output;
  }

  /** Interviews held in memory now (the leak tests read it). */
  get liveCount(): number {
    return this.live.size;
  }

  /** Scale-out: a change another instance made to its documents. */
  applyRemoteDoc(docKey: string, update: Uint8Array): void {
    this.rooms.applyRemote(docKey, update);
  }

  /**
   * Scale-out: another instance started, ended or revealed a question of an interview held here;
   * re-read what the room enforces (status, times, revealed questions) from the database.
   */
  async refreshLive(interviewId: string): Promise<boolean> {
    const live = this.live.get(interviewId);
    if (!live) return false;
    const entity = await this.repo.findForRoom(interviewId);
    if (!entity) return false;
    live.status = entity.status;
    live.startedAt = entity.startedAt;
    live.endedAt = entity.endedAt;
    for (const row of entity.questions) {
      const held = live.question(row.id);
      if (held) held.row.revealedAt = row.revealedAt;
    }
    return true;
  }

  // ---- Joining ----

  /** The handshake: a panel member's sign-in token and the interview, or the candidate's link. */
  async authenticate(auth: unknown, connectionId: string): Promise<RoomSession> {
    try {
      return await this.identify(auth, connectionId);
    } catch (error) {
      // A refused handshake leaves nothing behind: drop an interview loaded only to refuse it.
      for (const [id, live] of this.live) if (live.connections === 0) this.live.delete(id);
      throw error;
    }
  }

  private async identify(auth: unknown, connectionId: string): Promise<RoomSession> {
    const a = (typeof auth === 'object' && auth !== null ? auth : {}) as Record<string, unknown>;
    if (typeof a.link === 'string') {
      const interviewId = a.link.length <= 100 ? await this.repo.idByLinkHash(hashToken(a.link)) : null;
      if (!interviewId) throw new ApiException('link-unknown');
      const live = await this.load(interviewId);
      if (live.status === 'ended') throw new ApiException('interview-ended');
      return session(interviewId, connectionId, 'candidate', null, live.candidate);
    }
    const staff = await this.tokens.verify(a.accessToken);
    if (typeof a.interviewId !== 'string' || !/^[0-9a-f-]{36}$/.test(a.interviewId))
      throw new ApiException('interview-not-found');
    const live = await this.load(a.interviewId).catch((error: unknown) => {
      throw error instanceof ApiException ? error : new ApiException('interview-not-found');
    });
    const member = live.panel.get(staff.id);
    if (!member) throw new ApiException('not-on-panel');
    return session(a.interviewId, connectionId, 'interviewer', staff.id, member);
  }

  private load(interviewId: string): Promise<LiveInterview> {
    const known = this.live.get(interviewId);
    if (known) return Promise.resolve(known);
    let loading = this.loading.get(interviewId);
    if (!loading) {
      loading = (async () => {
        const entity = await this.repo.findForRoom(interviewId);
        if (!entity) throw new ApiException('interview-not-found');
        const snapshots = await this.bank.snapshots(entity.questions.map((q) => q.bankQuestionId));
        const live = new LiveInterview(interviewId, entity, snapshots);
        this.live.set(interviewId, live);
        return live;
      })().finally(() => this.loading.delete(interviewId));
      this.loading.set(interviewId, loading);
    }
    return loading;
  }

  async join(s: RoomSession): Promise<void> {
    const live = await this.load(s.interviewId);
    live.connections++;
    live.online.set(s.participant.id, (live.online.get(s.participant.id) ?? 0) + 1);
    await this.event(s, 'join');
    this.output?.changed(s.interviewId);
  }

  async leave(s: RoomSession): Promise<void> {
    const live = this.live.get(s.interviewId);
    const opened = [...s.docs.values()];
    s.docs.clear();
    for (const opening of opened) {
      const room = await opening.catch(() => null);
      if (room) await this.rooms.leave(room, s.connectionId).catch((e) => this.logger.error(String(e)));
    }
    if (!live) return;
    const left = (live.online.get(s.participant.id) ?? 1) - 1;
    if (left > 0) live.online.set(s.participant.id, left);
    else live.online.delete(s.participant.id);
    live.connections--;
    if (live.connections <= 0) this.live.delete(s.interviewId);
    if (this.closing) return;
    await this.event(s, 'leave').catch((e) => this.logger.error(String(e)));
    this.output?.changed(s.interviewId);
  }

  // ---- What each side sees ----

  /** `online`: who is connected on any instance (scale-out); by default, who is connected here. */
  state(s: RoomSession, online?: Set<string>): InterviewRoomState {
    const live = this.mustBeLive(s);
    const everyone = [live.candidate, ...live.panel.values()];
    return {
      interviewId: s.interviewId,
      status: live.status,
      postingTitle: live.postingTitle,
      candidateName: live.candidate.name,
      language: live.language,
      startsAt: live.startsAt.toISOString(),
      durationMinutes: live.durationMinutes,
      startedAt: live.startedAt?.toISOString() ?? null,
      endedAt: live.endedAt?.toISOString() ?? null,
      serverTime: new Date().toISOString(),
      currentQuestionId: live.current?.row.id ?? null,
      participants: everyone.map((p) => ({ ...p, online: (online ?? live.online).has(p.id) })),
      you: s.participant,
    };
  }

  questions(s: RoomSession): InterviewRoomQuestions {
    const live = this.mustBeLive(s);
    if (s.role === 'interviewer')
      return { audience: 'staff', questions: live.questions.map((q) => staffInterviewQuestion(q.row, q.question)) };
    return {
      audience: 'candidate',
      questions: live.questions
        .filter((q) => q.row.revealedAt)
        .map((q) => candidateInterviewQuestion(q.row, q.question)),
    };
  }

  async note(s: RoomSession): Promise<InterviewNoteView | null> {
    if (!s.userId) return null;
    const note = await this.repo.note(s.interviewId, s.userId);
    return note && noteView(note, s.participant.name);
  }

  // ---- Documents ----

  /**
   * A sync message for one question's document. Opening a document is itself checked: staff may open
   * any question of the interview, the candidate only revealed ones. Edits then need a live interview
   * (staff may prepare code before the start), and never after the end.
   */
  async sync(
    s: RoomSession,
    msg: { questionId: string; message: Uint8Array },
  ): Promise<{ messages: Uint8Array[] } | { ok: true }> {
    if (!this.docBudget.take(s.connectionId)) throw new ApiException('too-many-updates');
    const room = await this.openDoc(s, msg.questionId);
    const live = this.mustBeLive(s);
    const result = this.rooms.sync(room, msg.message, { author: s.participant.id, from: s.connectionId }, () => {
      if (live.status === 'ended') return 'interview-ended';
      if (s.role === 'candidate' && live.status !== 'live') return 'interview-not-started';
      return null;
    });
    if (!result.ok) {
      if (result.problem === 'update-too-large')
        throw new ApiException('update-too-large', { kb: MAX_DOC_UPDATE_BYTES / 1000 });
      if (result.problem === 'update-invalid') throw new ApiException('update-invalid', { detail: result.detail });
      if (result.problem === 'update-out-of-step') throw new ApiException('update-out-of-step');
      throw new ApiException(result.problem);
    }
    return result.reply.length ? { messages: result.reply } : { ok: true };
  }

  async awareness(s: RoomSession, msg: { questionId: string; update: Uint8Array }): Promise<{ ok: true }> {
    if (!this.docBudget.take(s.connectionId)) throw new ApiException('too-many-updates');
    if (msg.update.length > MAX_AWARENESS_BYTES)
      throw new ApiException('update-too-large', { kb: MAX_AWARENESS_BYTES / 1000 });
    const room = await this.openDoc(s, msg.questionId);
    const { name, colour } = s.participant;
    const result = this.rooms.awareness(
      room,
      s.connectionId,
      msg.update,
      (state) => ({ ...state, user: { name, colour } }),
      s.participant.id,
    );
    if (!result.ok) throw new ApiException(result.problem, { detail: result.detail });
    this.output?.docAwareness(room.docKey, result.update, s.connectionId);
    return { ok: true };
  }

  /** The awareness states of a document, for a connection that just opened it. */
  awarenessOf(interviewId: string, questionId: string): Uint8Array | null {
    const room = this.rooms.get(docKeyOf(interviewId, questionId));
    return room ? this.rooms.awarenessState(room) : null;
  }

  /**
   * Opens a question's document for this connection, once: two messages arriving together before it
   * is open share one opening (counted twice, the document would never be freed).
   */
  private openDoc(s: RoomSession, questionId: unknown): Promise<CollabRoom> {
    const live = this.mustBeLive(s);
    const entry = typeof questionId === 'string' ? live.question(questionId) : undefined;
    if (!entry) return Promise.reject(new ApiException('question-not-in-interview'));
    if (s.role === 'candidate' && !entry.row.revealedAt)
      return Promise.reject(new ApiException('question-not-revealed'));
    let opening = s.docs.get(entry.row.id);
    if (!opening) {
      const q = entry.question;
      const starter = q.kind === 'coding' ? q.starter[live.language] : '';
      opening = this.rooms.open(docKeyOf(s.interviewId, entry.row.id), (doc) => {
        if (starter) doc.getText(CODE_TEXT).insert(0, starter.replace(/\r\n?/g, '\n'));
      });
      s.docs.set(entry.row.id, opening);
      // A failed load is forgotten, so that the next message tries again.
      opening.catch(() => s.docs.delete(entry.row.id));
    }
    return opening;
  }

  // ---- Staff actions ----

  async start(s: RoomSession): Promise<void> {
    this.staffOnly(s);
    const live = this.mustBeLive(s);
    if (live.status === 'ended') throw new ApiException('interview-ended');
    const now = new Date();
    if (await this.repo.start(s.interviewId, now)) {
      live.status = 'live';
      live.startedAt = now;
      await this.event(s, 'start');
    }
    this.output?.changed(s.interviewId);
  }

  /** Reveals a question to the candidate; the first reveal starts the interview. */
  async reveal(s: RoomSession, questionId: string): Promise<void> {
    this.staffOnly(s);
    const live = this.mustBeLive(s);
    const entry = live.question(questionId);
    if (!entry) throw new ApiException('question-not-in-interview');
    if (live.status === 'ended') throw new ApiException('interview-ended');
    if (live.status === 'scheduled') await this.start(s);
    const now = new Date();
    if (await this.repo.reveal(entry.row.id, now)) {
      entry.row.revealedAt = now;
      await this.event(s, 'reveal', entry.row.id);
    }
    this.output?.changed(s.interviewId);
  }

  /** Ends the interview: the code is read-only from now on, the candidate's link stops opening the room. */
  async end(s: RoomSession): Promise<void> {
    this.staffOnly(s);
    const live = this.mustBeLive(s);
    const now = new Date();
    if (await this.repo.end(s.interviewId, now)) {
      live.status = 'ended';
      live.endedAt = now;
      await this.event(s, 'end');
    }
    await this.rooms.flush();
    this.output?.changed(s.interviewId);
  }

  async saveNote(s: RoomSession, body: string): Promise<{ savedAt: string }> {
    this.staffOnly(s);
    if (Buffer.byteLength(body, 'utf8') > MAX_NOTE_BYTES)
      throw new ApiException('note-too-long', { kb: MAX_NOTE_BYTES / 1000 });
    const note = await this.repo.saveNote(s.interviewId, s.userId!, body, new Date());
    this.output?.note(s.interviewId, s.userId!, noteView(note, s.participant.name));
    return { savedAt: note.updatedAt.toISOString() };
  }

  /** Staff made a new candidate link: whoever is connected with the old one is shown out at once. */
  linkReplaced(interviewId: string): void {
    this.output?.endCandidateSessions(interviewId, 'link-replaced');
  }

  // ---- Runs ----

  /**
   * Runs the shared code of a coding question (as it stands in the room's document, not as a client
   * claims it) against the visible examples or a custom input, through the one sandbox door. One run
   * at a time per interview, a budget per interview; the result reaches everyone in the room.
   */
  async run(s: RoomSession, req: InterviewRunRequest): Promise<{ runId: string }> {
    const live = this.mustBeLive(s);
    const entry = live.question(req.questionId);
    if (!entry) throw new ApiException('question-not-in-interview');
    if (s.role === 'candidate') {
      if (!entry.row.revealedAt) throw new ApiException('question-not-revealed');
      if (live.status === 'ended') throw new ApiException('interview-ended');
      if (live.status !== 'live') throw new ApiException('interview-not-started');
    }
    const q = entry.question;
    if (q.kind !== 'coding') throw new ApiException('question-not-in-interview');
    if (this.running.has(s.interviewId)) throw new ApiException('run-in-progress');
    if (!this.runBudget.take(s.interviewId)) throw new ApiException('too-many-runs');
    const room = await this.openDoc(s, entry.row.id);
    const code = room.text;
    const runId = randomUUID();
    const questionId = entry.row.id;
    this.running.add(s.interviewId);
    this.output?.runStarted(s.interviewId, { runId, questionId, by: s.participant.id });
    const base = { language: live.language, code, comparator: q.comparator, limits: practiceLimits(q.limits) };
    const owner = `interview:${s.interviewId}`;
    void (async () => {
      let result: InterviewRunResult['result'];
      try {
        result =
          req.mode === 'custom'
            ? customRunResult(
                await this.runs.run(owner, { ...base, tests: [{ input: req.input, expected: null }] }, { inFlight: 1 }),
              )
            : visibleRunResult(
                await this.runs.run(
                  owner,
                  { ...base, tests: q.examples.map((e) => ({ input: e.input, expected: e.expected })) },
                  { inFlight: 1 },
                ),
              );
      } catch (error) {
        const refusal = error instanceof ApiException ? error : new ApiException('sandbox-busy', { detail: '' });
        if (!(error instanceof ApiException)) this.logger.error(String(error));
        result = { mode: 'error', code: refusal.code, error: refusal.message };
      } finally {
        this.running.delete(s.interviewId);
      }
      const run: InterviewRunResult = { runId, questionId, by: s.participant.id, language: live.language, result };
      this.output?.runResult(s.interviewId, run);
      await this.event(s, 'run', questionId, run).catch((e) => this.logger.error(String(e)));
    })();
    return { runId };
  }

  // ---- Helpers ----

  private staffOnly(s: RoomSession): void {
    if (s.role !== 'interviewer') throw new ApiException('staff-only');
  }

  private mustBeLive(s: RoomSession): LiveInterview {
    const live = this.live.get(s.interviewId);
    if (!live) throw new ApiException('interview-not-found');
    return live;
  }

  private event(
    s: RoomSession,
    kind: InterviewEventKind,
    questionId: string | null = null,
    detail: object | null = null,
  ) {
    return this.repo.recordEvent({
      interviewId: s.interviewId,
      at: Date.now(),
      kind,
      actor: s.participant.id,
      questionId,
      detail,
    });
  }

  /** SIGTERM: every buffered edit is written before the process goes (and before the database closes). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.rooms.close().catch((e) => this.logger.error(`documents not saved at shutdown: ${String(e)}`));
  }
}

function session(
  interviewId: string,
  connectionId: string,
  role: RoomSession['role'],
  userId: string | null,
  participant: RoomSession['participant'],
): RoomSession {
  return { interviewId, connectionId, role, userId, participant, docs: new Map() };
}

function splitKey(key: string): [string, string] {
  const [interviewId, questionId] = key.split('/');
  return [interviewId, questionId];
}
