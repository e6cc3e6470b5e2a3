import { InMemoryAttemptEvents } from '../common/attempt-events';
import { AttemptsGateway } from './attempts.gateway';
import type { AttemptsService } from './attempts.service';
import type { CandidateTokens } from './candidate-tokens.service';

/** A socket of the attempt's room as fetchSockets returns it: its session, what it was sent, whether it was dropped. */
function fakeSocket(generation: number) {
  return {
    data: { attemptId: 'at1', generation, link: 'l' },
    sent: [] as unknown[][],
    dropped: false,
    emit(...args: unknown[]) {
      this.sent.push(args);
    },
    disconnect() {
      this.dropped = true;
    },
  };
}

function gatewayWith(sockets: ReturnType<typeof fakeSocket>[]) {
  const events = new InMemoryAttemptEvents();
  const gateway = new AttemptsGateway({} as AttemptsService, {} as CandidateTokens, events);
  const room = { fetchSockets: async () => sockets };
  gateway.server = { local: { in: () => room } } as unknown as AttemptsGateway['server'];
  return { events, gateway };
}

describe(AttemptsGateway.name, () => {
  it('tells only the sockets of older sessions that another window took over, and keeps the newest one even if it connected first', async () => {
    const older = fakeSocket(1);
    const newest = fakeSocket(2);
    const { events } = gatewayWith([older, newest]);
    events.publish({ attemptId: 'at1', status: 'session-replaced', remainingMs: null, deadline: null, generation: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(older.sent).toEqual([['session-ended', { attemptId: 'at1', code: 'session-replaced' }]]);
    expect(older.dropped).toBe(true);
    expect(newest.sent).toEqual([]);
    expect(newest.dropped).toBe(false);
  });

  it('ends every socket when the link is withdrawn or replaced', async () => {
    const sockets = [fakeSocket(3), fakeSocket(4)];
    const { events } = gatewayWith(sockets);
    events.publish({ attemptId: 'at1', status: 'session-ended', remainingMs: null, deadline: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sockets.map((s) => [s.sent, s.dropped])).toEqual([
      [[['session-ended', { attemptId: 'at1', code: 'session-ended' }]], true],
      [[['session-ended', { attemptId: 'at1', code: 'session-ended' }]], true],
    ]);
  });
});
