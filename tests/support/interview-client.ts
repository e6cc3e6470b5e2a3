import { DocClient, type CollabRefusal, type CollabSocket } from '@rubricon/collab';
import type {
  InterviewRoomQuestions,
  InterviewRoomState,
  InterviewRunResult,
  InterviewServerEvents,
} from '@rubricon/contracts';
import { io, type Socket } from 'socket.io-client';

/** A connected room socket with what the server sent it so far. */
export interface RoomClient {
  socket: Socket;
  state: () => InterviewRoomState;
  questions: () => InterviewRoomQuestions;
  /** Every event the server sent this socket, with its payload, in order: for "never sent" checks. */
  received: { event: string; args: unknown[] }[];
  runs: InterviewRunResult[];
  /** Emits with an acknowledgement (10 s timeout). */
  ask: <T = unknown>(event: string, payload?: unknown) => Promise<T>;
  /** A document client for one question over this socket. */
  doc: (questionId: string, refusals?: CollabRefusal[]) => DocClient;
  close: () => void;
}

type Auth = { accessToken: string; interviewId: string } | { link: string };

/** Connects to /interviews; resolves once the first room state and questions arrived, rejects with a refused handshake. */
export function connectRoom(url: string, auth: Auth): Promise<RoomClient> {
  const socket = io(`${url}/interviews`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const received: RoomClient['received'] = [];
  const runs: InterviewRunResult[] = [];
  let state: InterviewRoomState | undefined;
  let questions: InterviewRoomQuestions | undefined;
  socket.onAny((event: string, ...args: unknown[]) => received.push({ event, args }));
  socket.on('room:state', (s: Parameters<InterviewServerEvents['room:state']>[0]) => (state = s));
  socket.on('room:questions', (q: InterviewRoomQuestions) => (questions = q));
  socket.on('run:result', (r: InterviewRunResult) => runs.push(r));
  const docs: DocClient[] = [];
  const client: RoomClient = {
    socket,
    state: () => state!,
    questions: () => questions!,
    received,
    runs,
    ask: (event, payload = {}) => socket.timeout(10_000).emitWithAck(event, payload),
    doc: (questionId, refusals) => {
      const d = new DocClient(socket as unknown as CollabSocket, questionId, {
        onRefused: (r) => refusals?.push(r),
      });
      docs.push(d);
      return d;
    },
    close: () => {
      for (const d of docs.splice(0)) d.destroy();
      socket.disconnect();
    },
  };
  return new Promise((resolve, reject) => {
    const check = () => {
      if (state && questions) {
        socket.off('room:state', check);
        socket.off('room:questions', check);
        resolve(client);
      }
    };
    socket.on('room:state', check);
    socket.on('room:questions', check);
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Resolves when `probe` holds, checking after every event the socket receives (and every 50 ms). */
export function eventually(probe: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const end = Date.now() + ms;
    const tick = () => {
      if (probe()) return resolve();
      if (Date.now() > end) return reject(new Error('condition not reached in time'));
      setTimeout(tick, 20);
    };
    tick();
  });
}
