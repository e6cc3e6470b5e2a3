import { describe, expect, it } from '@jest/globals';
import type { InterviewRoomState } from '@rubricon/contracts';
import { formatElapsed } from '../i18n/format';
import { clockOf, elapsedAt, overtimeAt } from './room-clock';

const state = (over: Partial<InterviewRoomState>): InterviewRoomState =>
  ({
    status: 'live',
    startedAt: '2026-12-02T10:00:00.000Z',
    endedAt: null,
    serverTime: '2026-12-02T10:05:00.000Z',
    durationMinutes: 30,
    ...over,
  }) as InterviewRoomState;

describe('room clock', () => {
  it('counts from the server time, then on by the monotonic clock, whatever the wall clock says', () => {
    const clock = clockOf(state({}), 1_000)!;
    expect(elapsedAt(clock, 1_000)).toBe(5 * 60_000);
    expect(elapsedAt(clock, 31_000)).toBe(5 * 60_000 + 30_000);
    // A monotonic reading before the state arrived (never expected) does not run the timer backwards.
    expect(elapsedAt(clock, 0)).toBe(5 * 60_000);
  });

  it('has no timer before the start and stops at the end', () => {
    expect(clockOf(state({ status: 'scheduled', startedAt: null }), 0)).toBeNull();
    const ended = clockOf(
      state({ status: 'ended', endedAt: '2026-12-02T10:20:00.000Z', serverTime: '2026-12-02T11:00:00.000Z' }),
      0,
    )!;
    expect(elapsedAt(ended, 999_999)).toBe(20 * 60_000);
  });

  it('reports overtime past the planned duration', () => {
    const clock = clockOf(state({ serverTime: '2026-12-02T10:29:00.000Z' }), 0)!;
    expect(overtimeAt(clock, 30_000)).toBe(0);
    expect(overtimeAt(clock, 90_000)).toBe(30_000);
  });

  it('formats minutes and seconds, hours when needed', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_999)).toBe('01:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('00:00');
  });
});
