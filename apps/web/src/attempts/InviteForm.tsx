import { useState, type FormEvent } from 'react';
import type { InvitationLink, InviteCandidatesRequest } from '@rubricon/contracts';
import { api } from '../api';
import { useAttemptsText } from './messages';

type Row = { name: string; email: string };

/** Name + email rows or a CSV upload; either way the API answers with the new links. */
export function InviteForm({
  assessmentId,
  onCreated,
}: {
  assessmentId: string;
  onCreated: (links: InvitationLink[]) => void;
}) {
  const { h } = useAttemptsText();
  const [rows, setRows] = useState<Row[]>([{ name: '', email: '' }]);
  const [days, setDays] = useState(7);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (request: () => Promise<InvitationLink[]>, reset: () => void) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await request());
      reset();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const submitRows = (e: FormEvent) => {
    e.preventDefault();
    const candidates = rows
      .map((r) => ({ name: r.name.trim(), email: r.email.trim() }))
      .filter((r) => r.name || r.email);
    const body: InviteCandidatesRequest = { candidates, expiresInDays: days };
    void send(
      () =>
        api<InvitationLink[]>(`/assessments/${assessmentId}/invitations`, {
          method: 'POST',
          body: JSON.stringify(body),
        }),
      () => setRows([{ name: '', email: '' }]),
    );
  };

  const submitCsv = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    void send(
      () => api<InvitationLink[]>(`/assessments/${assessmentId}/invitations/csv`, { method: 'POST', body: form }),
      () => setFile(null),
    );
  };

  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="card invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{h.invite}</h2>
      <p className="small muted">{h.inviteHint}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form onSubmit={submitRows}>
        {rows.map((row, i) => (
          <div className="row wrap invite-row" key={i}>
            <label className="grow">
              {h.name}
              <input required value={row.name} onChange={(e) => update(i, { name: e.target.value })} />
            </label>
            <label className="grow">
              {h.email}
              <input required type="email" value={row.email} onChange={(e) => update(i, { email: e.target.value })} />
            </label>
            {rows.length > 1 && (
              <button
                type="button"
                className="secondary"
                aria-label={h.removeRow(i + 1)}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </div>
        ))}
        <div className="row wrap">
          <button type="button" className="secondary" onClick={() => setRows([...rows, { name: '', email: '' }])}>
            {h.addRow}
          </button>
          <label className="row">
            {h.expiresInDays}
            <input
              type="number"
              min={1}
              max={60}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
              style={{ width: '5rem' }}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? h.creating : h.sendInvitations}
          </button>
        </div>
      </form>
      <form onSubmit={submitCsv} className="row wrap csv">
        <label>
          {h.orCsv}
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label={h.csvFile}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" className="secondary" disabled={busy || !file}>
          {h.uploadCsv}
        </button>
      </form>
    </section>
  );
}
