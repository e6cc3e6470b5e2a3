import { useState, type FormEvent } from 'react';
import {
  QUESTION_KIND_ORDER,
  type AssessmentView,
  type BankQuestionSummary,
  type QuestionKind,
} from '@rubricon/contracts';
import { api } from '../api';
import { useI18n } from '../i18n';
import { BankQuestionLine } from './BankQuestionLine';
import { competencyLabel, pick } from './text';

interface Props {
  view: AssessmentView;
  busy: boolean;
  onError: (message: string) => void;
  onAdd: (questionId: string) => Promise<boolean>;
}

/** Search the bank by kind, competency and words; questions already in the assessment cannot be added twice. */
export function AddQuestion({ view, busy, onError, onAdd }: Props) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<QuestionKind | ''>('');
  const [competency, setCompetency] = useState('');
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<BankQuestionSummary[] | null>(null);
  const [searching, setSearching] = useState(false);
  const used = new Set(view.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const competencies = Object.keys(view.competencyLabels).sort();

  async function find(event?: FormEvent) {
    event?.preventDefault();
    const params = new URLSearchParams();
    if (kind) params.set('kind', kind);
    if (competency) params.set('competency', competency);
    if (search.trim()) params.set('search', search.trim());
    setSearching(true);
    try {
      setResults(await api<BankQuestionSummary[]>(`/bank/questions?${params}`));
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setSearching(false);
    }
  }

  return (
    <details
      className="card add-question"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !results) void find();
      }}
    >
      <summary>{t.addQuestion}</summary>
      <form className="row wrap" onSubmit={find} role="search" aria-label={t.searchBank}>
        <label>
          {t.kind}
          <select value={kind} onChange={(e) => setKind(e.target.value as QuestionKind | '')}>
            <option value="">{t.anyKind}</option>
            {QUESTION_KIND_ORDER.map((k) => (
              <option key={k} value={k}>
                {t.kindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.competency}
          <select value={competency} onChange={(e) => setCompetency(e.target.value)}>
            <option value="">{t.anyCompetency}</option>
            {competencies.map((c) => (
              <option key={c} value={c}>
                {competencyLabel(c, view.competencyLabels, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t.searchBank}
          <input type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" disabled={searching}>
          {t.search}
        </button>
      </form>
      {searching && <p className="muted">{t.loading}</p>}
      {results &&
        !searching &&
        (results.length === 0 ? (
          <p className="muted">{t.noBankMatches}</p>
        ) : (
          <>
            <p className="muted small" role="status">
              {t.bankMatches(results.length)}
            </p>
            <ul className="bank-list scroll" aria-label={t.addQuestion}>
              {results.map((q) => (
                <li key={q.id}>
                  <BankQuestionLine question={q} labels={view.competencyLabels} />
                  {used.has(q.id) ? (
                    <span className="muted small">{t.alreadyIn}</span>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => void onAdd(q.id)}>
                      {t.add}
                      <span className="visually-hidden"> {pick(q.title, lang)}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
    </details>
  );
}
