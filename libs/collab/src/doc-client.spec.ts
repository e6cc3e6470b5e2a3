/**
 * DocClient through the loopback gateway, beyond plain convergence: cursors (stamped by the server,
 * gone when their owner drops, back after a reconnect), refusals reported to the app, and the
 * throttled client resending what the server did not take.
 */
import { DocClient, type CollabRefusal } from './doc-client';
import type { SyncRefusal } from './rooms';
import { LoopbackServer, seededRng, type LoopbackOptions } from './testing/loopback';
import { CODE_TEXT } from './update-check';

const Q = 'q1';
const open: { server: LoopbackServer; clients: DocClient[] }[] = [];

function room(names: string[], options: Partial<LoopbackOptions> = {}) {
  const server = new LoopbackServer({ rng: seededRng(5), ...options });
  const sockets = names.map((user) => server.socket({ user }));
  const refusals: CollabRefusal[][] = names.map(() => []);
  const clients = sockets.map((s, i) => new DocClient(s, Q, { onRefused: (r) => refusals[i].push(r) }));
  sockets.forEach((s) => s.connect());
  open.push({ server, clients });
  return { server, sockets, clients, refusals };
}

afterEach(async () => {
  jest.useRealTimers();
  for (const { server, clients } of open.splice(0)) {
    clients.forEach((c) => c.destroy());
    await server.close().catch(() => undefined);
  }
});

describe('DocClient through the loopback gateway', () => {
  it('cursors: the server stamps the real user, drops them when their owner drops, shows them after a reconnect', async () => {
    const { server, sockets, clients } = room(['alice', 'bob']);
    const [alice, bob] = clients;
    await server.run();
    alice.awareness.setLocalStateField('cursor', { anchor: 3 });
    alice.awareness.setLocalStateField('user', 'mallory'); // claims to be someone else
    await server.run();
    expect(bob.awareness.getStates().get(alice.doc.clientID)).toEqual({ cursor: { anchor: 3 }, user: 'alice' });

    sockets[0].disconnect();
    await server.run();
    expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(false);

    // Back online without moving the cursor: the others see it again.
    sockets[0].connect();
    await server.run();
    expect(server.refusals).toEqual([]);
    expect(bob.awareness.getStates().get(alice.doc.clientID)).toEqual({ cursor: { anchor: 3 }, user: 'alice' });

    // Someone joining later gets everyone's cursors at once.
    const carolSocket = server.socket({ user: 'carol' });
    const carol = new DocClient(carolSocket, Q);
    open[0].clients.push(carol);
    carolSocket.connect();
    await server.run();
    expect(carol.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ user: 'alice' });
  });

  it('an edit the server refuses is reported to the app and reaches nobody', async () => {
    const mayEdit = (user: string): SyncRefusal | null => (user === 'viewer' ? 'update-not-allowed' : null);
    const { server, clients, refusals } = room(['alice', 'viewer'], { mayEdit });
    const [alice, viewer] = clients;
    alice.text.insert(0, 'shared');
    await server.run();
    expect(viewer.text.toString()).toBe('shared');
    viewer.text.insert(0, 'mine ');
    await server.run();
    expect(refusals[1]).toEqual([expect.objectContaining({ code: 'update-not-allowed' })]);
    expect(server.text(Q)).toBe('shared');
    expect(alice.text.toString()).toBe('shared');
    expect(refusals[0]).toEqual([]);
  });

  it('throttled (too-many-updates): the client tries again a second later and the server gets the edits', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    let throttled = 2;
    const mayEdit = (user: string): SyncRefusal | null =>
      user === 'alice' && throttled-- > 0 ? 'too-many-updates' : null;
    const { server, clients, refusals } = room(['alice', 'bob'], { mayEdit });
    const [alice, bob] = clients;
    await server.run();
    alice.text.insert(0, '快速输入');
    await server.run();
    expect(refusals[0].map((r) => r.code)).toEqual(['too-many-updates']);
    expect(server.text(Q)).toBe('');
    jest.advanceTimersByTime(1_000);
    await server.run();
    expect(refusals[0].map((r) => r.code)).toEqual(['too-many-updates', 'too-many-updates']);
    jest.advanceTimersByTime(1_000);
    await server.run();
    expect(server.text(Q)).toBe('快速输入');
    expect(bob.text.toString()).toBe('快速输入');
  });

  it('an offline change larger than the server accepts is reported (update-too-large), not silently lost', async () => {
    const { server, sockets, clients, refusals } = room(['alice', 'bob'], { rooms: { maxUpdateBytes: 2_000 } });
    const [alice] = clients;
    await server.run();
    sockets[0].disconnect();
    alice.doc.getText(CODE_TEXT).insert(0, 'x'.repeat(3_000));
    sockets[0].connect();
    await server.run();
    expect(refusals[0].map((r) => r.code)).toEqual(['update-too-large']);
    expect(server.text(Q)).toBe('');
  });
});
