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
export function Countdown({ sync, label, onElapsed }: { sync: ClockSync; label: string; onElapsed: () => void }) {
  const [now, setNow] = useState(() => performance.now());
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;
  const left = sync.remainingMs - (now - sync.receivedAt);
  const over = left <= 0;

  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (over) elapsed.current();
  }, [over, sync]);

  const low = left < 5 * 60_000;
  return (
    <div
      className={`countdown${low ? ' low' : ''}`}
      role="timer"
      aria-label={label}
      data-testid="countdown"
      data-remaining-ms={Math.max(0, Math.round(left))}
    >
      <span className="muted small">{label}</span> <strong>{formatRemaining(left)}</strong>
    </div>
  );
}
