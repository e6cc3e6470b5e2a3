/**
 * DocReplay against recorded sessions: the code it rebuilds after n updates, or at a moment, is the
 * code the server's document held then (captured live through onUpdate), for any checkpoint spacing.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { DocClient } from './doc-client';
import { DocReplay, type ReplayEntry } from './replay';
import { CollabRooms } from './rooms';
import { syncUpdate } from './sync-messages';
import { LoopbackServer, MemoryStore, seededRng, type Rng } from './testing/loopback';
import { CODE_TEXT } from './update-check';

const Q = 'q1';
const pieces = ['a', 'bc', '中文', '\r\n', ' ', 'return x;', '{', '}', '变量'];

interface Recording {
  log: ReplayEntry[];
  /** The server's text right after each logged update: texts[n - 1] after the n-th. */
  texts: string[];
  times: number[];
}

/** Several clients typing through the loopback for a while; the log as the store kept it. */
async function recordLiveSession(rng: Rng, clients: number, edits: number): Promise<Recording> {
  const server = new LoopbackServer({ rng, init: (doc) => doc.getText(CODE_TEXT).insert(0, '// 题目\r\n') });
  const sockets = Array.from({ length: clients }, (_, i) => server.socket({ user: `u${i}` }));
  const docs = sockets.map((s) => new DocClient(s, Q));
  sockets.forEach((s) => s.connect());
  for (let i = 0; i < edits; i++) {
    const who = Math.floor(rng() * clients);
    const roll = rng();
    const where = rng();
    server.clock.at(Math.floor(rng() * edits * 3), () => {
      const t = docs[who].text;
      const at = Math.floor(where * (t.length + 1));
      if (roll < 0.7 || t.length === 0) t.insert(at, pieces[Math.floor(roll * 100) % pieces.length]);
      else t.delete(Math.min(at, t.length - 1), 1 + Math.floor(roll * 4));
    });
    if (i % 40 === 39) server.clock.at(i * 3, () => void server.rooms.flush());
  }
  try {
    await server.run();
    await server.rooms.flush();
    for (const d of docs) expect(d.text.toString()).toBe(server.text(Q));
    return {
      log: server.store.entries(Q),
      texts: server.applied.map((a) => a.text),
      times: server.applied.map((a) => a.at),
    };
  } finally {
    docs.forEach((d) => d.destroy());
    await server.close();
  }
}

/** The text after the last update at or before `t`. */
function expectedAt(r: Recording, t: number): string {
  let n = 0;
  while (n < r.times.length && r.times[n] <= t) n++;
  return n === 0 ? '' : r.texts[n - 1];
}

/** Cleanups that must run even when an assertion fails (an open room keeps an interval running). */
const afterThis: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of afterThis.splice(0)) await cleanup();
});

describe('DocReplay', () => {
  it('textAfter(n) is the server text after n logged updates, for small and large checkpoint spacing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer({ min: 2, max: 3 }), async (seed, clients) => {
        const r = await recordLiveSession(seededRng(seed), clients, 60);
        expect(r.log.map((e) => e.seq)).toEqual(r.texts.map((_, i) => i + 1));
        expect(r.log[0].author).toBe('system');
        const shuffled = [...r.log].reverse(); // order comes from seq, not from the array
        for (const every of [7, 1_000]) {
          const replay = new DocReplay(shuffled, every);
          expect(replay.textAfter(0)).toBe('');
          for (let n = 1; n <= r.log.length; n++)
            expect([every, n, replay.textAfter(n)]).toEqual([every, n, r.texts[n - 1]]);
          expect(replay.textAfter(r.log.length + 5)).toBe(r.texts.at(-1));
          expect(replay.textAfter(-1)).toBe('');
        }
      }),
      { numRuns: 12 },
    );
  }, 30_000);

  it('textAt(time) is the text as it stood at that moment', async () => {
    const r = await recordLiveSession(seededRng(42), 3, 80);
    expect(r.log.map((e) => e.at)).toEqual(r.times);
    expect(new Set(r.times).size).toBeLessThan(r.times.length); // some updates share a millisecond
    const replay = new DocReplay(r.log, 7);
    const first = r.times[0];
    const last = r.times.at(-1)!;
    expect(replay.textAt(first - 1)).toBe('');
    for (let t = first; t <= last + 1; t++) expect([t, replay.textAt(t)]).toEqual([t, expectedAt(r, t)]);
    expect(replay.countAt(last)).toBe(r.log.length);
  }, 30_000);

  it('seeks far into a 3,000-update log from the nearest checkpoint, not from the start', async () => {
    const store = new MemoryStore();
    let now = 0;
    const seeks = [1, 200, 1_500, 2_501, 2_801, 2_999, 3_000];
    const texts = new Map<number, string>(); // the server's text after the n-th update, for n in seeks
    const rooms = new CollabRooms(store, {
      flushMs: 1_000_000_000,
      now: () => now,
      onUpdate: (docKey) => {
        const room = rooms.get(docKey)!;
        if (seeks.includes(room.seq)) texts.set(room.seq, room.text);
      },
    });
    const room = await rooms.open(Q);
    afterThis.push(() => rooms.close());
    const editor = new Y.Doc();
    const out: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => out.push(u));
    const rng = seededRng(3);
    for (let i = 0; i < 3_000; i++) {
      now += 1 + Math.floor(rng() * 5);
      const t = editor.getText(CODE_TEXT);
      const at = Math.floor(rng() * (t.length + 1));
      if (i % 5 === 4 && t.length > 0) t.delete(Math.min(at, t.length - 1), 1);
      else t.insert(at, pieces[i % pieces.length]);
      if (!rooms.sync(room, syncUpdate(out.pop()!), { author: 'a' }, () => null).ok) throw new Error(`refused #${i}`);
    }
    await rooms.flush();
    const log = store.entries(Q);
    expect(log).toHaveLength(3_000);

    const replay = new DocReplay(log, 200);
    expect(texts.size).toBe(seeks.length);
    for (const n of seeks) expect([n, replay.textAfter(n)]).toEqual([n, texts.get(n)]);
    expect(replay.textAt(log[2_500].at)).toBe(texts.get(2_501));
    // Break every update before the last checkpoint: a seek past it must not need them.
    for (const e of replay.entries.slice(0, 2_800)) e.update = new Uint8Array([255, 255, 255]);
    expect(replay.textAfter(2_999)).toBe(texts.get(2_999));
    expect(replay.textAfter(3_000)).toBe(editor.getText(CODE_TEXT).toString());
    editor.destroy();
  }, 30_000);
});
