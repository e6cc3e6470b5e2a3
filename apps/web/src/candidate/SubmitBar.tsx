import { useState } from 'react';
import type { CodedError } from './error-messages';
import { useCandidateText } from './messages';

/** The final submit, behind a confirmation that says what is still unsaved. */
export function SubmitBar({ pendingCount, onSubmit }: { pendingCount: number; onSubmit: () => Promise<void> }) {
  const { c, textFor } = useCandidateText();
  const [confirming, setConfirming] = useState(false);
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
        <button type="button" onClick={() => setConfirming(true)}>
          {c.submitAll}
        </button>
      ) : (
        <div role="group" aria-label={c.submitAll} className="confirm">
          <p>{c.submitConfirm}</p>
          {pendingCount > 0 && <p className="small">{c.unsavedWarning(pendingCount)}</p>}
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={submit} autoFocus>
              {busy ? c.submitting : c.confirmSubmit}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {c.cancel}
            </button>
          </div>
        </div>
      )}
    </footer>
  );
}
