import * as Y from 'yjs';
import { CollabRooms, type CollabStore } from './rooms';
import { syncStep1, syncUpdate } from './sync-messages';
import { CODE_TEXT } from './update-check';

const memory = (): CollabStore => ({
  load: async () => ({ snapshot: null, updates: [] }),
  append: async () => undefined,
  saveSnapshot: async () => undefined,
});

describe('an update that builds on a refused one', () => {
  let rooms: CollabRooms;
  afterEach(() => rooms.close());

  it('is refused as out of step, and nothing is left pending in the room', async () => {
    rooms = new CollabRooms(memory(), { flushMs: 60_000, maxUpdateBytes: 1_000 });
    const room = await rooms.open('doc');
    const allow = () => null;
    const client = new Y.Doc();
    const out: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => out.push(u));
    client.getText(CODE_TEXT).insert(0, 'x'.repeat(2_000)); // too large: refused
    expect(rooms.sync(room, syncUpdate(out[0]), { author: 'a', from: 'c1' }, allow)).toMatchObject({
      ok: false,
      problem: 'update-too-large',
    });
    client.getText(CODE_TEXT).insert(5, 'typed after'); // builds on the refused text
    expect(rooms.sync(room, syncUpdate(out[1]), { author: 'a', from: 'c1' }, allow)).toMatchObject({
      ok: false,
      problem: 'update-out-of-step',
    });
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.text).toBe('');
    expect(room.seq).toBe(0);
    // A fresh client in step with the room still edits.
    const fresh = new Y.Doc();
    const reply = rooms.sync(room, syncStep1(Y.encodeStateVector(fresh)), { author: 'b', from: 'c2' }, allow);
    expect(reply.ok).toBe(true);
    const u: Uint8Array[] = [];
    fresh.on('update', (x: Uint8Array) => u.push(x));
    fresh.getText(CODE_TEXT).insert(0, 'ok');
    expect(rooms.sync(room, syncUpdate(u[0]), { author: 'b', from: 'c2' }, allow)).toEqual({ ok: true, reply: [] });
    expect(room.text).toBe('ok');
  });

  it('deleting what the room never had is out of step too', async () => {
    rooms = new CollabRooms(memory(), { flushMs: 60_000 });
    const room = await rooms.open('doc');
    const other = new Y.Doc();
    other.getText(CODE_TEXT).insert(0, 'never sent');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
    const before = Y.encodeStateVector(client);
    client.getText(CODE_TEXT).delete(0, 5);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(rooms.sync(room, syncUpdate(deletion), { author: 'a', from: 'c1' }, () => null)).toMatchObject({
      problem: 'update-out-of-step',
    });
    expect(room.doc.store.pendingDs).toBeNull();
  });

  it('lets the same person’s new connection take their cursor over, and nobody else', async () => {
    rooms = new CollabRooms(memory(), { flushMs: 60_000 });
    const room = await rooms.open('doc');
    const mine = new Y.Doc();
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const a = new Awareness(mine);
    a.setLocalStateField('selection', { anchor: 1 });
    const update = encodeAwarenessUpdate(a, [mine.clientID]);
    const stamp = (s: Record<string, unknown>) => s;
    expect(rooms.awareness(room, 'old-socket', update, stamp, 'alice').ok).toBe(true);
    // The old socket is not gone yet when the reconnect's cursor arrives.
    expect(rooms.awareness(room, 'new-socket', update, stamp, 'alice').ok).toBe(true);
    expect(rooms.awareness(room, 'mallory-socket', update, stamp, 'mallory')).toMatchObject({
      ok: false,
      problem: 'update-not-allowed',
    });
    // The old socket leaving does not remove the cursor its owner now keeps on the new one.
    await rooms.leave(room, 'old-socket');
    expect(room.awareness.getStates().has(mine.clientID)).toBe(true);
    a.destroy();
  });
});
