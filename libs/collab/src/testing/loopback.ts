/**
 * An in-memory stand-in for the `/interviews` gateway and its socket.io connections, so DocClient and
 * CollabRooms can be tested together without a server: a virtual clock, sockets whose messages arrive
 * after random delays (drawn from a seeded RNG the test supplies, so fast-check can shrink them) but in
 * order per direction, like one TCP connection, and a server that relays exactly as the gateway does:
 * 'doc:sync' → rooms.sync (ack `{ messages }` for step 1, `{ ok: true }`, or `{ error, code }`), every
 * applied change to the document's other connections as 'doc:sync' syncUpdate(update), 'doc:awareness'
 * → rooms.awareness, relayed to the others. A disconnect loses whatever was in flight and makes the
 * server leave the connection's rooms; a reconnect is a new connection that fires 'connect'.
 */
import * as Y from 'yjs';
import {
  CollabRoom,
  CollabRooms,
  type CollabRoomsOptions,
  type CollabStore,
  type LogEntry,
  type StoredDoc,
  type SyncRefusal,
  type UpdateOrigin,
} from '../rooms';
import type { CollabSocket } from '../doc-client';
import { syncUpdate } from '../sync-messages';
import { CODE_TEXT } from '../update-check';
import { fromWire, toWire } from '../wire';

/** A number in [0, 1). */
export type Rng = () => number;

/** mulberry32: a small seeded RNG, so a failing fast-check case replays the same delays. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The log and snapshots in Maps, copied in and out (as a database would); `failAppend` and
 * `failSnapshot` make writes reject until cleared, `gate` holds the next append until released.
 */
export class MemoryStore implements CollabStore {
  readonly log: LogEntry[] = [];
  readonly snapshots = new Map<string, { state: Uint8Array; seq: number }>();
  /** Every snapshot written, in order. */
  readonly snapshotWrites: { docKey: string; seq: number }[] = [];
  failAppend = false;
  failSnapshot = false;
  /** When set, append waits for it (a slow database) and then fails or succeeds as flagged at that moment. */
  gate: Promise<void> | null = null;
  /** The same for saveSnapshot. */
  snapshotGate: Promise<void> | null = null;

  async load(docKey: string): Promise<StoredDoc> {
    await Promise.resolve();
    const snapshot = this.snapshots.get(docKey) ?? null;
    const after = snapshot?.seq ?? 0;
    return {
      snapshot: snapshot && { state: snapshot.state.slice(), seq: snapshot.seq },
      updates: this.entries(docKey)
        .filter((e) => e.seq > after)
        .map((e) => ({ seq: e.seq, update: e.update.slice() })),
    };
  }

  async append(entries: LogEntry[]): Promise<void> {
    if (this.gate) await this.gate;
    await Promise.resolve();
    if (this.failAppend) throw new Error('store down (append)');
    for (const e of entries) {
      if (this.log.some((x) => x.docKey === e.docKey && x.seq === e.seq))
        throw new Error(`duplicate log entry ${e.docKey}#${e.seq}`); // a unique key, as in the database
      this.log.push({ ...e, update: e.update.slice() });
    }
  }

  async saveSnapshot(docKey: string, state: Uint8Array, seq: number): Promise<void> {
    if (this.snapshotGate) await this.snapshotGate;
    await Promise.resolve();
    if (this.failSnapshot) throw new Error('store down (snapshot)');
    this.snapshots.set(docKey, { state: state.slice(), seq });
    this.snapshotWrites.push({ docKey, seq });
  }

  /** One document's log entries in seq order. */
  entries(docKey: string): LogEntry[] {
    return this.log.filter((e) => e.docKey === docKey).sort((a, b) => a.seq - b.seq);
  }
}

interface Scheduled {
  at: number;
  order: number;
  run: () => void;
}

/** Virtual time: everything that happens (deliveries, test actions) is an event on one queue. */
export class Clock {
  time = 0;
  private order = 0;
  private readonly queue: Scheduled[] = [];

  /** Runs `run` at virtual time `at`; events at the same time run in the order they were scheduled. */
  at(at: number, run: () => void): void {
    const event = { at: Math.max(at, this.time), order: this.order++, run };
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].at > event.at) i--;
    this.queue.splice(i, 0, event);
  }

  peek(): Scheduled | undefined {
    return this.queue[0];
  }

  next(): Scheduled | undefined {
    const event = this.queue.shift();
    if (event) this.time = event.at;
    return event;
  }

  get pending(): number {
    return this.queue.length;
  }
}

type Ack = (res: any) => void;
type Listener = (...args: never[]) => void;

/** Bytes as they come off the wire: a fresh copy, an ArrayBuffer in the browser, a Uint8Array in Node. */
function wire<T>(value: T, bytes: 'arraybuffer' | 'uint8array'): T {
  if (value instanceof Uint8Array) {
    const copy = value.slice();
    return (bytes === 'arraybuffer' ? copy.buffer : copy) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => wire(v, bytes)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v, bytes)])) as T;
  return value;
}

export interface SocketOptions {
  /** Who this is (stamped into their cursor); also the author of their changes. */
  user: string;
  /** Shortest delivery delay of this socket, ms; each message adds up to `jitterMs`. */
  latencyMs?: number;
  jitterMs?: number;
}

/**
 * A socket.io-like client socket: `connected`, `emit(event, msg, ack)`, `on`/`off`, 'connect'. Each
 * (re)connect is a new server connection; messages of an older connection still in flight are lost.
 */
export class FakeSocket implements CollabSocket {
  connected = false;
  /** The current server connection id (null while disconnected). */
  connectionId: string | null = null;
  /** emit() calls made while disconnected (socket.io would buffer them; DocClient should not make any). */
  emittedWhileDisconnected = 0;
  private readonly listeners = new Map<string, Set<Listener>>();
  private epoch = 0;
  private lastToServer = 0;
  private lastToClient = 0;
  readonly latencyMs: number;
  readonly jitterMs: number;

  constructor(
    private readonly server: LoopbackServer,
    readonly options: SocketOptions,
  ) {
    this.latencyMs = options.latencyMs ?? 1 + Math.floor(server.rng() * 20);
    this.jitterMs = options.jitterMs ?? 30;
  }

  get user(): string {
    return this.options.user;
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, msg: unknown, ack?: Ack): this {
    if (!this.connected || !this.connectionId) {
      this.emittedWhileDisconnected++;
      return this;
    }
    const id = this.connectionId;
    const payload = wire(msg, 'uint8array');
    // Without an acknowledgement (updates, cursors), a refusal comes back as a 'doc:refused' event.
    this.toServer(() =>
      this.server.receive(id, event, payload, ack ? (res) => this.toClient(id, () => ack(res)) : undefined),
    );
    return this;
  }

  /** Connects (after one delivery delay the server accepts and 'connect' fires). */
  connect(): void {
    if (this.connected) return;
    const epoch = ++this.epoch;
    this.server.clock.at(this.server.clock.time + this.delay(), () => {
      if (epoch !== this.epoch) return;
      this.connectionId = this.server.accept(this);
      this.connected = true;
      this.lastToServer = this.lastToClient = this.server.clock.time;
      this.fire('connect');
    });
  }

  /** Drops the connection at once: messages in flight both ways are lost, the server leaves its rooms. */
  disconnect(): void {
    this.epoch++;
    const id = this.connectionId;
    this.connected = false;
    this.connectionId = null;
    if (id) this.server.drop(id);
  }

  /** From the server's connection `id`: an event for this socket's listeners, on the server-to-client channel. */
  deliver(id: string, event: string, msg: unknown): void {
    const copy = wire(msg, 'arraybuffer');
    this.toClient(id, () => this.fire(event, copy));
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }

  private delay(): number {
    return this.latencyMs + Math.floor(this.server.rng() * this.jitterMs);
  }

  /** In order per direction: never before the previous message of the same direction. */
  private toServer(run: () => void): void {
    const epoch = this.epoch;
    this.lastToServer = Math.max(this.lastToServer, this.server.clock.time + this.delay());
    this.server.clock.at(this.lastToServer, () => epoch === this.epoch && run());
  }

  private toClient(id: string, run: () => void): void {
    if (id !== this.connectionId) return; // that connection is gone
    const epoch = this.epoch;
    this.lastToClient = Math.max(this.lastToClient, this.server.clock.time + this.delay());
    this.server.clock.at(this.lastToClient, () => epoch === this.epoch && run());
  }
}

export interface LoopbackOptions {
  rng: Rng;
  store?: MemoryStore;
  /** CollabRooms options; `now` defaults to the virtual clock and `flushMs` to "never" (tests call flush()). */
  rooms?: CollabRoomsOptions;
  /** Whether a user may edit now (the gateway's permission check); everyone may by default. */
  mayEdit?: (user: string, docKey: string) => SyncRefusal | null;
  /** Starter code for an empty document. */
  init?: (doc: Y.Doc) => void;
}

interface Connection {
  id: string;
  socket: FakeSocket;
  rooms: Map<string, CollabRoom>;
  /** This connection's messages, handled one after another (a handler awaiting a load must not be overtaken). */
  chain: Promise<void>;
}

/** The gateway's part: connections, their open documents, and the relaying. A question id is the doc key. */
export class LoopbackServer {
  readonly clock = new Clock();
  readonly rng: Rng;
  readonly store: MemoryStore;
  readonly rooms: CollabRooms;
  /**
   * Each applied change as the server saw it, with the document's text and seq right after it (seqs
   * count from the first change this server saw: a store given with a log already in it shifts them).
   */
  readonly applied: { docKey: string; seq: number; at: number; author: string; text: string }[] = [];
  readonly refusals: { connection: string; event: string; code: string }[] = [];
  readonly errors: unknown[] = [];
  private readonly connections = new Map<string, Connection>();
  private readonly shadows = new Map<string, { doc: Y.Doc; seq: number }>();
  /** Handler chains with work still to do, including those of connections already dropped. */
  private readonly busy = new Set<Promise<void>>();
  private nextId = 1;

  constructor(private readonly options: LoopbackOptions) {
    this.rng = options.rng;
    this.store = options.store ?? new MemoryStore();
    this.rooms = new CollabRooms(this.store, {
      flushMs: 1_000_000_000,
      now: () => this.clock.time,
      onError: (error) => this.errors.push(error),
      ...options.rooms,
      onUpdate: (docKey, update, origin) => {
        options.rooms?.onUpdate?.(docKey, update, origin);
        this.relayUpdate(docKey, update, origin);
      },
      onAwareness: (docKey, update) => {
        options.rooms?.onAwareness?.(docKey, update);
        for (const c of this.connections.values())
          if (c.rooms.has(docKey))
            c.socket.deliver(c.id, 'doc:awareness', { questionId: docKey, update: toWire(update) });
      },
    });
  }

  /** A new socket (not yet connected). */
  socket(options: SocketOptions): FakeSocket {
    return new FakeSocket(this, options);
  }

  accept(socket: FakeSocket): string {
    const id = `c${this.nextId++}`;
    this.connections.set(id, { id, socket, rooms: new Map(), chain: Promise.resolve() });
    return id;
  }

  drop(id: string): void {
    const c = this.connections.get(id);
    if (!c) return;
    this.connections.delete(id);
    this.enqueue(c, async () => {
      for (const room of c.rooms.values()) await this.rooms.leave(room, c.id);
      c.rooms.clear();
    });
  }

  receive(id: string, event: string, msg: unknown, ack: Ack | undefined): void {
    const c = this.connections.get(id);
    if (!c) return;
    const m = msg as { questionId: string; message?: unknown; update?: unknown };
    // As the gateway: an answer through the acknowledgement when there is one, else 'doc:refused' for a refusal.
    const reply: Ack = (res: { error?: string }) =>
      ack ? ack(res) : res.error && c.socket.deliver(c.id, 'doc:refused', { ...res, questionId: m.questionId });
    this.enqueue(c, async () => {
      if (!this.connections.has(id)) return;
      const bytes = fromWire(event === 'doc:sync' ? m.message : m.update, Number.MAX_SAFE_INTEGER);
      if (!(bytes instanceof Uint8Array)) return reply({ error: 'not base64', code: 'invalid-request' });
      if (event === 'doc:sync') await this.onSync(c, { questionId: m.questionId, message: bytes }, reply);
      else if (event === 'doc:awareness') await this.onAwareness(c, { questionId: m.questionId, update: bytes }, reply);
      else reply({ error: `unknown event ${event}`, code: 'bad-request' });
    });
  }

  private enqueue(c: Connection, work: () => Promise<void>): void {
    const chain = c.chain.then(work).catch((error: unknown) => void this.errors.push(error));
    c.chain = chain;
    this.busy.add(chain);
    void chain.then(() => this.busy.delete(chain));
  }

  private async room(c: Connection, docKey: string): Promise<CollabRoom> {
    let room = c.rooms.get(docKey);
    if (!room) {
      room = await this.rooms.open(docKey, this.options.init);
      c.rooms.set(docKey, room);
      const others = this.rooms.awarenessState(room);
      if (others) c.socket.deliver(c.id, 'doc:awareness', { questionId: docKey, update: toWire(others) });
    }
    return room;
  }

  private async onSync(c: Connection, msg: { questionId: string; message: Uint8Array }, ack: Ack): Promise<void> {
    const room = await this.room(c, msg.questionId);
    const mayEdit = () => this.options.mayEdit?.(c.socket.user, msg.questionId) ?? null;
    const result = this.rooms.sync(room, msg.message, { author: c.socket.user, from: c.id }, mayEdit);
    if (!result.ok) {
      this.refusals.push({ connection: c.id, event: 'doc:sync', code: result.problem });
      return ack({ error: result.detail || result.problem, code: result.problem });
    }
    ack(result.reply.length ? { messages: result.reply.map(toWire) } : { ok: true });
  }

  private async onAwareness(c: Connection, msg: { questionId: string; update: Uint8Array }, ack: Ack): Promise<void> {
    const room = await this.room(c, msg.questionId);
    const result = this.rooms.awareness(room, c.id, msg.update, (state) => ({ ...state, user: c.socket.user }));
    if (!result.ok) {
      this.refusals.push({ connection: c.id, event: 'doc:awareness', code: result.problem });
      return ack({ error: result.detail, code: result.problem });
    }
    for (const other of this.connections.values())
      if (other !== c && other.rooms.has(msg.questionId))
        other.socket.deliver(other.id, 'doc:awareness', { questionId: msg.questionId, update: toWire(result.update) });
    ack({ ok: true });
  }

  private relayUpdate(docKey: string, update: Uint8Array, origin: UpdateOrigin): void {
    // A shadow copy, since `init` runs before the room is listed (rooms.get is still undefined then).
    let shadow = this.shadows.get(docKey);
    if (!shadow) this.shadows.set(docKey, (shadow = { doc: new Y.Doc(), seq: 0 }));
    Y.applyUpdate(shadow.doc, update);
    const seq = ++shadow.seq;
    const room = this.rooms.get(docKey);
    if (room && (room.seq !== seq || room.text !== shadow.doc.getText(CODE_TEXT).toString()))
      this.errors.push(new Error(`${docKey}: the shadow copy differs from the room at seq ${room.seq}`));
    const text = shadow.doc.getText(CODE_TEXT).toString();
    this.applied.push({ docKey, seq, at: this.clock.time, author: origin.author, text });
    const message = toWire(syncUpdate(update));
    for (const c of this.connections.values())
      if (c.id !== origin.from && c.rooms.has(docKey))
        c.socket.deliver(c.id, 'doc:sync', { questionId: docKey, message });
  }

  /** Lets every connection's handlers finish (they only wait on the in-memory store). */
  async settle(): Promise<void> {
    do {
      await Promise.all(this.busy);
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.busy.size);
  }

  /** Delivers everything, in virtual-time order, until nothing is in flight (or `until` is reached). */
  async run(until = Infinity): Promise<void> {
    await this.settle();
    for (let event = this.clock.peek(); event && event.at <= until; event = this.clock.peek()) {
      this.clock.next();
      event.run();
      await this.settle();
    }
    if (until !== Infinity) this.clock.time = Math.max(this.clock.time, until);
  }

  /** Whole-document text on the server (the room must be open). */
  text(docKey: string): string {
    const room = this.rooms.get(docKey);
    if (!room) throw new Error(`${docKey} is not open on the server`);
    return room.text;
  }

  /** Disconnects every socket still connected, then saves and frees everything. */
  async close(): Promise<void> {
    for (const c of [...this.connections.values()]) c.socket.disconnect();
    await this.settle();
    await this.rooms.close();
    for (const shadow of this.shadows.values()) shadow.doc.destroy();
  }
}
