import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import type { AssessmentSummary, AssessmentView } from '@rubricon/contracts';
import { api } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { formatDate } from './text';

/** The posting's assessments, newest first, and the button that generates a new draft from its duties. */
export function PostingAssessments({ postingId }: { postingId: string }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<AssessmentSummary[] | null>(null);
  const [seed, setSeed] = useState('');
  const [candidateLang, setCandidateLang] = useState<'' | 'zh' | 'en'>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<AssessmentSummary[]>(`/postings/${postingId}/assessments`).then(setItems, (e) => setError(e.message));
  }, [postingId]);

  async function generate(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: { seed?: number; lang?: 'zh' | 'en' } = {};
      if (seed.trim() !== '') body.seed = Number(seed);
      if (candidateLang) body.lang = candidateLang;
      const created = await api<AssessmentView>(`/postings/${postingId}/assessments`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      navigate(`/assessments/${created.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  const open = (id: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(`/assessments/${id}`);
  };
  return (
    <section className="card assessments-panel" aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t.assessments}</h2>
      <form className="row wrap" onSubmit={generate}>
        <label>
          {t.seed}
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
          />
        </label>
        <label>
          {t.candidateLanguage}
          <select value={candidateLang} onChange={(e) => setCandidateLang(e.target.value as '' | 'zh' | 'en')}>
            <option value="">{t.langAuto}</option>
            <option value="zh">{t.langNames.zh}</option>
            <option value="en">{t.langNames.en}</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t.generating : t.generateAssessment}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!items ? (
        !error && <p>{t.loading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t.noAssessments}</p>
      ) : (
        <div className="table-scroll">
          <table className="list-table" aria-label={t.assessments}>
            <thead>
              <tr>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.roleFamily}</th>
                <th scope="col">{t.minutes}</th>
                <th scope="col">{t.questions}</th>
                <th scope="col">{t.coverage}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <span className={`badge ${a.status}`}>{t.statusLabels[a.status]}</span>
                  </td>
                  <td>{t.familyLabels[a.roleFamily] ?? a.roleFamily}</td>
                  <td className="num">{a.durationMinutes}</td>
                  <td className="num">{a.questionCount}</td>
                  <td className="num">{a.coveragePercent}%</td>
                  <td>
                    {formatDate(a.createdAt, lang)}
                    {a.seed != null && (
                      <span className="muted small">
                        {' '}
                        · {t.seedShort} {a.seed}
                      </span>
                    )}
                  </td>
                  <td>
                    <a href={`/assessments/${a.id}`} onClick={open(a.id)}>
                      {t.open}
                      <span className="visually-hidden"> {formatDate(a.createdAt, lang)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
