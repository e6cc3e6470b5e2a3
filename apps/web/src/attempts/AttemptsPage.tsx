import { useCallback, useEffect, useState } from 'react';
import type { AttemptSummary, InvitationLink } from '@rubricon/contracts';
import { api } from '../api';
import { navigate } from '../router';
import { AttemptsTable } from './AttemptsTable';
import { InviteForm } from './InviteForm';
import { useAttemptsText } from './messages';
import { NewLinks } from './NewLinks';
import './attempts.css';

export function AttemptsPage({ assessmentId }: { assessmentId: string }) {
  const { h } = useAttemptsText();
  const [attempts, setAttempts] = useState<AttemptSummary[] | null>(null);
  const [links, setLinks] = useState<InvitationLink[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () => api<AttemptSummary[]>(`/assessments/${assessmentId}/attempts`).then(setAttempts, (e) => setError(e.message)),
    [assessmentId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (path: string) => {
    setError(null);
    try {
      const res = await api<AttemptSummary | InvitationLink>(path, { method: 'POST' });
      if ('url' in res) setLinks((prev) => [res, ...prev]);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const back = `/assessments/${assessmentId}`;
  return (
    <article className="attempts-page">
      <a
        href={back}
        onClick={(e) => {
          e.preventDefault();
          navigate(back);
        }}
      >
        ← {h.backToAssessment}
      </a>
      <h1>{h.candidatesAndAttempts}</h1>
      {error && (
        <p role="alert" className="error alert-bar">
          {error}
        </p>
      )}
      <InviteForm
        assessmentId={assessmentId}
        onCreated={(created) => {
          setLinks((prev) => [...created, ...prev]);
          void load();
        }}
      />
      <NewLinks links={links} />
      <h2>{h.attempts}</h2>
      {!attempts ? (
        <p>{h.loading}</p>
      ) : (
        <AttemptsTable
          attempts={attempts}
          onRevoke={(a) => act(`/invitations/${a.invitationId}/revoke`)}
          onResend={(a) => act(`/invitations/${a.invitationId}/resend`)}
        />
      )}
    </article>
  );
}
