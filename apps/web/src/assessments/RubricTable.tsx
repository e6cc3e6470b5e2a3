import type { RubricCriterionView } from '@rubricon/contracts';
import { useI18n } from '../i18n';
import { pick } from './text';

const LEVELS = ['noEvidence', '1', '3', '5'] as const;

export function RubricTable({ rubric }: { rubric: RubricCriterionView[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <h4>{t.rubric}</h4>
      <div className="table-scroll">
        <table className="rubric">
          <thead>
            <tr>
              <th scope="col">{t.criterion}</th>
              <th scope="col">{t.weight}</th>
              {LEVELS.map((level) => (
                <th key={level} scope="col">
                  {level === 'noEvidence' ? t.noEvidence : t.anchor(Number(level))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rubric.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {pick(c.name, lang)}
                  {c.autoScored && <span className="tag auto">{t.autoScored}</span>}
                </th>
                <td className="num">{Math.round(c.weight * 100)}%</td>
                {LEVELS.map((level) => (
                  <td key={level}>{pick(c.anchors[level], lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
