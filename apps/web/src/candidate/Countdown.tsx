import { useEffect, useRef, useState } from 'react';

/** The server's remaining time and the monotonic instant it arrived: the only basis of the countdown. */
export interface ClockSync {
  remainingMs: number;
  receivedAt: number;
}

export function syncFrom(remainingMs: number | null): ClockSync | null {
  return remainingMs === null ? null : { remainingMs, receivedAt: performance.now() };
}

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * Counts down from the server's figure with performance.now(), which the user cannot set and
 * which does not jump with the wall clock; re-anchored on every state the server sends.
 */
export function Countdown({
  sync,
  label,
  onElapsed,
  said,
}: {
  sync: ClockSync;
  label: string;
  onElapsed: () => void;
  /** What the polite live region says at 5 and 1 minute left (minutes) and at the end (0). */
  said: (minutes: 5 | 1 | 0) => string;
}) {
  const [now, setNow] = useState(() => performance.now());
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;
  const left = sync.remainingMs - (now - sync.receivedAt);
  const over = left <= 0;
  const mark = milestone(left);
  const lastMark = useRef(mark);
  const [announced, setAnnounced] = useState<5 | 1 | 0 | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (over) elapsed.current();
  }, [over, sync]);
  // Only a crossing is announced (not the figure the page opens at), once; more time resets it.
  useEffect(() => {
    if (mark !== null && (lastMark.current === null || mark < lastMark.current)) setAnnounced(mark);
    lastMark.current = mark;
  }, [mark]);

  const low = left < 5 * 60_000;
  // The ticking figure is a timer, which is never live (role timer is aria-live off): a screen reader
  // reads it when asked. The milestones go to a separate polite region.
  return (
    <>
      <div
        className={`countdown${low ? ' low' : ''}`}
        role="timer"
        aria-label={label}
        data-testid="countdown"
        data-remaining-ms={Math.max(0, Math.round(left))}
      >
        <span className="muted small">{label}</span> <strong>{formatRemaining(left)}</strong>
      </div>
      <p role="status" className="visually-hidden" data-testid="time-announcement">
        {announced === null ? '' : said(announced)}
      </p>
    </>
  );
}

/** 5 within the last five minutes, 1 within the last minute, 0 at the end; null before. */
function milestone(left: number): 5 | 1 | 0 | null {
  if (left <= 0) return 0;
  if (left <= 60_000) return 1;
  return left <= 5 * 60_000 ? 5 : null;
}
