import type { CodingDetailView } from '@rubricon/contracts';
import { useI18n } from '../i18n';
import { pick } from './text';

/** Visible examples and starter code; hidden tests stay hidden, HR sees only how many there are. */
export function CodingDetail({ coding }: { coding: CodingDetailView }) {
  const { t, lang } = useI18n();
  return (
    <div className="coding">
      <h4>{t.examples}</h4>
      <div className="table-scroll">
        <table className="examples">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.input}</th>
              <th scope="col">{t.expected}</th>
            </tr>
          </thead>
          <tbody>
            {coding.examples.map((ex, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <code className="json">{JSON.stringify(ex.input)}</code>
                </td>
                <td>
                  <code className="json">{JSON.stringify(ex.expected)}</code>
                  {ex.explanation && <div className="muted small">{pick(ex.explanation, lang)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" data-testid="hidden-tests">
        {t.hiddenTests(coding.hiddenTestCount)}
      </p>
      {(['javascript', 'typescript'] as const).map((language) => (
        <details key={language} open={language === 'javascript'}>
          <summary>{t.starterCode(language === 'javascript' ? 'JavaScript' : 'TypeScript')}</summary>
          <pre className="code">
            <code>{coding.starter[language]}</code>
          </pre>
        </details>
      ))}
    </div>
  );
}
