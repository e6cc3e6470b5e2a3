import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readAwarenessUpdate, writeAwarenessUpdate } from './awareness-check';
import { readSyncMessage, syncStep1, syncStep2 } from './sync-messages';
import { checkUpdate, CODE_TEXT } from './update-check';

/** One update as the log keeps it: which document, its place in that document's log, when, by whom. */
export interface LogEntry {
  docKey: string;
  seq: number;
  /** Server time, ms since the epoch. */
  at: number;
  author: string;
  update: Uint8Array;
}

export interface StoredDoc {
  /** The latest compacted state and the last log seq it contains. */
  snapshot: { state: Uint8Array; seq: number } | null;
  /** Log entries after the snapshot, oldest first. */
  updates: { seq: number; update: Uint8Array }[];
}

/** Where documents live between processes: an append-only log plus compacted snapshots. */
export interface CollabStore {
  load(docKey: string): Promise<StoredDoc>;
  /**
   * Appends entries of any documents at once (one batch); all or nothing. In a cluster the store
   * numbers them itself (each document's next seqs, in commit order) and the entries' seq is 0.
   */
  append(entries: LogEntry[]): Promise<void>;
  saveSnapshot(docKey: string, state: Uint8Array, seq: number): Promise<void>;
  /** Cluster only: a document's log entries after `afterSeq`, oldest first (every instance's). */
  tail?(docKey: string, afterSeq: number): Promise<{ seq: number; update: Uint8Array }[]>;
}

/**
 * Several servers holding the same documents (scale-out). Each server logs the changes its own
 * connections make; changes reach the other servers at once through `publish` → `applyRemote`, and
 * the log is the safety net: every server reads the log's tail now and then (and whenever a change
 * arrives whose predecessors it lacks, a message lost in transit), so every document converges on
 * every server. Only the server holding a document's lease writes its snapshots, from a document
 * that has read the whole log up to the snapshot's seq.
 */
export interface CollabCluster {
  /** Sends a change made here to the other servers. */
  publish(docKey: string, update: Uint8Array): void;
  /** Whether this server may write the document's snapshot now (takes or renews a lease). */
  mayWriteSnapshot(docKey: string): Promise<boolean>;
  /** How often an open document reads the log's tail (default 2 s). */
  tailMs?: number;
}

/** A transaction's origin on the server: who made the change and which connection it came from. */
export interface UpdateOrigin {
  author: string;
  /** The connection that sent it, which does not need it back. */
  from?: string;
}

export interface CollabRoomsOptions {
  /** How often buffered log entries are written; an edit is durable at most this long after it arrived. */
  flushMs?: number;
  /** A snapshot is written once a document has been quiet this long... */
  snapshotDebounceMs?: number;
  /** ...or this long after its first change since the last snapshot, whichever comes first. */
  snapshotMaxMs?: number;
  now?: () => number;
  /** Largest sync message accepted, in bytes. */
  maxUpdateBytes?: number;
  /** Most snapshots written per flush (the rest wait for the next tick); close() writes them all. */
  snapshotsPerFlush?: number;
  /** Each applied change, to relay to the room's other connections. */
  onUpdate?: (docKey: string, update: Uint8Array, origin: UpdateOrigin) => void;
  /** Awareness changes the server made itself (a connection's cursors removed when it closed). */
  onAwareness?: (docKey: string, update: Uint8Array) => void;
  onError?: (error: unknown, what: string) => void;
  /** Scale-out: the documents are open on other servers too (see CollabCluster). */
  cluster?: CollabCluster;
}

const LOADING = Symbol('loading');
/** A change another server made (or the log's tail): applied and relayed, never logged again. */
const REMOTE = Symbol('remote');

export class CollabRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  /** The seq of the last update applied (the log's length for this document). */
  seq = 0;
  snapshotSeq = 0;
  pending: LogEntry[] = [];
  connections = 0;
  firstUnsnapshottedAt: number | null = null;
  lastUpdateAt = 0;
  /** Cluster: when the log's tail was last read, and whether it must be read at the next tick. */
  tailedAt = 0;
  needsTail = false;
  /**
   * Awareness client ids by the connection (and person) that claimed them: nobody may move another
   * person's cursor; the same person's new connection (a reconnect) takes theirs over.
   */
  readonly clientOwners = new Map<number, { connection: string; author: string }>();

  constructor(readonly docKey: string) {
    this.awareness.setLocalState(null); // the server has no cursor
  }

  get text(): string {
    return this.doc.getText(CODE_TEXT).toString();
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Why a connection may not edit now; the gateway names these as error codes. */
export type SyncRefusal = 'update-not-allowed' | 'interview-ended' | 'interview-not-started' | 'too-many-updates';

export type SyncResult =
  | { ok: true; reply: Uint8Array[] }
  | { ok: false; problem: SyncRefusal | 'update-invalid' | 'update-too-large' | 'update-out-of-step'; detail: string };

export type AwarenessResult =
  { ok: true; update: Uint8Array } | { ok: false; problem: 'update-invalid' | 'update-not-allowed'; detail: string };

/**
 * The documents open on this server: loaded from the store on first use, every change appended to
 * the log in small batches (`flushMs`), compacted into a snapshot when quiet, and freed when the last
 * connection leaves and everything is saved. A failed write keeps the entries (and the document) and
 * is retried on the next tick, so nothing acknowledged is dropped and no document leaks half-saved.
 */
export class CollabRooms {
  private readonly rooms = new Map<string, CollabRoom>();
  private readonly loading = new Map<string, Promise<CollabRoom>>();
  // Not NodeJS.Timeout: the web app compiles this file too (through the package index), without Node's types.
  private readonly timer: ReturnType<typeof setInterval>;
  private flushing: Promise<void> | null = null;
  /** Document updates applied since start (for metrics and benchmarks). */
  updatesApplied = 0;
  private closed = false;
  private readonly flushMs: number;
  private readonly debounceMs: number;
  private readonly maxMs: number;
  private readonly now: () => number;
  private readonly maxUpdateBytes: number;
  private readonly snapshotsPerFlush: number;

  constructor(
    private readonly store: CollabStore,
    private readonly options: CollabRoomsOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 250;
    this.debounceMs = options.snapshotDebounceMs ?? 2_000;
    this.maxMs = options.snapshotMaxMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.maxUpdateBytes = options.maxUpdateBytes ?? 64_000;
    this.snapshotsPerFlush = options.snapshotsPerFlush ?? 32;
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Documents in memory now. */
  get size(): number {
    return this.rooms.size;
  }

  get(docKey: string): CollabRoom | undefined {
    return this.rooms.get(docKey);
  }

  /**
   * Opens a document for one more connection. `init` fills a document whose log is empty (starter
   * code); what it writes is logged like any change, authored by `system`.
   */
  async open(docKey: string, init?: (doc: Y.Doc) => void): Promise<CollabRoom> {
    if (this.closed) throw new Error('collab rooms are closed');
    const room = this.rooms.get(docKey) ?? (await this.load(docKey, init));
    room.connections++;
    return room;
  }

  private load(docKey: string, init?: (doc: Y.Doc) => void): Promise<CollabRoom> {
    let loading = this.loading.get(docKey);
    if (!loading) {
      loading = this.store
        .load(docKey)
        .then((stored) => {
          const room = new CollabRoom(docKey);
          if (stored.snapshot) {
            Y.applyUpdate(room.doc, stored.snapshot.state, LOADING);
            room.seq = room.snapshotSeq = stored.snapshot.seq;
          }
          for (const { seq, update } of stored.updates) {
            Y.applyUpdate(room.doc, update, LOADING);
            room.seq = Math.max(room.seq, seq);
          }
          room.doc.on('update', (update: Uint8Array, origin: unknown) => this.record(room, update, origin));
          if (room.seq === 0 && init)
            room.doc.transact(() => init(room.doc), { author: 'system' } satisfies UpdateOrigin);
          this.rooms.set(docKey, room);
          return room;
        })
        .finally(() => this.loading.delete(docKey));
      this.loading.set(docKey, loading);
    }
    return loading;
  }

  /**
   * One sync message from a connection. Step 1 is answered with our step 2 and our step 1; step 2 and
   * update are size-checked, read (`checkUpdate`) and, if `mayEdit`, applied: the other connections
   * get the change through onUpdate. A refusal leaves the document exactly as it was.
   */
  sync(room: CollabRoom, message: Uint8Array, origin: UpdateOrigin, mayEdit: () => SyncRefusal | null): SyncResult {
    if (message.length > this.maxUpdateBytes)
      return { ok: false, problem: 'update-too-large', detail: `${message.length} bytes` };
    let read;
    try {
      read = readSyncMessage(message);
    } catch (error) {
      return { ok: false, problem: 'update-invalid', detail: error instanceof Error ? error.message : String(error) };
    }
    if (read.type === 'step1') {
      let diff: Uint8Array;
      try {
        diff = Y.encodeStateAsUpdate(room.doc, read.stateVector);
      } catch {
        return { ok: false, problem: 'update-invalid', detail: 'unreadable state vector' };
      }
      return { ok: true, reply: [syncStep2(diff), syncStep1(Y.encodeStateVector(room.doc))] };
    }
    const refusal = mayEdit();
    if (refusal) return { ok: false, problem: refusal, detail: '' };
    const check = checkUpdate(read.update, Y.decodeStateVector(Y.encodeStateVector(room.doc)));
    if (!check.ok) return check;
    try {
      Y.applyUpdate(room.doc, read.update, origin);
    } catch (error) {
      return { ok: false, problem: 'update-invalid', detail: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, reply: [] };
  }

  private record(room: CollabRoom, update: Uint8Array, origin: unknown): void {
    if (origin === LOADING) return;
    const at = this.now();
    room.lastUpdateAt = at;
    room.firstUnsnapshottedAt ??= at;
    this.updatesApplied++;
    if (origin === REMOTE) {
      // Logged by the server that took it; here it only reaches this server's connections.
      this.options.onUpdate?.(room.docKey, update, { author: 'remote' });
      return;
    }
    const by = isOrigin(origin) ? origin : { author: 'system' };
    const cluster = this.options.cluster;
    // In a cluster the store numbers entries (every server appends to the same log); alone, we do.
    if (!cluster) room.seq++;
    room.pending.push({ docKey: room.docKey, seq: cluster ? 0 : room.seq, at, author: by.author, update });
    this.options.onUpdate?.(room.docKey, update, by);
    cluster?.publish(room.docKey, update);
  }

  /**
   * A change another server applied to one of its documents. Ignored unless the document is open
   * here (it is loaded from the log when it is next opened). One whose predecessors have not arrived
   * is kept pending by Yjs, and the log's tail is read at the next tick to fill the gap.
   */
  applyRemote(docKey: string, update: Uint8Array): void {
    const room = this.rooms.get(docKey);
    if (!room) return;
    try {
      Y.applyUpdate(room.doc, update, REMOTE);
    } catch (error) {
      this.options.onError?.(error, 'remote update');
      room.needsTail = true;
      return;
    }
    if (room.doc.store.pendingStructs || room.doc.store.pendingDs) room.needsTail = true;
  }

  /** Cluster: applies the log entries this server has not read yet (others' and, harmlessly, its own). */
  private async readTail(room: CollabRoom): Promise<void> {
    const tail = this.store.tail;
    if (!tail) return;
    const entries = await tail.call(this.store, room.docKey, room.seq);
    room.tailedAt = this.now();
    room.needsTail = false;
    for (const { seq, update } of entries) {
      Y.applyUpdate(room.doc, update, REMOTE);
      room.seq = Math.max(room.seq, seq);
    }
  }

  /**
   * A connection's awareness update (cursor, selection): each client id belongs to the first
   * connection that used it, and `stamp` rewrites every state (the server puts the person's real name
   * and colour in, whatever the client claimed). Returns the update to relay.
   */
  awareness(
    room: CollabRoom,
    connection: string,
    update: Uint8Array,
    stamp: (state: Record<string, unknown>) => Record<string, unknown>,
    /** Who the connection is: their own earlier connection's cursors are theirs to take over. */
    author: string = connection,
  ): AwarenessResult {
    let entries;
    try {
      entries = readAwarenessUpdate(update);
    } catch (error) {
      return { ok: false, problem: 'update-invalid', detail: error instanceof Error ? error.message : String(error) };
    }
    for (const { clientId } of entries) {
      const owner = room.clientOwners.get(clientId);
      if (owner !== undefined && owner.author !== author)
        return { ok: false, problem: 'update-not-allowed', detail: 'another participant’s cursor' };
    }
    for (const { clientId } of entries) room.clientOwners.set(clientId, { connection, author });
    const stamped = writeAwarenessUpdate(entries.map((e) => ({ ...e, state: e.state && stamp(e.state) })));
    applyAwarenessUpdate(room.awareness, stamped, connection);
    return { ok: true, update: stamped };
  }

  /** The awareness of everyone in the room, for a connection that just joined. */
  awarenessState(room: CollabRoom): Uint8Array | null {
    const clients = [...room.awareness.getStates().keys()];
    return clients.length ? encodeAwarenessUpdate(room.awareness, clients) : null;
  }

  /**
   * One connection leaves the document: its cursors disappear for the others at once, and the
   * document is freed when nobody is left and everything is saved (or on a later tick, if saving fails).
   */
  async leave(room: CollabRoom, connection: string): Promise<void> {
    // Ids whose state the room never accepted (a first update at clock 0) have nothing to remove.
    const owned = [...room.clientOwners]
      .filter(([id, owner]) => owner.connection === connection && room.awareness.meta.has(id))
      .map(([id]) => id);
    for (const [id, owner] of room.clientOwners) if (owner.connection === connection) room.clientOwners.delete(id);
    if (owned.length) {
      removeAwarenessStates(room.awareness, owned, 'disconnect');
      this.options.onAwareness?.(room.docKey, encodeAwarenessUpdate(room.awareness, owned));
    }
    room.connections = Math.max(0, room.connections - 1);
    if (room.connections === 0) await this.flush();
  }

  /** Writes what is pending, then the snapshots that are due, then frees idle saved documents. */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushOnce(force = false): Promise<void> {
    const rooms = [...this.rooms.values()];
    const batch = rooms.flatMap((r) => r.pending.splice(0));
    if (batch.length) {
      try {
        await this.store.append(batch);
      } catch (error) {
        // Put them back in order, ahead of anything that arrived meanwhile; retried next tick.
        for (const room of rooms) room.pending.unshift(...batch.filter((e) => e.docKey === room.docKey));
        this.options.onError?.(error, 'append');
        return;
      }
    }
    if (this.options.cluster) return this.clusterTick(rooms, force);
    const now = this.now();
    const due = rooms.filter(
      (room) =>
        room.pending.length === 0 &&
        room.seq > room.snapshotSeq &&
        (force ||
          room.connections === 0 ||
          now - room.lastUpdateAt >= this.debounceMs ||
          now - (room.firstUnsnapshottedAt ?? now) >= this.maxMs),
    );
    // A bounded number per tick, longest waiting first, written together: hundreds of rooms coming
    // due at once (opened together) must not hold up the next tick's log append.
    due.sort((a, b) => (a.firstUnsnapshottedAt ?? 0) - (b.firstUnsnapshottedAt ?? 0));
    await Promise.all(
      due.slice(0, force ? due.length : this.snapshotsPerFlush).map(async (room) => {
        const seq = room.seq;
        try {
          await this.store.saveSnapshot(room.docKey, Y.encodeStateAsUpdate(room.doc), seq);
          room.snapshotSeq = Math.max(room.snapshotSeq, seq);
          if (room.seq === seq) room.firstUnsnapshottedAt = null;
        } catch (error) {
          this.options.onError?.(error, 'snapshot');
        }
      }),
    );
    for (const room of rooms)
      if (room.connections === 0 && room.pending.length === 0 && room.seq === room.snapshotSeq) {
        this.rooms.delete(room.docKey);
        room.destroy();
      }
  }

  /**
   * Cluster: reads the log's tail where it is due (a gap, every `tailMs` while connected, or before
   * a snapshot), writes the snapshots that are due where this server holds the lease, and frees idle
   * documents once their own changes are logged (whoever holds the lease snapshots them).
   */
  private async clusterTick(rooms: CollabRoom[], force: boolean): Promise<void> {
    const cluster = this.options.cluster!;
    const now = this.now();
    const tailMs = cluster.tailMs ?? 2_000;
    const snapshotDue = (room: CollabRoom) =>
      room.pending.length === 0 &&
      room.firstUnsnapshottedAt !== null &&
      (force ||
        room.connections === 0 ||
        now - room.lastUpdateAt >= this.debounceMs ||
        now - room.firstUnsnapshottedAt >= this.maxMs);
    const work = rooms.filter(
      (room) => room.needsTail || (room.connections > 0 && now - room.tailedAt >= tailMs) || snapshotDue(room),
    );
    await Promise.all(
      work.slice(0, force ? work.length : this.snapshotsPerFlush).map(async (room) => {
        try {
          const due = snapshotDue(room);
          if (due && !(await cluster.mayWriteSnapshot(room.docKey))) {
            // Another server writes this document's snapshots; ours are only reads.
            room.firstUnsnapshottedAt = null;
            return;
          }
          await this.readTail(room);
          if (!due || room.seq <= room.snapshotSeq) {
            if (due) room.firstUnsnapshottedAt = null;
            return;
          }
          const seq = room.seq;
          await this.store.saveSnapshot(room.docKey, Y.encodeStateAsUpdate(room.doc), seq);
          room.snapshotSeq = Math.max(room.snapshotSeq, seq);
          room.firstUnsnapshottedAt = null;
        } catch (error) {
          this.options.onError?.(error, 'cluster tick');
        }
      }),
    );
    for (const room of rooms)
      if (room.connections === 0 && room.pending.length === 0 && room.firstUnsnapshottedAt === null) {
        this.rooms.delete(room.docKey);
        room.destroy();
      }
  }

  /** Stops the timer and saves everything (SIGTERM); throws if the store refuses. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    while (this.flushing) await this.flushing;
    this.flushing = this.flushOnce(true).finally(() => (this.flushing = null));
    await this.flushing;
    const unsaved = [...this.rooms.values()].filter(
      (r) => r.pending.length > 0 || (this.options.cluster ? false : r.seq > r.snapshotSeq),
    );
    if (unsaved.length) throw new Error(`${unsaved.length} documents could not be saved`);
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}

function isOrigin(value: unknown): value is UpdateOrigin {
  return typeof value === 'object' && value !== null && typeof (value as UpdateOrigin).author === 'string';
}
