/**
 * CollabRooms on several servers (scale-out) sharing one store: changes reach the other servers
 * through the cluster bus, the log's tail fills what the bus lost, each document's log is numbered
 * once, and only the lease holder writes snapshots, which then restore the whole document.
 */
import * as Y from 'yjs';
import { CollabRooms, type CollabRoom, type LogEntry, type UpdateOrigin } from './rooms';
import { syncUpdate } from './sync-messages';
import { MemoryStore } from './testing/loopback';
import { CODE_TEXT } from './update-check';

const NEVER = 1_000_000_000;
const KEY = 'iv1/q1';
const allow = () => null;

/** The database's side of a cluster: it numbers each document's entries itself, and serves the tail. */
class ClusterStore extends MemoryStore {
  /** Which server wrote each snapshot, in order. */
  readonly writers: string[] = [];

  async append(entries: LogEntry[]): Promise<void> {
    await Promise.resolve();
    // Numbered and written in one step, as the database does under its lock on the interview's row.
    const next = new Map<string, number>();
    for (const e of entries) {
      const last =
        next.get(e.docKey) ?? Math.max(0, ...this.log.filter((x) => x.docKey === e.docKey).map((x) => x.seq));
      next.set(e.docKey, last + 1);
      this.log.push({ ...e, seq: last + 1, update: e.update.slice() });
    }
  }

  async tail(docKey: string, afterSeq: number): Promise<{ seq: number; update: Uint8Array }[]> {
    await Promise.resolve();
    return this.log
      .filter((e) => e.docKey === docKey && e.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ seq: e.seq, update: e.update.slice() }));
  }

  saveSnapshotAs(writer: string, docKey: string, state: Uint8Array, seq: number): Promise<void> {
    this.writers.push(writer);
    return super.saveSnapshot(docKey, state, seq);
  }
}

interface Server {
  name: string;
  rooms: CollabRooms;
  /** What this server relayed to its own connections (changes made elsewhere). */
  relayed: UpdateOrigin[];
}

function cluster(names: string[]) {
  const store = new ClusterStore();
  const clock = { t: 1_000_000 };
  const leases = new Map<string, string>();
  /** Bus messages a test drops on purpose (a Redis blip): from which server. */
  const dropFrom = new Set<string>();
  const servers: Server[] = [];
  for (const name of names) {
    const relayed: UpdateOrigin[] = [];
    const rooms = new CollabRooms(
      {
        load: (k) => store.load(k),
        append: (e) => store.append(e),
        saveSnapshot: (k, state, seq) => store.saveSnapshotAs(name, k, state, seq),
        tail: (k, after) => store.tail(k, after),
      },
      {
        flushMs: NEVER,
        now: () => clock.t,
        onUpdate: (_k, _u, origin) => origin.author === 'remote' && relayed.push(origin),
        cluster: {
          tailMs: 2_000,
          publish: (docKey, update) => {
            if (dropFrom.has(name)) return;
            for (const other of servers) if (other.name !== name) other.rooms.applyRemote(docKey, update);
          },
          mayWriteSnapshot: async (docKey) => {
            const holder = leases.get(docKey) ?? name;
            leases.set(docKey, holder);
            return holder === name;
          },
        },
      },
    );
    servers.push({ name, rooms, relayed });
  }
  return { store, clock, servers, dropFrom, leases };
}

/** A participant's editor: each change becomes one sync update message for its server. */
function editor(room: CollabRoom) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  return {
    doc,
    edit(rooms: CollabRooms, change: (t: Y.Text) => void, author: string) {
      const before = Y.encodeStateVector(doc);
      change(doc.getText(CODE_TEXT));
      const result = rooms.sync(room, syncUpdate(Y.encodeStateAsUpdate(doc, before)), { author, from: author }, allow);
      expect(result).toEqual({ ok: true, reply: [] });
    },
  };
}

const text = (room: CollabRoom) => room.doc.getText(CODE_TEXT).toString();
const opened: CollabRooms[] = [];
afterEach(async () => {
  for (const rooms of opened.splice(0)) await rooms.close().catch(() => undefined);
});

describe('CollabRooms in a cluster', () => {
  it('a change made on one server reaches the others at once, is relayed to their connections, and is logged once', async () => {
    const { store, servers } = cluster(['a', 'b']);
    opened.push(...servers.map((s) => s.rooms));
    const [a, b] = servers;
    const roomA = await a.rooms.open(KEY);
    const roomB = await b.rooms.open(KEY);
    const alice = editor(roomA);
    const bob = editor(roomB);
    alice.edit(a.rooms, (t) => t.insert(0, 'hello'), 'alice');
    bob.edit(b.rooms, (t) => t.insert(0, '// '), 'bob');
    expect(text(roomA)).toBe(text(roomB));
    expect(text(roomA)).toContain('hello');
    expect(b.relayed).toHaveLength(1);
    expect(a.relayed).toHaveLength(1);

    await Promise.all([a.rooms.flush(), b.rooms.flush()]);
    // Each server logged only its own connection's change; the store numbered them 1 and 2.
    expect(store.log.map((e) => [e.author, e.seq]).sort()).toEqual([
      ['alice', 1],
      ['bob', 2],
    ]);
  });

  it('a change the bus lost arrives through the log: at once when a later one depends on it, else at the next tail read', async () => {
    const { clock, servers, dropFrom } = cluster(['a', 'b']);
    opened.push(...servers.map((s) => s.rooms));
    const [a, b] = servers;
    const roomA = await a.rooms.open(KEY);
    const roomB = await b.rooms.open(KEY);
    const alice = editor(roomA);

    dropFrom.add('a');
    alice.edit(a.rooms, (t) => t.insert(0, 'lost;'), 'alice');
    await a.rooms.flush(); // logged by a
    dropFrom.delete('a');
    alice.edit(a.rooms, (t) => t.insert(5, 'next;'), 'alice');
    // b holds the second change pending (it builds on the first) and reads the tail at its next tick.
    expect(text(roomB)).toBe('');
    await b.rooms.flush();
    expect(text(roomB)).toBe('lost;next;');

    dropFrom.add('a');
    alice.edit(a.rooms, (t) => t.insert(0, 'quiet;'), 'alice');
    await a.rooms.flush();
    await b.rooms.flush();
    expect(text(roomB)).toBe('lost;next;'); // nothing tells b yet
    clock.t += 2_000;
    await b.rooms.flush();
    expect(text(roomB)).toBe(text(roomA));
  });

  it('only the lease holder writes snapshots, and a snapshot plus the log restores everything', async () => {
    const { store, clock, servers } = cluster(['a', 'b']);
    opened.push(...servers.map((s) => s.rooms));
    const [a, b] = servers;
    const roomA = await a.rooms.open(KEY);
    const roomB = await b.rooms.open(KEY);
    const alice = editor(roomA);
    const bob = editor(roomB);
    for (let i = 0; i < 10; i++) {
      alice.edit(a.rooms, (t) => t.insert(0, `a${i};`), 'alice');
      bob.edit(b.rooms, (t) => t.insert(0, `b${i};`), 'bob');
    }
    await a.rooms.flush();
    await b.rooms.flush();
    clock.t += 3_000; // quiet for longer than the debounce: snapshots are due on both servers
    await b.rooms.flush(); // b asks first: b takes the lease
    await a.rooms.flush();
    bob.edit(b.rooms, (t) => t.insert(0, 'late;'), 'bob');
    await b.rooms.flush();
    await a.rooms.flush();
    clock.t += 3_000;
    await a.rooms.flush();
    await b.rooms.flush();
    expect(store.writers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(store.writers)).toEqual(new Set(['b']));
    expect(store.snapshots.get(KEY)!.seq).toBe(21);

    // A third server loads the document: snapshot and log give every change.
    const fresh = cluster(['c']);
    const c = new CollabRooms(store, { flushMs: NEVER });
    opened.push(c, ...fresh.servers.map((s) => s.rooms));
    const roomC = await c.open(KEY);
    expect(text(roomC)).toBe(text(roomA));
    expect(text(roomC)).toBe(text(roomB));
  });

  it('a server that does not hold the lease frees an idle document once its own changes are logged', async () => {
    const { store, servers, leases } = cluster(['a', 'b']);
    opened.push(...servers.map((s) => s.rooms));
    const [a, b] = servers;
    leases.set(KEY, 'a');
    const roomB = await b.rooms.open(KEY);
    editor(roomB).edit(b.rooms, (t) => t.insert(0, 'x'), 'bob');
    await b.rooms.leave(roomB, 'bob');
    expect(b.rooms.size).toBe(0);
    expect(store.log).toHaveLength(1);
    expect(store.writers).toEqual([]);
    expect(a.rooms.size).toBe(0);
  });
});
