import { useState } from 'react';
import type { AssessmentQuestionView, AssessmentView, BankQuestionSummary } from '@rubricon/contracts';
import { api } from '../api';
import { useI18n } from '../i18n';
import { Markdown } from '../markdown/Markdown';
import { BankQuestionLine } from './BankQuestionLine';
import { CodingDetail } from './CodingDetail';
import { RubricTable } from './RubricTable';
import { competencyLabel, pick } from './text';

interface Props {
  question: AssessmentQuestionView;
  number: number;
  view: AssessmentView;
  editable: boolean;
  busy: boolean;
  onError: (message: string) => void;
  onRemove: () => Promise<boolean>;
  onSwap: (replacementId: string) => Promise<boolean>;
}

export function QuestionCard({ question: q, number, view, editable, busy, onError, onRemove, onSwap }: Props) {
  const { t, lang } = useI18n();
  const [alternatives, setAlternatives] = useState<BankQuestionSummary[] | null>(null);
  const title = pick(q.title, lang);
  const headingId = `q-${q.id}`;

  async function openSwap() {
    try {
      setAlternatives(
        await api<BankQuestionSummary[]>(`/assessments/${view.id}/questions/${encodeURIComponent(q.id)}/alternatives`),
      );
    } catch (e) {
      onError((e as Error).message);
    }
  }

  return (
    <article className="card question" aria-labelledby={headingId} data-question-id={q.id}>
      <header className="row wrap">
        <h3 id={headingId}>
          <span className="qnum">{t.questionLabel(number)}</span> {title}
        </h3>
        <span className="spacer" />
        {editable && (
          <div className="row actions">
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-expanded={alternatives !== null}
              onClick={() => (alternatives ? setAlternatives(null) : void openSwap())}
            >
              {t.swap}
              <span className="visually-hidden"> {title}</span>
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void onRemove()}>
              {t.remove}
              <span className="visually-hidden"> {title}</span>
            </button>
          </div>
        )}
      </header>
      <p className="meta muted small">
        <code>{q.id}</code> · {t.difficultyOf(t.difficultyLabels[q.difficulty] ?? String(q.difficulty))} ·{' '}
        {t.minutesShort(q.minutes)}
      </p>
      <ul className="chips" aria-label={t.competencies}>
        {q.competencies.map((c) => (
          <li key={c} title={c}>
            {competencyLabel(c, view.competencyLabels, lang)}
          </li>
        ))}
      </ul>

      {alternatives && (
        <div className="swap-panel" role="region" aria-label={t.alternativesFor(title)}>
          <h4>{t.alternativesFor(title)}</h4>
          {alternatives.length === 0 ? (
            <p className="muted">{t.noAlternatives}</p>
          ) : (
            <ul className="bank-list">
              {alternatives.map((alt) => (
                <li key={alt.id}>
                  <BankQuestionLine question={alt} labels={view.competencyLabels} />
                  <button
                    type="button"
                    disabled={busy}
                    onClick={async () => {
                      if (await onSwap(alt.id)) setAlternatives(null);
                    }}
                  >
                    {t.useThis}
                    <span className="visually-hidden"> {pick(alt.title, lang)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="secondary" onClick={() => setAlternatives(null)}>
            {t.cancel}
          </button>
        </div>
      )}

      <Markdown source={pick(q.prompt, lang)} headingOffset={3} />
      {q.coding && <CodingDetail coding={q.coding} />}
      <RubricTable rubric={q.rubric} />
      {q.probes.length > 0 && (
        <>
          <h4>{t.probes}</h4>
          <ol className="probes">
            {q.probes.map((p, i) => (
              <li key={i}>{pick(p, lang)}</li>
            ))}
          </ol>
        </>
      )}
      <h4>{t.coveredDuties}</h4>
      {q.dutyIndexes.length === 0 ? (
        <p className="muted small">{t.coversNone}</p>
      ) : (
        <ul className="covered-duties">
          {q.dutyIndexes.map((i) => (
            <li key={i}>
              <span className="muted">{i + 1}.</span> {view.duties[i]?.text}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
