import { useState } from 'react';
import type { CandidateCustomRunResult } from '@rubricon/contracts';
import { useCandidateText } from './messages';
import { RunOutput } from './RunResults';

/**
 * "Run with your own input", beside the examples: the candidate writes a JSON value, their code
 * runs on it (solve(input)) and they see what it returned, logged or threw. No expected value, so
 * no pass or fail.
 */
export function CustomRun({
  questionId,
  initialInput,
  busy,
  onRun,
}: {
  questionId: string;
  initialInput: unknown;
  busy: boolean;
  onRun: (input: unknown) => Promise<CandidateCustomRunResult | null>;
}) {
  const { c } = useCandidateText();
  const [text, setText] = useState(() => JSON.stringify(initialInput ?? null));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [result, setResult] = useState<CandidateCustomRunResult | null>(null);
  const id = `custom-${questionId}`;

  const run = async () => {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (e) {
      setInvalid((e as Error).message);
      return;
    }
    setInvalid(null);
    setResult(await onRun(input));
  };

  return (
    <section className="custom-run" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{c.customTitle}</h3>
      <label htmlFor={id}>{c.customLabel}</label>
      <textarea
        id={id}
        className="json-input"
        rows={3}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      {invalid && (
        <p id={`${id}-error`} className="error small" role="alert">
          {c.customInvalid(invalid)}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void run()} disabled={busy}>
        {busy ? c.running : c.customRun}
      </button>
      <div aria-live="polite" data-testid="custom-result">
        {result && (
          <div className={`custom-result ${result.verdict === 'ok' ? 'pass' : 'fail'}`}>
            <p>
              <strong>{c.customResult}</strong> · {c.verdicts[result.verdict]} ·{' '}
              <span className="small muted">{result.durationMs} ms</span>
            </p>
            <RunOutput output={result.output} error={result.error} logs={result.logs} />
          </div>
        )}
      </div>
    </section>
  );
}
