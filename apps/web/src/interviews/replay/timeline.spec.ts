import { formatElapsed } from '../../i18n/format';
import { describe, expect, it } from '@jest/globals';
import { CODE_TEXT, DocReplay } from '@rubricon/collab';
import type { InterviewEventView, InterviewReplay, ReplayUpdate } from '@rubricon/contracts';
import * as Y from 'yjs';
import {
  activityTimes,
  advance,
  decodeLog,
  editDensity,
  eventsAround,
  IDLE_GAP_MS,
  play,
  replaySpan,
  revealedQuestionAt,
  skipIdleFrom,
  SKIP_DWELL_MS,
  SKIP_LEAD_MS,
  type ClockOptions,
} from './timeline';

const T0 = Date.UTC(2026, 11, 2, 10, 0, 0);

/** A log as the API sends it: each edit a Yjs update in base64. */
function typedLog(steps: { at: number; author: string; insert: string }[]): ReplayUpdate[] {
  const doc = new Y.Doc();
  const log: ReplayUpdate[] = [];
  doc.on('update', (update: Uint8Array) => {
    const step = steps[log.length];
    log.push({ seq: log.length + 1, at: step.at, author: step.author, update: btoa(String.fromCharCode(...update)) });
  });
  for (const step of steps) doc.getText(CODE_TEXT).insert(doc.getText(CODE_TEXT).length, step.insert);
  return log;
}

const events: InterviewEventView[] = [
  { at: T0, kind: 'start', actor: 'u1' },
  { at: T0 + 1_000, kind: 'reveal', actor: 'u1', questionId: 'q1' },
  { at: T0 + 60_000, kind: 'reveal', actor: 'u1', questionId: 'q2' },
  { at: T0 + 120_000, kind: 'end', actor: 'u1' },
];
const log = typedLog([
  { at: T0 + 2_000, author: 'candidate', insert: 'function ' },
  { at: T0 + 3_000, author: 'candidate', insert: 'solve() {}' },
  { at: T0 + 40_000, author: 'u1', insert: '\n// ok' },
]);
const replay: InterviewReplay = {
  interviewId: 'i1',
  status: 'ended',
  startedAt: new Date(T0).toISOString(),
  endedAt: new Date(T0 + 120_000).toISOString(),
  participants: [],
  questions: [],
  logs: { q1: log, q2: [] },
  events,
};

describe('replay timeline', () => {
  it('covers the first to the last moment, and nothing when nothing happened', () => {
    expect(replaySpan(replay)).toEqual({ start: T0, end: T0 + 120_000 });
    expect(replaySpan({ ...replay, startedAt: null, endedAt: null, logs: {}, events: [] })).toBeNull();
    expect(activityTimes(replay)).toEqual([
      T0,
      T0 + 1_000,
      T0 + 2_000,
      T0 + 3_000,
      T0 + 40_000,
      T0 + 60_000,
      T0 + 120_000,
    ]);
  });

  it('decodes the base64 log so DocReplay rebuilds the code at any moment', () => {
    const doc = new DocReplay(decodeLog(log));
    expect(doc.textAt(T0 + 1_999)).toBe('');
    expect(doc.textAt(T0 + 2_500)).toBe('function ');
    expect(doc.textAt(T0 + 39_000)).toBe('function solve() {}');
    expect(doc.textAt(T0 + 120_000)).toBe('function solve() {}\n// ok');
  });

  const options: ClockOptions = {
    start: T0,
    end: T0 + 120_000,
    speed: 1,
    skipIdle: false,
    activity: activityTimes(replay),
  };

  it('moves at the chosen speed, stops at the end, and a paused clock stays', () => {
    expect(advance({ at: T0, playing: true }, 1_000, options)).toEqual({ at: T0 + 1_000, playing: true });
    expect(advance({ at: T0, playing: true }, 1_000, { ...options, speed: 8 })).toEqual({
      at: T0 + 8_000,
      playing: true,
    });
    expect(advance({ at: T0 + 119_500, playing: true }, 1_000, options)).toEqual({ at: T0 + 120_000, playing: false });
    expect(advance({ at: T0 + 5, playing: false }, 1_000, options)).toEqual({ at: T0 + 5, playing: false });
    expect(play({ at: T0 + 120_000, playing: false }, options)).toEqual({ at: T0, playing: true });
    expect(play({ at: T0 + 50, playing: false }, options)).toEqual({ at: T0 + 50, playing: true });
  });

  it('skips idle gaps longer than IDLE_GAP_MS to just before the next activity, after a dwell', () => {
    const activity = options.activity;
    // 3 s → 40 s is idle: the clock lands half a second before the edit at 40 s.
    expect(skipIdleFrom(T0 + 3_000, activity, options.end)).toBe(T0 + 40_000 - SKIP_LEAD_MS);
    expect(skipIdleFrom(T0 + 20_000, activity, options.end)).toBe(T0 + 40_000 - SKIP_LEAD_MS);
    // Within the dwell after the last activity, or close to the next one, nothing changes.
    expect(skipIdleFrom(T0 + 3_000, activity, options.end, 1_000)).toBe(T0 + 3_000);
    expect(skipIdleFrom(T0 + 40_000 - SKIP_LEAD_MS, activity, options.end)).toBe(T0 + 40_000 - SKIP_LEAD_MS);
    // A gap of IDLE_GAP_MS or less (1 s → 2 s) is not idle.
    expect(IDLE_GAP_MS).toBeGreaterThan(1_000);
    expect(skipIdleFrom(T0 + 1_500, activity, options.end)).toBe(T0 + 1_500);
    // Nothing follows the last activity but the end.
    expect(skipIdleFrom(T0 + 120_000, activity, options.end)).toBe(T0 + 120_000);

    const skipping = { ...options, skipIdle: true };
    // Right after the edit at 3 s the clock dwells (SKIP_DWELL_MS real time), then jumps.
    expect(advance({ at: T0 + 3_000, playing: true }, 100, skipping).at).toBe(T0 + 3_100);
    expect(SKIP_DWELL_MS).toBe(1_000);
    expect(advance({ at: T0 + 4_000, playing: true }, 100, skipping).at).toBe(T0 + 40_000 - SKIP_LEAD_MS + 100);
    // At 8× the dwell is 8 s of replay time, still one real second.
    expect(advance({ at: T0 + 10_000, playing: true }, 100, { ...skipping, speed: 8 }).at).toBe(T0 + 10_800);
    expect(advance({ at: T0 + 11_000, playing: true }, 100, { ...skipping, speed: 8 }).at).toBe(
      T0 + 40_000 - SKIP_LEAD_MS + 800,
    );
    // Without skipping the same tick moves only 100 ms.
    expect(advance({ at: T0 + 4_000, playing: true }, 100, options).at).toBe(T0 + 4_100);
  });

  it('writes elapsed time as mm:ss, h:mm:ss past an hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_999)).toBe('01:05');
    expect(formatElapsed(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatElapsed(-5)).toBe('00:00');
  });

  it('counts edits per slice with the author who made most of them', () => {
    const density = editDensity(log, { start: T0, end: T0 + 120_000 }, 4);
    expect(density).toEqual([
      { count: 2, author: 'candidate' },
      { count: 1, author: 'u1' },
      { count: 0, author: null },
      { count: 0, author: null },
    ]);
  });

  it('lists the events around the cursor and knows which question was on screen', () => {
    const around = eventsAround(events, T0 + 30_000, 1, 1);
    expect(around.past.map((e) => e.kind)).toEqual(['reveal']);
    expect(around.past[0].questionId).toBe('q1');
    expect(around.next.map((e) => e.questionId)).toEqual(['q2']);
    expect(revealedQuestionAt(events, T0 + 500)).toBeNull();
    expect(revealedQuestionAt(events, T0 + 30_000)).toBe('q1');
    expect(revealedQuestionAt(events, T0 + 90_000)).toBe('q2');
  });
});
