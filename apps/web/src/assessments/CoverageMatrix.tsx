import type { AssessmentView } from '@rubricon/contracts';
import { useI18n } from '../i18n';
import { competencyLabel, pick } from './text';

/**
 * Duty lines by questions. An assessable line no question reaches is what HR must act on, so those
 * rows are highlighted and also listed above the table, where they are seen without scrolling.
 */
export function CoverageMatrix({ view, numbers }: { view: AssessmentView; numbers: Map<string, number> }) {
  const { t, lang } = useI18n();
  const questions = view.sections.flatMap((s) => s.questions);
  const uncovered = view.duties.flatMap((d, i) => (d.assessable && d.questionIds.length === 0 ? [i] : []));

  return (
    <section className="coverage" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">
        {t.coverageMatrix} <span className="muted small">({view.coveragePercent}%)</span>
      </h2>
      {uncovered.length > 0 ? (
        <div className="uncovered-list" role="note" aria-labelledby="uncovered-heading">
          <h3 id="uncovered-heading">
            {t.uncoveredDuties} ({uncovered.length})
          </h3>
          <ul>
            {uncovered.map((i) => (
              <li key={i}>
                <span className="muted">{i + 1}.</span> {view.duties[i].text}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="all-covered">✓ {t.allCovered}</p>
      )}
      <p className="muted small">{t.coverageHint}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.coverageMatrix}>
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col" className="duty-col">
                {t.dutyLine}
              </th>
              {questions.map((q) => {
                const title = pick(q.title, lang);
                return (
                  <th key={q.id} scope="col" title={`${t.kindLabels[q.kind]}: ${title}`} data-question-id={q.id}>
                    <span aria-hidden="true">{t.questionLabel(numbers.get(q.id)!)}</span>
                    <span className="visually-hidden">
                      {t.questionLabel(numbers.get(q.id)!)} {title}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {view.duties.map((duty, i) => {
              const isUncovered = duty.assessable && duty.questionIds.length === 0;
              const className = isUncovered ? 'uncovered' : duty.assessable ? undefined : 'not-assessable';
              return (
                <tr key={i} className={className}>
                  <th scope="row" className="duty-col">
                    <span className="muted">{i + 1}.</span> <span className="duty-text">{duty.text}</span>
                    {!duty.assessable && <span className="tag">{t.notAssessable}</span>}
                    {duty.lowConfidence && (
                      <span className="tag low" title={t.lowConfidence}>
                        ? {t.lowConfidence}
                      </span>
                    )}
                    {isUncovered && <span className="tag warn">{t.uncovered}</span>}
                    {duty.competencies.length > 0 && (
                      <span className="muted small duty-competencies">
                        {duty.competencies.map((c) => competencyLabel(c, view.competencyLabels, lang)).join(' · ')}
                      </span>
                    )}
                  </th>
                  {questions.map((q) => (
                    <td key={q.id} className="mark" data-question-id={q.id}>
                      {duty.questionIds.includes(q.id) ? (
                        <span title={pick(q.title, lang)}>
                          ●<span className="visually-hidden">{t.assesses}</span>
                        </span>
                      ) : (
                        ''
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
