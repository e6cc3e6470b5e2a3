import type {
  InterviewClientEvents,
  InterviewNoteView,
  InterviewRoomQuestions,
  InterviewRoomState,
  InterviewRunRequest,
  InterviewRunResult,
  InterviewServerEvents,
} from '@rubricon/contracts';
import type { Socket } from 'socket.io-client';
import type { CodedError } from '../i18n/errors';
import { clockOf, type RoomClock } from './room-clock';

export type RoomSocket = Socket<InterviewServerEvents, InterviewClientEvents>;

/** Staff join with their sign-in token and the interview; the candidate with the token of /live/<token>. */
export type RoomAuth = { accessToken: string; interviewId: string } | { link: string };

/** The latest run of a question, as everyone in the room sees it. */
export interface RoomRun {
  runId: string;
  questionId: string;
  /** Participant id of whoever pressed Run. */
  by: string;
  result: InterviewRunResult | null;
}

export interface RoomView {
  connected: boolean;
  state: InterviewRoomState | null;
  clock: RoomClock | null;
  questions: InterviewRoomQuestions | null;
  /** By question id. */
  runs: Record<string, RoomRun>;
  /** Staff: the caller's own note as the server last saved it. */
  note: InterviewNoteView | null;
  /** The server refused the connection itself (an unknown link, not on the panel, ended…). */
  refusal: CodedError | null;
  /** The server ended this socket's session: the link was opened elsewhere, or the interview ended. */
  ended: 'session-replaced' | 'link-replaced' | 'interview-ended' | null;
}

/** A refused event, worded by its code like any refusal (errorText). */
/** After a refusal by an instance that is shutting down: by then the proxy sends us to another one. */
export const RETRY_AFTER_SHUTDOWN_MS = 1_000;

export class RoomRefusal extends Error implements CodedError {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

const ACK_TIMEOUT_MS = 15_000;

type Ack<E extends keyof InterviewClientEvents> = Parameters<NonNullable<Parameters<InterviewClientEvents[E]>[1]>>[0];
type Payload<E extends keyof InterviewClientEvents> = Parameters<InterviewClientEvents[E]>[0];

/**
 * One browser's place in an interview room over socket.io: keeps what the server last said (room
 * state, questions, runs, the note) as one immutable view for React (subscribe / view, as
 * useSyncExternalStore wants), and sends the room's commands, resolving with the ack or rejecting
 * with a RoomRefusal. Free of React so a unit test can drive it with a fake socket.
 */
export class RoomConnection {
  private current: RoomView = {
    connected: false,
    state: null,
    clock: null,
    questions: null,
    runs: {},
    note: null,
    refusal: null,
    ended: null,
  };
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly socket: RoomSocket,
    private readonly now: () => number = () => performance.now(),
  ) {
    socket.on('connect', () => this.set({ connected: true, refusal: null }));
    socket.on('disconnect', () => this.set({ connected: false }));
    socket.on('connect_error', (error: Error & { data?: { code?: unknown } }) => {
      // A refusal carries its code (SocketConnectErrorData); a network failure does not and is retried.
      const code = error.data?.code;
      // An instance that is shutting down refuses new sessions; another takes them a moment later.
      if (code === 'shutting-down') return void setTimeout(() => socket.connect(), RETRY_AFTER_SHUTDOWN_MS);
      if (typeof code === 'string') this.set({ refusal: { message: error.message, code }, connected: false });
    });
    socket.on('room:state', (state) => this.set({ state, clock: clockOf(state, this.now()) }));
    socket.on('room:questions', (questions) => this.set({ questions }));
    socket.on('run:started', ({ runId, questionId, by }) => this.setRun({ runId, questionId, by, result: null }));
    socket.on('run:result', (result) =>
      this.setRun({ runId: result.runId, questionId: result.questionId, by: result.by, result }),
    );
    socket.on('note', (note) => this.set({ note }));
    socket.on('session-ended', ({ code }) => this.set({ ended: code }));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly view = (): RoomView => this.current;

  private set(patch: Partial<RoomView>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setRun(run: RoomRun): void {
    const previous = this.current.runs[run.questionId];
    // A late run:started never hides the result of the same run.
    if (previous && previous.runId === run.runId && previous.result && !run.result) return;
    this.set({ runs: { ...this.current.runs, [run.questionId]: run } });
  }

  /** Sends a command; resolves with the ack, rejects with a RoomRefusal (refused, offline, or no answer). */
  async request<E extends keyof InterviewClientEvents>(
    event: E,
    payload: Payload<E>,
  ): Promise<Exclude<Ack<E>, { error: string }>> {
    if (!this.socket.connected) throw new RoomRefusal('Not connected to the interview room.', undefined);
    let res: Ack<E>;
    try {
      // The typed emitWithAck cannot follow a generic event name.
      res = await (
        this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
          emitWithAck: (e: string, p: unknown) => Promise<Ack<E>>;
        }
      ).emitWithAck(event, payload);
    } catch {
      throw new RoomRefusal('The interview room did not answer; try again.', undefined);
    }
    if (res && typeof res === 'object' && 'error' in res) {
      const refusal = res as { error: string; code?: string; params?: Record<string, string | number> };
      throw new RoomRefusal(refusal.error, refusal.code, refusal.params);
    }
    return res as Exclude<Ack<E>, { error: string }>;
  }

  run(req: InterviewRunRequest): Promise<{ runId: string }> {
    return this.request('code:run', req);
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.close();
  }
}
