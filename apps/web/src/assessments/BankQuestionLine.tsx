import type { AssessmentView, BankQuestionSummary } from '@rubricon/contracts';
import { useI18n } from '../i18n';
import { competencyLabel, pick } from './text';

/** One bank question in a pick list (alternatives, add): what HR needs to choose between them. */
export function BankQuestionLine({
  question: q,
  labels,
}: {
  question: BankQuestionSummary;
  labels: AssessmentView['competencyLabels'];
}) {
  const { t, lang } = useI18n();
  return (
    <span className="bank-line">
      <strong>{pick(q.title, lang)}</strong>
      <span className="muted small">
        {t.kindLabels[q.kind]} · {t.difficultyLabels[q.difficulty] ?? q.difficulty} · {t.minutesShort(q.minutes)} ·{' '}
        <code>{q.id}</code>
      </span>
      <span className="muted small">{q.competencies.map((c) => competencyLabel(c, labels, lang)).join(' · ')}</span>
    </span>
  );
}
