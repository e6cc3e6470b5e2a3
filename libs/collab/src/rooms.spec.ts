/**
 * CollabRooms on its own, with an in-memory store and a hand-driven clock: permission refusals,
 * malformed input, the log, failing writes, snapshots, freeing documents, loading, init, close, and
 * awareness ownership.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readAwarenessUpdate, writeAwarenessUpdate } from './awareness-check';
import { CollabRoom, CollabRooms, type CollabRoomsOptions, type UpdateOrigin } from './rooms';
import { readSyncMessage, syncStep1, syncStep2, syncUpdate } from './sync-messages';
import { MemoryStore } from './testing/loopback';
import { CODE_TEXT } from './update-check';

const NEVER = 1_000_000_000; // flushMs: the interval never fires, the tests call flush()
const allow = () => null;

/** A client-side document whose changes are turned into sync update messages. */
class Editor {
  readonly doc = new Y.Doc();
  readonly out: Uint8Array[] = [];
  constructor(readonly name: string) {
    this.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && this.out.push(syncUpdate(u)));
  }
  get text(): Y.Text {
    return this.doc.getText(CODE_TEXT);
  }
  /** Catches up with the room (as a sync exchange would). */
  pull(room: CollabRoom): this {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(this.doc)), 'remote');
    return this;
  }
  take(): Uint8Array[] {
    return this.out.splice(0);
  }
  /** Edits and returns the one message it produced. */
  edit(change: (t: Y.Text) => void): Uint8Array {
    change(this.text);
    const [message, ...more] = this.take();
    expect(more).toEqual([]);
    return message;
  }
}

interface Setup {
  store: MemoryStore;
  rooms: CollabRooms;
  clock: { t: number };
  updates: { docKey: string; origin: UpdateOrigin }[];
  awareness: { docKey: string; update: Uint8Array }[];
  errors: string[];
}

const open: CollabRooms[] = [];

function setup(options: CollabRoomsOptions = {}, store = new MemoryStore()): Setup {
  const clock = { t: 1_000_000 };
  const s: Setup = { store, rooms: null as unknown as CollabRooms, clock, updates: [], awareness: [], errors: [] };
  s.rooms = new CollabRooms(store, {
    flushMs: NEVER,
    now: () => clock.t,
    onUpdate: (docKey, _u, origin) => s.updates.push({ docKey, origin }),
    onAwareness: (docKey, update) => s.awareness.push({ docKey, update }),
    onError: (_e, what) => s.errors.push(what),
    ...options,
  });
  open.push(s.rooms);
  return s;
}

afterEach(async () => {
  // Free whatever a test left open (awareness keeps an interval per document).
  for (const rooms of open.splice(0)) await rooms.close().catch(() => undefined);
});

const as = (author: string, from = author): UpdateOrigin => ({ author, from });

describe('CollabRooms.sync', () => {
  it('a refused edit (candidate-like mayEdit) leaves the document unchanged and logs nothing', async () => {
    const { rooms, store, updates } = setup();
    const room = await rooms.open('q');
    const alice = new Editor('alice');
    expect(
      rooms.sync(
        room,
        alice.edit((t) => t.insert(0, 'ok')),
        as('alice'),
        allow,
      ),
    ).toEqual({ ok: true, reply: [] });
    const before = Y.encodeStateAsUpdate(room.doc);

    const bob = new Editor('bob').pull(room);
    const refused = rooms.sync(
      room,
      bob.edit((t) => t.insert(0, 'nope')),
      as('bob'),
      () => 'interview-ended',
    );
    expect(refused).toMatchObject({ ok: false, problem: 'interview-ended' });
    expect(
      rooms.sync(room, syncStep2(Y.encodeStateAsUpdate(bob.doc)), as('bob'), () => 'update-not-allowed'),
    ).toMatchObject({
      ok: false,
      problem: 'update-not-allowed',
    });
    expect(room.text).toBe('ok');
    expect(room.seq).toBe(1);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(updates.map((u) => u.origin.author)).toEqual(['alice']);

    // A read-only connection still gets the document (step 1 is not an edit).
    const viewer = new Editor('viewer');
    const step1 = rooms.sync(room, syncStep1(Y.encodeStateVector(viewer.doc)), as('viewer'), () => 'interview-ended');
    expect(step1.ok).toBe(true);
    if (!step1.ok) return;
    const [step2, serverStep1] = step1.reply.map(readSyncMessage);
    expect(step2.type).toBe('step2');
    expect(serverStep1.type).toBe('step1');
    if (step2.type !== 'step1') Y.applyUpdate(viewer.doc, step2.update);
    expect(viewer.text.toString()).toBe('ok');

    await rooms.flush();
    expect(store.entries('q').map((e) => e.author)).toEqual(['alice']);
  });

  it('refuses malformed and oversized messages, and the room still works after', async () => {
    const { rooms, store } = setup({ maxUpdateBytes: 1_000 });
    const room = await rooms.open('q');
    const alice = new Editor('alice');
    const good = alice.edit((t) => t.insert(0, 'hello'));
    const garbage = [
      new Uint8Array([]),
      new Uint8Array([7, 1, 0]), // unknown message type
      new Uint8Array([2, 50, 1, 2]), // length runs past the end
      new Uint8Array([...good, 0]), // trailing byte
      syncUpdate(new Uint8Array([255, 255, 255, 255, 1, 2, 3])), // a frame around nonsense
      syncUpdate(good.subarray(2, good.length - 3)), // a truncated update
      syncStep2(new Uint8Array([1, 1, 200, 200, 200])),
    ];
    for (const message of garbage)
      expect([message, rooms.sync(room, message, as('alice'), allow)]).toEqual([
        message,
        expect.objectContaining({ ok: false, problem: 'update-invalid' }),
      ]);

    const big = new Editor('big').edit((t) => t.insert(0, 'x'.repeat(1_200)));
    expect(big.length).toBeGreaterThan(1_000);
    expect(rooms.sync(room, big, as('big'), allow)).toMatchObject({ ok: false, problem: 'update-too-large' });
    expect(rooms.sync(room, new Uint8Array(1_001), as('big'), allow)).toMatchObject({ problem: 'update-too-large' });

    expect(room.text).toBe('');
    expect(room.seq).toBe(0);
    expect(rooms.sync(room, good, as('alice'), allow)).toEqual({ ok: true, reply: [] });
    expect(room.text).toBe('hello');
    await rooms.flush();
    expect(store.entries('q').map((e) => e.seq)).toEqual([1]);
  });

  it('logs every applied update in seq order, with its author and server time', async () => {
    const { rooms, store, clock } = setup();
    const room = await rooms.open('q');
    const alice = new Editor('alice');
    const bob = new Editor('bob');
    const expected: { seq: number; at: number; author: string }[] = [];
    for (let i = 0; i < 12; i++) {
      clock.t += 37 * i;
      const who = i % 3 === 0 ? bob : alice;
      who.pull(room);
      const message = who.edit((t) => (i % 4 === 3 ? t.delete(0, 1) : t.insert(t.length, `${who.name[0]}${i}中\r\n`)));
      expect(rooms.sync(room, message, as(who.name), allow).ok).toBe(true);
      expected.push({ seq: i + 1, at: clock.t, author: who.name });
      if (i % 5 === 4) await rooms.flush(); // several batches
    }
    // Resending a change the room already has is not a new entry.
    expect(rooms.sync(room, syncStep2(Y.encodeStateAsUpdate(alice.doc)), as('alice'), allow).ok).toBe(true);
    await rooms.flush();
    const log = store.entries('q');
    expect(log.map(({ seq, at, author }) => ({ seq, at, author }))).toEqual(expected);
    expect(store.log.map((e) => e.seq)).toEqual(expected.map((e) => e.seq)); // appended in order too
    const replayed = new Y.Doc();
    for (const e of log) Y.applyUpdate(replayed, e.update);
    expect(replayed.getText(CODE_TEXT).toString()).toBe(room.text);
  });
});

describe('CollabRooms persistence', () => {
  it('a failing store keeps the entries and the room; a later flush writes them once, in order', async () => {
    const { rooms, store, errors } = setup();
    const room = await rooms.open('q');
    const alice = new Editor('alice');
    rooms.sync(
      room,
      alice.edit((t) => t.insert(0, 'one ')),
      as('alice'),
      allow,
    );
    await rooms.flush();
    expect(store.entries('q').map((e) => e.seq)).toEqual([1]);

    store.failAppend = true;
    rooms.sync(
      room,
      alice.edit((t) => t.insert(4, 'two ')),
      as('alice'),
      allow,
    );
    rooms.sync(
      room,
      alice.edit((t) => t.insert(8, 'three ')),
      as('alice'),
      allow,
    );
    await rooms.flush();
    await rooms.flush();
    expect(errors).toEqual(['append', 'append']);
    await rooms.leave(room, 'alice');
    expect(rooms.size).toBe(1); // not saved, so not freed
    expect(rooms.get('q')).toBe(room);

    // An append that is slow and then fails, while another change arrives meanwhile.
    let release!: () => void;
    store.gate = new Promise((resolve) => (release = resolve));
    const slow = rooms.flush();
    const bob = new Editor('bob').pull(room);
    await rooms.open('q');
    rooms.sync(
      room,
      bob.edit((t) => t.insert(0, 'four ')),
      as('bob'),
      allow,
    );
    release();
    await slow;
    store.gate = null;
    expect(store.entries('q').map((e) => e.seq)).toEqual([1]);

    store.failAppend = false;
    await rooms.flush();
    expect(store.log.map((e) => `${e.seq}:${e.author}`)).toEqual(['1:alice', '2:alice', '3:alice', '4:bob']);
    await rooms.leave(room, 'bob');
    expect(rooms.size).toBe(0);
    const reloaded = setup({}, store);
    expect((await reloaded.rooms.open('q')).text).toBe('four one two three ');
  });

  it('snapshots after the debounce, and at most snapshotMaxMs apart under continuous edits', async () => {
    const { rooms, store, clock } = setup({ snapshotDebounceMs: 2_000, snapshotMaxMs: 10_000 });
    const room = await rooms.open('q');
    const alice = new Editor('alice');
    rooms.sync(
      room,
      alice.edit((t) => t.insert(0, 'a')),
      as('alice'),
      allow,
    );
    clock.t += 1_999;
    await rooms.flush();
    expect(store.snapshotWrites).toEqual([]);
    clock.t += 1;
    await rooms.flush();
    expect(store.snapshotWrites).toEqual([{ docKey: 'q', seq: 1 }]);
    await rooms.flush();
    expect(store.snapshotWrites).toHaveLength(1); // nothing new, nothing written

    // An edit every 500 ms for 30 s: never quiet for 2 s, so only the 10 s limit writes snapshots.
    const written: number[] = [];
    const editsFrom = clock.t + 500;
    for (clock.t = editsFrom; clock.t < editsFrom + 30_000; clock.t += 500) {
      rooms.sync(
        room,
        alice.edit((t) => t.insert(0, 'b')),
        as('alice'),
        allow,
      );
      const n = store.snapshotWrites.length;
      await rooms.flush();
      if (store.snapshotWrites.length > n) written.push(clock.t);
    }
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written[0] - editsFrom).toBe(10_000);
    for (let i = 1; i < written.length; i++) expect(written[i] - written[i - 1]).toBeLessThanOrEqual(10_500);
    const last = store.snapshotWrites.at(-1)!;
    expect(last.seq).toBeLessThanOrEqual(room.seq);
    // Each snapshot holds exactly the log up to its seq.
    const snap = new Y.Doc();
    Y.applyUpdate(snap, store.snapshots.get('q')!.state);
    const fromLog = new Y.Doc();
    for (const e of store.entries('q').filter((e) => e.seq <= last.seq)) Y.applyUpdate(fromLog, e.update);
    expect(snap.getText(CODE_TEXT).toString()).toBe(fromLog.getText(CODE_TEXT).toString());
  });

  it('frees a document when its last connection leaves and it is saved, keeps it while saving fails', async () => {
    const { rooms, store } = setup();
    const a = await rooms.open('q');
    const b = await rooms.open('q');
    expect(b).toBe(a);
    rooms.sync(
      a,
      new Editor('x').edit((t) => t.insert(0, 'x')),
      as('x'),
      allow,
    );
    await rooms.leave(a, 'c1');
    expect(rooms.size).toBe(1);
    store.failSnapshot = true;
    await rooms.leave(a, 'c2');
    expect(rooms.size).toBe(1); // logged but not snapshotted: kept
    expect(store.entries('q')).toHaveLength(1);
    await rooms.flush();
    expect(rooms.size).toBe(1);
    store.failSnapshot = false;
    await rooms.flush();
    expect(rooms.size).toBe(0);
    expect(store.snapshots.get('q')?.seq).toBe(1);

    // A document nobody changed is freed as soon as it is left.
    const c = await rooms.open('other');
    await rooms.leave(c, 'c3');
    expect(rooms.size).toBe(0);
  });

  it('a connection that opens the document while its last leave is still saving keeps it alive', async () => {
    const { rooms, store, clock } = setup();
    const room = await rooms.open('q');
    const alice = new Editor('alice');
    const edit = (s: string) =>
      rooms.sync(
        room,
        alice.edit((t) => t.insert(t.length, s)),
        as('alice'),
        allow,
      );
    let release!: () => void;
    const slow = () => new Promise<void>((resolve) => (release = resolve));

    // Reopened while the log append is slow; by the time it is written a snapshot is due anyway.
    edit('a');
    store.gate = slow();
    let leaving = rooms.leave(room, 'c1');
    expect(await rooms.open('q')).toBe(room);
    clock.t += 5_000;
    release();
    await leaving;
    store.gate = null;
    expect(store.snapshots.get('q')?.seq).toBe(1);
    expect(rooms.get('q')).toBe(room);
    expect(room.doc.isDestroyed).toBe(false);

    // Reopened while the snapshot is slow.
    edit('b');
    store.snapshotGate = slow();
    leaving = rooms.leave(room, 'c2');
    await new Promise((resolve) => setImmediate(resolve)); // the log is written, the snapshot is under way
    expect(store.entries('q').map((e) => e.seq)).toEqual([1, 2]);
    expect(await rooms.open('q')).toBe(room);
    release();
    await leaving;
    store.snapshotGate = null;
    expect(store.snapshots.get('q')?.seq).toBe(2);
    expect(rooms.get('q')).toBe(room);
    expect(room.doc.isDestroyed).toBe(false);

    edit('c');
    await rooms.flush();
    expect(store.entries('q').map((e) => e.seq)).toEqual([1, 2, 3]);
    await rooms.leave(room, 'c3');
    expect(rooms.size).toBe(0);
    expect(room.doc.isDestroyed).toBe(true);
  });

  it('the last leave during a flush already under way still frees the document when that flush ends', async () => {
    const { rooms, store } = setup();
    const room = await rooms.open('q');
    rooms.sync(
      room,
      new Editor('a').edit((t) => t.insert(0, 'a')),
      as('a'),
      allow,
    );
    let release!: () => void;
    store.gate = new Promise((resolve) => (release = resolve));
    const tick = rooms.flush(); // a timer tick, started while the connection is still there
    const leaving = rooms.leave(room, 'c1');
    release();
    await Promise.all([tick, leaving]);
    expect(rooms.size).toBe(0);
    expect(store.snapshots.get('q')?.seq).toBe(1);
  });

  it('loads a document from its snapshot plus the log after it, and carries on numbering', async () => {
    const first = setup({ snapshotDebounceMs: 2_000 });
    const room = await first.rooms.open('q');
    const alice = new Editor('alice');
    for (const s of ['fn main() {\r\n', '  打印("你好");\r\n', '}\r\n'])
      first.rooms.sync(
        room,
        alice.edit((t) => t.insert(t.length, s)),
        as('alice'),
        allow,
      );
    first.clock.t += 5_000;
    await first.rooms.flush();
    expect(first.store.snapshots.get('q')?.seq).toBe(3);
    for (let i = 0; i < 5; i++)
      first.rooms.sync(
        room,
        alice.edit((t) => (i === 2 ? t.delete(0, 3) : t.insert(3, `${i}`))),
        as('alice'),
        allow,
      );
    await first.rooms.flush();
    expect(first.store.snapshots.get('q')?.seq).toBe(3); // the tail is only in the log

    // Another process opens it: snapshot (seq 3) + log tail (4..8).
    const second = setup({}, first.store);
    const loaded = await second.rooms.open('q');
    expect(loaded.text).toBe(room.text);
    expect(loaded.seq).toBe(8);
    // The same text from the log alone.
    const logOnly = new MemoryStore();
    logOnly.log.push(...first.store.log);
    const third = setup({}, logOnly);
    expect((await third.rooms.open('q')).text).toBe(room.text);

    // New changes continue the numbering (the store refuses a duplicate seq).
    second.rooms.sync(
      loaded,
      new Editor('bob').pull(loaded).edit((t) => t.insert(0, '!')),
      as('bob'),
      allow,
    );
    await second.rooms.flush();
    expect(second.errors).toEqual([]);
    expect(first.store.entries('q').map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('runs init only for an empty log, once, and logs its change as system', async () => {
    const { rooms, store } = setup();
    const init = jest.fn((doc: Y.Doc) => doc.getText(CODE_TEXT).insert(0, '// 起始代码\r\n'));
    const [a, b] = await Promise.all([rooms.open('q', init), rooms.open('q', init)]);
    expect(a).toBe(b);
    expect(init).toHaveBeenCalledTimes(1);
    expect(a.text).toBe('// 起始代码\r\n');
    await rooms.flush();
    expect(store.entries('q').map(({ seq, author }) => ({ seq, author }))).toEqual([{ seq: 1, author: 'system' }]);
    await rooms.leave(a, 'c1');
    await rooms.leave(a, 'c2');
    expect(rooms.size).toBe(0);

    const again = await rooms.open('q', init);
    expect(init).toHaveBeenCalledTimes(1);
    expect(again.text).toBe('// 起始代码\r\n');
    expect(again.seq).toBe(1);
  });

  it('close() writes every pending entry and snapshot, and refuses while the store is down', async () => {
    const { rooms, store } = setup();
    const q1 = await rooms.open('q1');
    const q2 = await rooms.open('q2');
    const alice = new Editor('alice');
    const bob = new Editor('bob');
    rooms.sync(
      q1,
      alice.edit((t) => t.insert(0, 'alpha')),
      as('alice'),
      allow,
    );
    rooms.sync(
      q2,
      bob.edit((t) => t.insert(0, 'beta')),
      as('bob'),
      allow,
    );
    rooms.sync(
      q2,
      bob.edit((t) => t.insert(4, '!')),
      as('bob'),
      allow,
    );
    store.failAppend = true;
    await expect(rooms.close()).rejects.toThrow(/2 documents could not be saved/);
    await expect(rooms.open('q3')).rejects.toThrow(/closed/);
    store.failAppend = false;
    await rooms.close(); // retried once the store is back
    expect(rooms.size).toBe(0);
    expect(store.log.map((e) => `${e.docKey}#${e.seq}`).sort()).toEqual(['q1#1', 'q2#1', 'q2#2']);
    expect(store.snapshots.get('q1')?.seq).toBe(1);
    expect(store.snapshots.get('q2')?.seq).toBe(2);
    expect(q1.doc.isDestroyed).toBe(true);
  });
});

describe('CollabRooms.awareness', () => {
  const stampAs = (user: string) => (state: Record<string, unknown>) => ({ ...state, user });
  /** A client's awareness, with a cursor set (clock 1 and up). */
  function cursor(clientID: number, state: Record<string, unknown>): Awareness {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const awareness = new Awareness(doc);
    awareness.setLocalState(state);
    return awareness;
  }
  const local = (a: Awareness) => encodeAwarenessUpdate(a, [a.clientID]);
  const cleanup: Awareness[] = [];
  afterEach(() => cleanup.splice(0).forEach((a) => a.destroy()));

  it('a connection cannot set another connection’s client id; the stamp overrides the claimed user', async () => {
    const { rooms } = setup();
    const room = await rooms.open('q');
    const alice = cursor(100, { user: 'mallory', anchor: 3 });
    cleanup.push(alice);
    const result = rooms.awareness(room, 'c-alice', local(alice), stampAs('alice'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(readAwarenessUpdate(result.update)).toEqual([
      { clientId: 100, clock: expect.any(Number), state: { user: 'alice', anchor: 3 } },
    ]);
    expect(room.awareness.getStates().get(100)).toEqual({ user: 'alice', anchor: 3 });

    const forged = writeAwarenessUpdate([{ clientId: 100, clock: 99, state: { user: 'alice', anchor: 0 } }]);
    expect(rooms.awareness(room, 'c-bob', forged, stampAs('bob'))).toMatchObject({
      ok: false,
      problem: 'update-not-allowed',
    });
    const mixed = writeAwarenessUpdate([
      { clientId: 200, clock: 1, state: { anchor: 1 } },
      { clientId: 100, clock: 99, state: null },
    ]);
    expect(rooms.awareness(room, 'c-bob', mixed, stampAs('bob'))).toMatchObject({ ok: false });
    expect(room.awareness.getStates().get(100)).toEqual({ user: 'alice', anchor: 3 });
    expect(room.awareness.getStates().has(200)).toBe(false); // the whole update was refused

    expect(rooms.awareness(room, 'c-bob', new Uint8Array([1, 5]), stampAs('bob'))).toMatchObject({
      problem: 'update-invalid',
    });
    const bob = cursor(200, { anchor: 9 });
    cleanup.push(bob);
    expect(rooms.awareness(room, 'c-bob', local(bob), stampAs('bob')).ok).toBe(true);
    expect(room.awareness.getStates().get(200)).toEqual({ anchor: 9, user: 'bob' });
  });

  it('leave() removes the connection’s cursors at once and tells the others', async () => {
    const { rooms, awareness } = setup();
    const room = await rooms.open('q');
    await rooms.open('q');
    const alice = cursor(100, { anchor: 1 });
    const bob = cursor(200, { anchor: 2 });
    const watcher = cursor(300, { anchor: 0 }); // what another participant sees
    cleanup.push(alice, bob, watcher);
    for (const [who, a] of [
      ['c-alice', alice],
      ['c-bob', bob],
    ] as const) {
      const r = rooms.awareness(room, who, local(a), stampAs(who));
      if (r.ok) applyAwarenessUpdate(watcher, r.update, 'server');
    }
    expect([...watcher.getStates().keys()].sort()).toEqual([100, 200, 300]);

    await rooms.leave(room, 'c-alice');
    expect(room.awareness.getStates().has(100)).toBe(false);
    expect(room.awareness.getStates().has(200)).toBe(true);
    expect(awareness).toHaveLength(1);
    applyAwarenessUpdate(watcher, awareness[0].update, 'server');
    expect([...watcher.getStates().keys()].sort()).toEqual([200, 300]);
    expect(room.clientOwners.has(100)).toBe(false);

    // The client id is free again (a reconnect is a new connection).
    alice.setLocalStateField('anchor', 5);
    expect(rooms.awareness(room, 'c-alice-2', local(alice), stampAs('alice')).ok).toBe(true);
  });

  it('leave() copes with a cursor the room never applied (a fresh Awareness sends clock 0)', async () => {
    const { rooms } = setup();
    const room = await rooms.open('q');
    const fresh = new Awareness(new Y.Doc()); // local state {} at clock 0, as DocClient sends it untouched
    cleanup.push(fresh);
    expect(rooms.awareness(room, 'c1', local(fresh), stampAs('alice')).ok).toBe(true);
    await expect(rooms.leave(room, 'c1')).resolves.toBeUndefined();
    expect(rooms.size).toBe(0);
  });
});
