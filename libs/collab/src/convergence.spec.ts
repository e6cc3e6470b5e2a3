/**
 * DocClients and CollabRooms together, through the loopback gateway: random concurrent edits at random
 * times with random delivery delays (and random disconnects) always end with every client holding the
 * server's text, and nothing typed is lost, offline edits included.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { DocClient } from './doc-client';
import { DocReplay } from './replay';
import { FakeSocket, LoopbackServer, seededRng } from './testing/loopback';
import { CODE_TEXT } from './update-check';

const Q = 'q1';

const unit = fc.constantFrom('a', 'b', 'z', ' ', '中', '文', '字', '\r\n', '\n', '{', '}', ';');
const text = fc.array(unit, { minLength: 1, maxLength: 6 }).map((units) => units.join(''));

type Op =
  | { kind: 'insert'; client: number; at: number; pos: number; text: string }
  | { kind: 'delete'; client: number; at: number; pos: number; len: number }
  | { kind: 'offline' | 'online'; client: number; at: number };

const opArb = (clients: number, kinds: Op['kind'][]): fc.Arbitrary<Op> => {
  const client = fc.integer({ min: 0, max: clients - 1 });
  const at = fc.integer({ min: 0, max: 300 });
  const pos = fc.integer({ min: 0, max: 1000 });
  const all: Record<Op['kind'], fc.Arbitrary<Op>> = {
    insert: fc.record({ kind: fc.constant('insert' as const), client, at, pos, text }),
    delete: fc.record({ kind: fc.constant('delete' as const), client, at, pos, len: fc.integer({ min: 1, max: 8 }) }),
    offline: fc.record({ kind: fc.constant('offline' as const), client, at }),
    online: fc.record({ kind: fc.constant('online' as const), client, at }),
  };
  return fc.oneof(...kinds.map((k) => all[k]));
};

interface Session {
  server: LoopbackServer;
  sockets: FakeSocket[];
  clients: DocClient[];
  reconnectAll(): Promise<void>;
  end(): Promise<void>;
}

/** `count` clients on one document, their operations scheduled on the virtual clock. */
function session(seed: number, count: number, ops: Op[], init?: string): Session {
  const server = new LoopbackServer({
    rng: seededRng(seed),
    init: init === undefined ? undefined : (doc) => doc.getText(CODE_TEXT).insert(0, init),
  });
  const sockets = Array.from({ length: count }, (_, i) => server.socket({ user: `user${i}` }));
  const clients = sockets.map((s) => new DocClient(s, Q));
  sockets.forEach((s) => s.connect());
  for (const op of ops) {
    server.clock.at(op.at, () => {
      const t = clients[op.client].text;
      const at = Math.floor(((op.kind === 'insert' || op.kind === 'delete' ? op.pos : 0) * (t.length + 1)) / 1001);
      if (op.kind === 'insert') t.insert(at, op.text);
      else if (op.kind === 'delete')
        t.delete(Math.min(at, t.length), Math.min(op.len, t.length - Math.min(at, t.length)));
      else if (op.kind === 'offline') sockets[op.client].disconnect();
      else sockets[op.client].connect();
    });
  }
  const session: Session = {
    server,
    sockets,
    clients,
    async reconnectAll() {
      await server.run();
      sockets.forEach((s) => s.connect()); // no-op for those connected
      await server.run();
    },
    async end() {
      if (!live.delete(this)) return;
      clients.forEach((c) => c.destroy());
      await server.close();
    },
  };
  live.add(session);
  return session;
}

/** Sessions not ended yet: a failed assertion must not leave their intervals running (jest would hang). */
const live = new Set<Session>();
afterEach(async () => {
  for (const s of [...live]) await s.end().catch(() => undefined);
});

/** Every client, the server room and a replay of the log all hold the same text; returns it. */
async function expectConverged(s: Session): Promise<string> {
  const room = s.server.rooms.get(Q);
  expect(room).toBeDefined();
  const serverText = room!.text;
  for (const c of s.clients) expect(c.text.toString()).toBe(serverText);
  expect(room!.doc.store.pendingStructs).toBeNull(); // nothing waiting for a missing dependency
  expect(room!.doc.store.pendingDs).toBeNull();
  expect(s.server.refusals).toEqual([]);
  expect(s.server.errors).toEqual([]);
  await s.server.rooms.flush();
  expect(new DocReplay(s.server.store.entries(Q)).textAfter(Infinity)).toBe(serverText);
  return serverText;
}

const sorted = (s: string) => [...s].sort().join('');

describe('convergence through the loopback gateway', () => {
  it('two clients: random concurrent inserts and deletes end with the same text everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(opArb(2, ['insert', 'insert', 'delete']), { maxLength: 25 }),
        async (seed, ops) => {
          const s = session(seed, 2, ops);
          try {
            await s.reconnectAll();
            await expectConverged(s);
          } finally {
            await s.end();
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);

  it('three clients with starter code, random disconnects and reconnects: the same text everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(opArb(3, ['insert', 'insert', 'delete', 'offline', 'online']), { maxLength: 30 }),
        async (seed, ops) => {
          const s = session(seed, 3, ops, 'function solve() {\r\n  return 0;\r\n}\r\n');
          try {
            await s.reconnectAll();
            await expectConverged(s);
          } finally {
            await s.end();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('nothing typed is lost: with inserts only, every inserted character is in the final text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(opArb(3, ['insert', 'insert', 'offline', 'online']), { maxLength: 30 }),
        async (seed, ops) => {
          const s = session(seed, 3, ops);
          try {
            await s.reconnectAll();
            const final = await expectConverged(s);
            const typed = ops.flatMap((op) => (op.kind === 'insert' ? [op.text] : [])).join('');
            expect(sorted(final)).toBe(sorted(typed));
          } finally {
            await s.end();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('offline edits merge on reconnect: one client edits offline while another edits online', async () => {
    const s = session(7, 2, [], 'let x = 1;\r\n');
    const [a, b] = s.clients;
    await s.server.run();
    expect(a.text.toString()).toBe('let x = 1;\r\n');
    expect(b.text.toString()).toBe('let x = 1;\r\n');

    // A's socket goes away (the server leaves its room); A keeps typing.
    const sockA = s.sockets[0];
    sockA.disconnect();
    await s.server.run();
    a.text.insert(0, '// 离线编辑\r\n');
    a.text.delete(a.text.length - 2, 2); // drops the final "\r\n"
    b.text.insert(b.text.length, 'let y = 2; // 在线\r\n');
    await s.server.run();
    expect(s.server.text(Q)).toBe('let x = 1;\r\nlet y = 2; // 在线\r\n');
    expect(a.text.toString()).toBe('// 离线编辑\r\nlet x = 1;');

    sockA.connect();
    await s.server.run();
    const final = await expectConverged(s);
    expect(final).toBe('// 离线编辑\r\nlet x = 1;let y = 2; // 在线\r\n');
    expect(sockA.emittedWhileDisconnected).toBe(0); // DocClient waits for the next connect instead
    await s.end();
  });

  it('a document everyone left is saved, freed, and reloaded from the store on the next connect', async () => {
    const s = session(11, 2, [
      { kind: 'insert', client: 0, at: 5, pos: 0, text: '中文\r\n' },
      { kind: 'insert', client: 1, at: 6, pos: 0, text: 'ab' },
      { kind: 'offline', client: 0, at: 100 },
      { kind: 'offline', client: 1, at: 100 },
      { kind: 'insert', client: 1, at: 150, pos: 1000, text: 'z' },
    ]);
    await s.server.run();
    expect(s.server.rooms.size).toBe(0);
    expect(s.server.store.snapshots.get(Q)).toBeDefined();
    await s.reconnectAll();
    const final = await expectConverged(s);
    expect(sorted(final)).toBe(sorted('中文\r\nabz'));
    await s.end();
  });

  it('the clients really are independent documents until messages arrive', async () => {
    // Guards the harness itself: with no delivery, a local edit stays local.
    const s = session(3, 2, []);
    await s.server.run();
    s.clients[0].text.insert(0, 'only here');
    expect(s.clients[1].text.toString()).toBe('');
    expect(Y.encodeStateVector(s.clients[1].doc)).not.toEqual(Y.encodeStateVector(s.clients[0].doc));
    await s.server.run();
    expect(s.clients[1].text.toString()).toBe('only here');
    await s.end();
  });
});
