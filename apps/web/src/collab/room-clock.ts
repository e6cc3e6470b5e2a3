import type { InterviewRoomState } from '@rubricon/contracts';

/**
 * The interview timer, from the server's figures only: how long the interview had run when the
 * server sent its state (serverTime − startedAt, or endedAt − startedAt once over), plus the
 * monotonic time since that state arrived. The local wall clock is never read, so a wrong or
 * changed clock on either side cannot move the timer.
 */
export interface RoomClock {
  /** Elapsed ms at `receivedAt`. */
  elapsedMs: number;
  /** performance.now() when the state arrived. */
  receivedAt: number;
  /** False once ended: the figure stops. */
  running: boolean;
  durationMs: number;
}

export function clockOf(state: InterviewRoomState, receivedAt: number): RoomClock | null {
  if (!state.startedAt) return null;
  const started = Date.parse(state.startedAt);
  const until = Date.parse(state.endedAt ?? state.serverTime);
  if (Number.isNaN(started) || Number.isNaN(until)) return null;
  return {
    elapsedMs: Math.max(0, until - started),
    receivedAt,
    running: state.status === 'live' && !state.endedAt,
    durationMs: state.durationMinutes * 60_000,
  };
}

export function elapsedAt(clock: RoomClock, now: number): number {
  return clock.running ? clock.elapsedMs + Math.max(0, now - clock.receivedAt) : clock.elapsedMs;
}

/** ms past the planned duration (0 within it). */
export function overtimeAt(clock: RoomClock, now: number): number {
  return Math.max(0, elapsedAt(clock, now) - clock.durationMs);
}
