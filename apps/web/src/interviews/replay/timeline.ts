import type { InterviewEventView, InterviewReplay, ReplayUpdate } from '@rubricon/contracts';

/**
 * Replay's arithmetic, free of React and of the page: the span a replay covers, the playback clock
 * (speed, skipping idle stretches), edit density for the timeline and the events around the cursor.
 * Times are server times in ms since the epoch, as the replay carries them.
 */

/** A gap between two moments of activity longer than this is idle, and "skip idle" jumps over it. */
export const IDLE_GAP_MS = 5_000;
/** Where a skip lands: this long before the next activity, so one sees it happen. */
export const SKIP_LEAD_MS = 500;
/** How long (real time, at any speed) what just happened stays on screen before an idle gap is skipped. */
export const SKIP_DWELL_MS = 1_000;
export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** The Yjs update of one log row, decoded from base64. */
export function decodeUpdate(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function decodeLog(updates: ReplayUpdate[]): { seq: number; at: number; author: string; update: Uint8Array }[] {
  return updates.map((u) => ({ seq: u.seq, at: u.at, author: u.author, update: decodeUpdate(u.update) }));
}

/**
 * The span the timeline covers: from the first event or update to the last (the interview's start
 * and end count when known). Null when nothing happened at all.
 */
export function replaySpan(replay: InterviewReplay): { start: number; end: number } | null {
  const times = activityTimes(replay);
  if (replay.startedAt) times.push(Date.parse(replay.startedAt));
  if (replay.endedAt) times.push(Date.parse(replay.endedAt));
  const known = times.filter((t) => Number.isFinite(t));
  if (!known.length) return null;
  return { start: Math.min(...known), end: Math.max(...known) };
}

/** Every moment something happened (an edit on any question, or an event), sorted. */
export function activityTimes(replay: Pick<InterviewReplay, 'logs' | 'events'>): number[] {
  const times = [
    ...Object.values(replay.logs).flatMap((log) => log.map((u) => u.at)),
    ...replay.events.map((e) => e.at),
  ];
  return times.sort((a, b) => a - b);
}

/** The index of the first time in sorted `times` that is later than `at`. */
function firstAfter(times: readonly number[], at: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ClockState {
  at: number;
  playing: boolean;
}

export interface ClockOptions {
  start: number;
  end: number;
  speed: number;
  skipIdle: boolean;
  /** Sorted activity times (activityTimes). */
  activity: readonly number[];
}

/**
 * The clock after `elapsedMs` of real time: it moves `speed` times as fast. With skipIdle, a gap of
 * more than IDLE_GAP_MS between two moments of activity is shown for SKIP_DWELL_MS of real time
 * (so one sees what just happened), then jumped to just before the next activity. At the end it
 * stops; a paused clock does not move.
 */
export function advance(state: ClockState, elapsedMs: number, options: ClockOptions): ClockState {
  if (!state.playing) return state;
  const dwell = SKIP_DWELL_MS * options.speed;
  const skip = (at: number) => (options.skipIdle ? skipIdleFrom(at, options.activity, options.end, dwell) : at);
  const at = skip(skip(state.at) + elapsedMs * options.speed);
  if (at >= options.end) return { at: options.end, playing: false };
  return { at: Math.max(at, options.start), playing: true };
}

/**
 * Where the clock goes from `at` when idle stretches are skipped: unchanged outside an idle gap,
 * within `dwellMs` of the last activity, or when the next activity is near; else just before the
 * next activity (or the end when none follows).
 */
export function skipIdleFrom(at: number, activity: readonly number[], end: number, dwellMs = 0): number {
  const next = firstAfter(activity, at);
  const nextAt = next < activity.length ? activity[next] : end;
  const previous = next > 0 ? activity[next - 1] : -Infinity;
  if (nextAt - previous <= IDLE_GAP_MS || at - previous < dwellMs || nextAt - at <= SKIP_LEAD_MS) return at;
  return nextAt - SKIP_LEAD_MS;
}

/** Play from where the cursor is, or from the start again when it stands at the end. */
export function play(state: ClockState, span: { start: number; end: number }): ClockState {
  return { at: state.at >= span.end ? span.start : state.at, playing: true };
}

export interface DensityBucket {
  /** Edits in this slice of the span. */
  count: number;
  /** Who made most of them (a participant id), null when none. */
  author: string | null;
}

/** Edits per slice of the span, `buckets` slices, each with who made most of them. */
export function editDensity(
  updates: readonly Pick<ReplayUpdate, 'at' | 'author'>[],
  span: { start: number; end: number },
  buckets: number,
): DensityBucket[] {
  const counts = Array.from({ length: buckets }, () => new Map<string, number>());
  const width = Math.max(1, span.end - span.start);
  for (const u of updates) {
    const i = Math.min(buckets - 1, Math.max(0, Math.floor(((u.at - span.start) / width) * buckets)));
    counts[i].set(u.author, (counts[i].get(u.author) ?? 0) + 1);
  }
  return counts.map((byAuthor) => {
    let author: string | null = null;
    let best = 0;
    let count = 0;
    for (const [who, n] of byAuthor) {
      count += n;
      if (n > best) [author, best] = [who, n];
    }
    return { count, author };
  });
}

/** The events around the cursor: up to `before` at or before it (latest last) and `after` following. */
export function eventsAround(
  events: readonly InterviewEventView[],
  at: number,
  before = 6,
  after = 3,
): { past: InterviewEventView[]; next: InterviewEventView[] } {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const split = firstAfter(
    sorted.map((e) => e.at),
    at,
  );
  return { past: sorted.slice(Math.max(0, split - before), split), next: sorted.slice(split, split + after) };
}

/** The question on screen at `at`: the one revealed last by then, if any. */
export function revealedQuestionAt(events: readonly InterviewEventView[], at: number): string | null {
  let current: string | null = null;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.at > at) break;
    if (e.kind === 'reveal' && e.questionId) current = e.questionId;
  }
  return current;
}
