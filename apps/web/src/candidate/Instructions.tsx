import { useEffect, useState } from 'react';
import type { CandidateAttemptView } from '@rubricon/contracts';
import type { AttemptClient } from './candidate-api';
import type { CodedError } from '../i18n/errors';
import { useDocumentTitle } from './a11y';
import { useCandidateText } from './messages';

export function Instructions({
  view,
  client,
  onStarted,
}: {
  view: CandidateAttemptView;
  client: AttemptClient;
  onStarted: (v: CandidateAttemptView) => void;
}) {
  const { c, textFor } = useCandidateText();
  useDocumentTitle(c.instructions, view.title);
  // Fetched while the candidate reads, so Start shows the first question without a wait; when the
  // page is idle, so that loading it never delays a click on Start.
  useEffect(() => {
    const load = () => void import('./AttemptScreen');
    if (!('requestIdleCallback' in window)) return void setTimeout(load, 1000);
    const idle = requestIdleCallback(load, { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      onStarted(await client.start());
    } catch (e) {
      setError(e as CodedError);
      setBusy(false);
    }
  };

  return (
    <section className="card candidate-card instructions" aria-labelledby="instructions-title">
      <h1 id="instructions-title">{view.title}</h1>
      <p>{c.hello(view.candidateName)}</p>
      <p className="time-allowed">
        <strong>{c.timeAllowed(view.durationMinutes)}</strong>
      </p>
      <h2>{c.sections}</h2>
      <ul>
        {view.sections.map((s) => (
          <li key={s.kind}>
            {c.kindLabels[s.kind]}: {c.questionsCount(s.questionCount)}
          </li>
        ))}
      </ul>
      <h2>{c.rules}</h2>
      <ul className="rules">
        <li>{c.ruleTimer}</li>
        <li>{c.ruleAutosave}</li>
        <li>{c.ruleDeadline}</li>
        <li>{c.ruleIntegrity}</li>
        <li>{c.ruleKeyboard}</li>
      </ul>
      {error && (
        <p role="alert" className="error">
          {textFor(error)}
        </p>
      )}
      <button type="button" onClick={start} disabled={busy}>
        {busy ? c.starting : c.start}
      </button>
    </section>
  );
}
