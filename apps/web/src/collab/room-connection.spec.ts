import { describe, expect, it } from '@jest/globals';
import type { InterviewRoomState, InterviewRunResult } from '@rubricon/contracts';
import { RETRY_AFTER_SHUTDOWN_MS, RoomConnection, RoomRefusal, type RoomSocket } from './room-connection';

/** The part of a socket.io client socket RoomConnection uses; `answer` plays the server's acks. */
class FakeSocket {
  connected = true;
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }
  emit(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  removeAllListeners() {
    this.handlers.clear();
  }
  sent: [string, unknown][] = [];
  answer: (event: string, payload: unknown) => unknown = () => ({ ok: true });
  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.sent.push([event, payload]);
        const res = this.answer(event, payload);
        if (res instanceof Error) throw res;
        return res;
      },
    };
  }
  close() {
    this.connected = false;
  }
  connects = 0;
  connect() {
    this.connects++;
  }
}

const state = {
  status: 'live',
  startedAt: '2026-12-02T10:00:00Z',
  serverTime: '2026-12-02T10:01:00Z',
  endedAt: null,
  durationMinutes: 45,
} as InterviewRoomState;
const result = (runId: string): InterviewRunResult => ({
  runId,
  questionId: 'q1',
  by: 'candidate',
  language: 'javascript',
  result: { mode: 'custom', verdict: 'ok', durationMs: 3, output: '42' },
});

function setup() {
  const socket = new FakeSocket();
  let now = 500;
  const room = new RoomConnection(socket as unknown as RoomSocket, () => now);
  const views: unknown[] = [];
  room.subscribe(() => views.push(room.view()));
  return { socket, room, views, tick: (ms: number) => (now += ms) };
}

describe('RoomConnection', () => {
  it('keeps the room state with a clock anchored when it arrived, and the questions', () => {
    const { socket, room, views } = setup();
    socket.emit('connect');
    socket.emit('room:state', state);
    socket.emit('room:questions', { audience: 'candidate', questions: [] });
    expect(room.view()).toMatchObject({ connected: true, state, questions: { audience: 'candidate' } });
    expect(room.view().clock).toMatchObject({ elapsedMs: 60_000, receivedAt: 500, running: true });
    expect(views).toHaveLength(3);
  });

  it('shows a run as started then with its result, and a late start never hides the result', () => {
    const { socket, room } = setup();
    socket.emit('run:started', { runId: 'r1', questionId: 'q1', by: 'candidate' });
    expect(room.view().runs.q1).toEqual({ runId: 'r1', questionId: 'q1', by: 'candidate', result: null });
    socket.emit('run:result', result('r1'));
    socket.emit('run:started', { runId: 'r1', questionId: 'q1', by: 'candidate' });
    expect(room.view().runs.q1.result).toEqual(result('r1'));
    socket.emit('run:started', { runId: 'r2', questionId: 'q1', by: 'u1' });
    expect(room.view().runs.q1).toMatchObject({ runId: 'r2', result: null });
  });

  it('tells a refused handshake (with a code) from a network failure (without)', () => {
    const { socket, room } = setup();
    socket.emit('connect_error', Object.assign(new Error('xhr poll error'), {}));
    expect(room.view().refusal).toBeNull();
    socket.emit('connect_error', Object.assign(new Error('nope'), { data: { code: 'interview-ended' } }));
    expect(room.view().refusal).toEqual({ message: 'nope', code: 'interview-ended' });
  });

  it('tries again, without showing a refusal, when an instance that is shutting down turned it away', async () => {
    const { socket, room } = setup();
    socket.emit('connect_error', Object.assign(new Error('restarting'), { data: { code: 'shutting-down' } }));
    expect(room.view().refusal).toBeNull();
    await new Promise((r) => setTimeout(r, RETRY_AFTER_SHUTDOWN_MS + 50));
    expect(socket.connects).toBe(1);
  });

  it('records that the session was ended by the server', () => {
    const { socket, room } = setup();
    socket.emit('session-ended', { code: 'session-replaced' });
    expect(room.view().ended).toBe('session-replaced');
  });

  it('resolves a command with its ack and rejects a refusal with its code and params', async () => {
    const { socket, room } = setup();
    socket.answer = () => ({ runId: 'r9' });
    await expect(room.run({ questionId: 'q1', mode: 'visible' })).resolves.toEqual({ runId: 'r9' });
    expect(socket.sent).toEqual([['code:run', { questionId: 'q1', mode: 'visible' }]]);
    socket.answer = () => ({ error: 'too long', code: 'note-too-long', params: { kb: 60 } });
    const refused = await room.request('note:save', { body: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RoomRefusal);
    expect(refused).toMatchObject({ code: 'note-too-long', params: { kb: 60 } });
    socket.answer = () => new Error('operation has timed out');
    await expect(room.request('interview:start', {})).rejects.toMatchObject({ code: undefined });
    socket.connected = false;
    await expect(room.request('interview:end', {})).rejects.toBeInstanceOf(RoomRefusal);
  });
});
