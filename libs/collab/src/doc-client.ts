import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CODE_TEXT } from './update-check';
import { readSyncMessage, syncStep1, syncStep2, syncUpdate } from './sync-messages';
import { fromWire, toWire } from './wire';

/** The refusal a server acknowledges with (SocketErrorAck in @rubricon/contracts). */
export interface CollabRefusal {
  error: string;
  code: string;
  params?: Record<string, string | number>;
}

type Ack = { ok: true } | { messages: string[] } | CollabRefusal;

/**
 * The part of a socket.io client socket a DocClient uses. Messages are base64 (wire.ts). Only sync
 * step 1 asks for an acknowledgement (it carries the reply); updates and cursors do not, and a
 * refusal of one comes back as a 'doc:refused' event.
 */
export interface CollabSocket {
  readonly connected: boolean;
  emit(event: 'doc:sync', msg: { questionId: string; message: string }, ack?: (res: Ack) => void): unknown;
  emit(event: 'doc:awareness', msg: { questionId: string; update: string }): unknown;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

export interface DocClientOptions {
  /** A change or cursor the server refused (it is not in the room's document). */
  onRefused?: (refusal: CollabRefusal) => void;
  /** Fired once the first exchange with the server is complete. */
  onSynced?: () => void;
}

const REMOTE = Symbol('remote');
/** No limit on what the server sends: it is the one that checked it. */
const toBytes = (b: unknown): Uint8Array => {
  const bytes = fromWire(b, Number.MAX_SAFE_INTEGER);
  if (!(bytes instanceof Uint8Array)) throw new Error('the server sent a message that is not base64');
  return bytes;
};

/**
 * One question's document kept in step with the room over a socket.io connection: y-protocols sync
 * step 1 / step 2 on every (re)connect, so edits made while offline reach the server on reconnect,
 * then each local change as an update; cursors through y-protocols awareness. Works in the browser
 * and in Node (tests, the benchmark).
 */
export class DocClient {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  synced = false;
  /**
   * True while a sync exchange is under way (a reconnect, a retry after throttling): local changes
   * wait for it, since the step 2 that ends it carries them. Sent before it, a change could reach the
   * server ahead of the offline edits it builds on, and be refused as out of step.
   */
  private exchanging = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners: [string, (...args: never[]) => void][] = [];

  constructor(
    private readonly socket: CollabSocket,
    readonly questionId: string,
    private readonly options: DocClientOptions = {},
  ) {
    this.doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onLocalAwareness);
    this.listen('connect', () => this.sync());
    this.listen('doc:sync', (msg: { questionId: string; message: string }) => {
      if (msg.questionId === this.questionId) this.receive(toBytes(msg.message));
    });
    this.listen('doc:awareness', (msg: { questionId: string; update: string }) => {
      if (msg.questionId === this.questionId) applyAwarenessUpdate(this.awareness, toBytes(msg.update), REMOTE);
    });
    this.listen('doc:refused', (msg: CollabRefusal & { questionId: string }) => {
      if (msg.questionId === this.questionId) this.refused(msg);
    });
    if (socket.connected) this.sync();
  }

  get text(): Y.Text {
    return this.doc.getText(CODE_TEXT);
  }

  private listen<A extends unknown[]>(event: string, listener: (...args: A) => void): void {
    const l = listener as unknown as (...args: never[]) => void;
    this.socket.on(event, l);
    this.listeners.push([event, l]);
  }

  /** Step 1: our state vector; the server answers with what we lack (its step 2) and its own step 1. */
  sync(): void {
    if (!this.socket.connected) return;
    this.exchanging = true;
    this.socket.emit(
      'doc:sync',
      { questionId: this.questionId, message: toWire(syncStep1(Y.encodeStateVector(this.doc))) },
      (res) => {
        this.exchanging = false;
        if (!('messages' in res)) return this.refused(res);
        for (const message of res.messages) this.receive(toBytes(message));
        if (!this.synced) {
          this.synced = true;
          this.options.onSynced?.();
        }
        // Re-announced with a new clock (which sends it): when we dropped, the server and the others
        // removed our cursor at our last clock, and a state at that same clock would be ignored.
        const cursor = this.awareness.getLocalState();
        if (cursor !== null) this.awareness.setLocalState(cursor);
      },
    );
  }

  private receive(message: Uint8Array): void {
    const read = readSyncMessage(message);
    if (read.type === 'step1') {
      // What the server lacks: our offline edits, or all of them on a first sync.
      const missing = Y.encodeStateAsUpdate(this.doc, read.stateVector);
      if (missing.length > 2) this.send(syncStep2(missing));
    } else Y.applyUpdate(this.doc, read.update, REMOTE);
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    // Before the first sync, and during any exchange, the step 2 that ends it carries everything.
    if (origin === REMOTE || !this.synced || this.exchanging) return;
    this.send(syncUpdate(update));
  };

  private send(message: Uint8Array): void {
    if (!this.socket.connected) return; // the next connect's sync exchange carries it
    this.socket.emit('doc:sync', { questionId: this.questionId, message: toWire(message) });
  }

  private readonly onLocalAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === REMOTE) return;
    const mine = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
    if (mine.length) this.sendAwareness();
  };

  private sendAwareness(): void {
    if (!this.socket.connected || !this.synced || this.awareness.getLocalState() === null) return;
    this.socket.emit('doc:awareness', {
      questionId: this.questionId,
      update: toWire(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])),
    });
  }

  private refused(res: Ack): void {
    if (!('error' in res)) return;
    // Changes sent after a throttled one build on it: their refusal is expected, and the retry heals both.
    if (res.code === 'update-out-of-step' && this.retry) return;
    this.options.onRefused?.(res);
    // Throttled: the server has not got these changes; hold further ones, and a new exchange in a
    // moment sends them all.
    if (res.code === 'too-many-updates' && !this.retry) {
      this.exchanging = true;
      this.retry = setTimeout(() => {
        this.retry = null;
        this.sync();
      }, 1_000);
    }
  }

  destroy(): void {
    if (this.retry) clearTimeout(this.retry);
    for (const [event, l] of this.listeners) this.socket.off(event, l);
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    this.awareness.destroy();
    this.doc.off('update', this.onLocalUpdate);
    this.doc.destroy();
  }
}
