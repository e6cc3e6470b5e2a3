import { useState } from 'react';
import type { CodedError } from '../i18n/errors';
import { useFocusHere } from './a11y';
import { pick } from './candidate-api';
import { useCandidateText } from './messages';
import type { Unanswered } from './unanswered';

/**
 * The final submit, behind a confirmation that lists the questions still without an answer (each
 * opens its question) and says what is unsaved.
 */
export function SubmitBar({
  confirming,
  onConfirming,
  pendingCount,
  unanswered,
  total,
  onOpen,
  onSubmit,
}: {
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  pendingCount: number;
  unanswered: Unanswered[];
  total: number;
  onOpen: (index: number) => void;
  onSubmit: () => Promise<void>;
}) {
  const { c, textFor } = useCandidateText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (e) {
      setError(e as CodedError);
      setBusy(false);
    }
  };

  return (
    <footer className="submit-bar">
      {error && (
        <p role="alert" className="error">
          {textFor(error)}
        </p>
      )}
      {!confirming ? (
        <button type="button" onClick={() => onConfirming(true)}>
          {c.submitAll}
        </button>
      ) : (
        <Confirmation
          pendingCount={pendingCount}
          unanswered={unanswered}
          total={total}
          busy={busy}
          onOpen={onOpen}
          onSubmit={() => void submit()}
          onCancel={() => onConfirming(false)}
        />
      )}
    </footer>
  );
}

function Confirmation({
  pendingCount,
  unanswered,
  total,
  busy,
  onOpen,
  onSubmit,
  onCancel,
}: {
  pendingCount: number;
  unanswered: Unanswered[];
  total: number;
  busy: boolean;
  onOpen: (index: number) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { c, lang } = useCandidateText();
  const heading = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="confirm" aria-labelledby="confirm-title" data-testid="submit-confirmation">
      <h2 id="confirm-title" tabIndex={-1} ref={heading}>
        {c.confirmTitle}
      </h2>
      <p>{c.submitConfirm}</p>
      {unanswered.length > 0 ? (
        <>
          <p className="warn-text" id="unanswered-title">
            <strong>{c.unansweredList(unanswered.length)}</strong>
          </p>
          <ul aria-labelledby="unanswered-title" data-testid="unanswered">
            {unanswered.map(({ number, question }) => (
              <li key={question.id}>
                <button type="button" className="link" onClick={() => onOpen(number - 1)}>
                  {c.unansweredItem(c.questionShort(number, total), pick(question.title, lang))}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="small">{c.allAnswered}</p>
      )}
      {pendingCount > 0 && <p className="small">{c.unsavedWarning(pendingCount)}</p>}
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={onSubmit}>
          {busy ? c.submitting : c.confirmSubmit}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </section>
  );
}
