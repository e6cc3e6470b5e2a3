import { useCallback, useEffect, useState } from 'react';
import type { AssessmentView } from '@rubricon/contracts';
import { api } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { AttemptsLink } from '../attempts/AttemptsLink';
import { AddQuestion } from './AddQuestion';
import { CoverageMatrix } from './CoverageMatrix';
import { DurationField } from './DurationField';
import { QuestionCard } from './QuestionCard';
import { formatDate, questionNumbers } from './text';

/** Runs one change against the API; the answer is always the whole, recomputed assessment. */
export type RunChange = (change: () => Promise<AssessmentView>) => Promise<boolean>;

export function AssessmentPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<AssessmentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    setView(null);
    api<AssessmentView>(`/assessments/${id}`).then(setView, (e) => setError(e.message));
  }, [id]);

  const run = useCallback<RunChange>(async (change) => {
    setBusy(true);
    setError(null);
    try {
      setView(await change());
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const alert = error && (
    <p role="alert" className="error alert-bar">
      {error}
    </p>
  );
  if (!view) return alert || <p>{t.loading}</p>;

  const draft = view.status === 'draft';
  const numbers = questionNumbers(view);
  const questionMinutes = view.sections.flatMap((s) => s.questions).reduce((sum, q) => sum + q.minutes, 0);
  const post = (path: string, body?: unknown) => () =>
    api<AssessmentView>(`/assessments/${id}${path}`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const publish = async () => {
    if (await run(post('/publish'))) setConfirming(false);
  };

  return (
    <article className="assessment" aria-busy={busy}>
      <a
        href={`/postings/${view.postingId}`}
        onClick={(e) => {
          e.preventDefault();
          navigate(`/postings/${view.postingId}`);
        }}
      >
        ← {t.backToPosting}
      </a>
      <div className="row wrap">
        <h1>{t.assessmentOf(view.postingTitle)}</h1>
        <span className={`badge ${view.status}`}>{t.statusLabels[view.status]}</span>
        {view.status === 'published' && <AttemptsLink assessmentId={id} />}
      </div>
      {alert}
      <dl className="facts">
        <dt>{t.roleFamily}</dt>
        <dd>{t.familyLabels[view.roleFamily] ?? view.roleFamily}</dd>
        <dt>{draft ? <label htmlFor="duration">{t.durationMinutes}</label> : t.durationMinutes}</dt>
        <dd>
          {draft ? (
            <DurationField
              id="duration"
              value={view.durationMinutes}
              disabled={busy}
              onSave={(durationMinutes) =>
                run(() =>
                  api<AssessmentView>(`/assessments/${id}`, {
                    method: 'PATCH',
                    body: JSON.stringify({ durationMinutes }),
                  }),
                )
              }
            />
          ) : (
            view.durationMinutes
          )}
          <span className="muted small"> · {t.questionMinutes(questionMinutes)}</span>
        </dd>
        <dt>{t.coverage}</dt>
        <dd data-testid="coverage">{view.coveragePercent}%</dd>
        <dt>{t.questions}</dt>
        <dd>{numbers.size}</dd>
        <dt>{t.candidateLanguage}</dt>
        <dd>{t.langNames[view.lang]}</dd>
        <dt>{t.created}</dt>
        <dd>{formatDate(view.createdAt, lang)}</dd>
        <dt>{t.bankVersion}</dt>
        <dd>
          <code className="small">{view.bankVersion.slice(0, 12)}</code>
        </dd>
      </dl>
      {draft ? (
        <div className="row publish">
          {!confirming ? (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t.publish}
            </button>
          ) : (
            <div role="group" aria-label={t.publish} className="confirm">
              <p>{t.publishConfirm}</p>
              <div className="row">
                <button type="button" disabled={busy} onClick={() => void publish()}>
                  {t.confirmPublish}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {t.cancel}
                </button>
              </div>
            </div>
          )}
        </div>
      ) : (
        <p role="status" className="note">
          {t.publishedNote(formatDate(view.publishedAt ?? view.createdAt, lang))}
        </p>
      )}

      <CoverageMatrix view={view} numbers={numbers} />

      {view.sections.map((section) => (
        <section key={section.kind} className="kind-section" aria-labelledby={`section-${section.kind}`}>
          <h2 id={`section-${section.kind}`}>
            {t.kindLabels[section.kind]} <span className="muted small">({section.questions.length})</span>
          </h2>
          {section.questions.map((q) => (
            <QuestionCard
              key={q.id}
              question={q}
              number={numbers.get(q.id)!}
              view={view}
              editable={draft}
              busy={busy}
              onError={setError}
              onRemove={() =>
                run(() =>
                  api<AssessmentView>(`/assessments/${id}/questions/${encodeURIComponent(q.id)}`, { method: 'DELETE' }),
                )
              }
              onSwap={(replacementId) =>
                run(post(`/questions/${encodeURIComponent(q.id)}/swap`, { questionId: replacementId }))
              }
            />
          ))}
        </section>
      ))}

      {draft && (
        <AddQuestion
          view={view}
          busy={busy}
          onError={setError}
          onAdd={(questionId) => run(post('/questions', { questionId }))}
        />
      )}
    </article>
  );
}
