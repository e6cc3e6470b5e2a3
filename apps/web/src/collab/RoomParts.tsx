import type { InterviewRoomState, InterviewRunResult } from '@rubricon/contracts';
import { useEffect, useState } from 'react';
import { formatElapsed } from '../i18n/format';
import { elapsedAt, overtimeAt, type RoomClock } from './room-clock';
import type { RoomRun } from './room-connection';

/**
 * The room's pieces both sides show the same way, in plain HTML (the candidate page has no antd):
 * who is here, the timer, the shared run output. Each page passes its own words.
 */

export function Participants({
  participants,
  label,
  onlineText,
  offlineText,
  youText,
  youId,
}: {
  participants: InterviewRoomState['participants'];
  label: string;
  onlineText: string;
  offlineText: string;
  youText: string;
  youId: string;
}) {
  return (
    <ul className="room-participants" aria-label={label} data-testid="participants">
      {participants.map((p) => (
        <li key={p.id} data-online={p.online}>
          <span className="participant-colour" style={{ background: p.colour }} aria-hidden />
          <span className="participant-name" title={p.name}>
            {p.name}
            {p.id === youId && ` (${youText})`}
          </span>
          <span
            className={`online-dot${p.online ? ' on' : ''}`}
            role="img"
            aria-label={p.online ? onlineText : offlineText}
          />
        </li>
      ))}
    </ul>
  );
}

/** Elapsed time against the planned duration, from the server's clock (room-clock.ts); overtime stands out. */
export function RoomTimer({
  clock,
  label,
  ofText,
  overtimeText,
}: {
  clock: RoomClock | null;
  label: string;
  /** "of 45 min". */
  ofText: string;
  /** "+03:10 over". */
  overtimeText: (over: string) => string;
}) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!clock?.running) return;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [clock]);
  if (!clock) return null;
  const elapsed = elapsedAt(clock, now);
  const over = overtimeAt(clock, now);
  return (
    <div
      className={`room-timer${over > 0 ? ' over' : ''}`}
      role="timer"
      aria-label={label}
      data-testid="room-timer"
      data-elapsed-ms={Math.round(elapsed)}
    >
      <span className="small muted">{label}</span> <strong>{formatElapsed(elapsed)}</strong>{' '}
      <span className="small muted">{ofText}</span>
      {over > 0 && <span className="overtime"> {overtimeText(formatElapsed(over))}</span>}
    </div>
  );
}

export interface RunLabels {
  title: string;
  running: string;
  ranBy: (name: string) => string;
  example: (n: number) => string;
  passed: string;
  failed: string;
  output: string;
  error: string;
  logs: string;
  customResult: string;
  verdicts: Record<string, string>;
  /** A run the server could not do (mode error), worded by its code. */
  refusal: (error: { message: string; code: string }) => string;
}

/** The latest run of the question on screen, the same for everyone in the room. */
export function RunView({
  run,
  whoName,
  t,
}: {
  run: RoomRun | undefined;
  whoName: (id: string) => string;
  t: RunLabels;
}) {
  return (
    <section className="room-run" aria-live="polite" aria-label={t.title} data-testid="run-output">
      {run && (
        <>
          <p className="small muted">
            {t.ranBy(whoName(run.by))}
            {!run.result && ` · ${t.running}`}
          </p>
          {run.result && <RunResult result={run.result.result} t={t} />}
        </>
      )}
    </section>
  );
}

function RunResult({ result, t }: { result: InterviewRunResult['result']; t: RunLabels }) {
  if (result.mode === 'error')
    return (
      <p role="alert" className="error">
        {t.refusal({ message: result.error, code: result.code })}
      </p>
    );
  if (result.mode === 'custom')
    return (
      <div className={`run-test ${result.verdict === 'ok' ? 'pass' : 'fail'}`} data-testid="run-custom">
        <p>
          <strong>{t.customResult}</strong> · {t.verdicts[result.verdict] ?? result.verdict} ·{' '}
          <span className="small muted">{result.durationMs} ms</span>
        </p>
        <Output output={result.output} error={result.error} logs={result.logs} t={t} />
      </div>
    );
  return (
    <ol className="run-tests" data-testid="run-tests">
      {result.tests.map((test, i) => (
        <li key={i} className={`run-test ${test.passed ? 'pass' : 'fail'}`}>
          <p>
            <strong>{t.example(i + 1)}</strong> · {test.passed ? `✓ ${t.passed}` : `✗ ${t.failed}`} ·{' '}
            <span className="small muted">
              {/^(passed|failed)$/.test(test.verdict) ? '' : `${t.verdicts[test.verdict] ?? test.verdict} · `}
              {test.durationMs} ms
            </span>
          </p>
          <Output output={test.output} error={test.error} logs={test.logs} t={t} />
        </li>
      ))}
    </ol>
  );
}

function Output({ output, error, logs, t }: { output?: string; error?: string; logs?: string[]; t: RunLabels }) {
  return (
    <>
      {output !== undefined && (
        <div>
          <span className="small muted">{t.output}</span>
          <pre className="run-pre">{output}</pre>
        </div>
      )}
      {error && (
        <div>
          <span className="small muted">{t.error}</span>
          <pre className="run-pre run-error">{error}</pre>
        </div>
      )}
      {logs && logs.length > 0 && (
        <div>
          <span className="small muted">{t.logs}</span>
          <pre className="run-pre">{logs.join('\n')}</pre>
        </div>
      )}
    </>
  );
}
