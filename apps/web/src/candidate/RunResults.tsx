import type { CandidateHiddenRunResult, CandidateVisibleRunResult } from '@rubricon/contracts';
import { useCandidateText } from './messages';

/** What one run of solve gave: its return value, its error, its console lines. */
export function RunOutput({ output, error, logs }: { output?: string; error?: string; logs?: string[] }) {
  const { c } = useCandidateText();
  return (
    <>
      {output !== undefined && (
        <div>
          <span className="small muted">{c.output}</span>
          <pre className="code">{output}</pre>
        </div>
      )}
      {error && (
        <div>
          <span className="small muted">{c.error}</span>
          <pre className="code error">{error}</pre>
        </div>
      )}
      {logs && logs.length > 0 && (
        <div>
          <span className="small muted">{c.logs}</span>
          <pre className="code">{logs.join('\n')}</pre>
        </div>
      )}
    </>
  );
}

/** Visible runs show each example in full; hidden runs show the count only, by design. */
export function RunResults({
  visible,
  hidden,
}: {
  visible: CandidateVisibleRunResult | null;
  hidden: CandidateHiddenRunResult | null;
}) {
  const { c } = useCandidateText();
  return (
    <div aria-live="polite" className="run-results">
      {hidden && (
        <p className={`hidden-result ${hidden.passed === hidden.total ? 'pass' : 'fail'}`} data-testid="hidden-result">
          {c.hiddenResult(hidden.passed, hidden.total)}
        </p>
      )}
      {visible && (
        <ol className="test-results" data-testid="visible-results">
          {visible.tests.map((t, i) => (
            <li key={i} className={t.passed ? 'pass' : 'fail'}>
              <p>
                <strong>{c.example(i + 1)}</strong> · {t.passed ? `✓ ${c.passed}` : `✗ ${c.failed}`} ·{' '}
                <span className="small muted" data-testid="verdict">
                  {/^(passed|failed)$/.test(t.verdict) ? '' : `${c.verdicts[t.verdict] ?? t.verdict} · `}
                  {t.durationMs} ms
                </span>
              </p>
              <RunOutput output={t.output} error={t.error} logs={t.logs} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
