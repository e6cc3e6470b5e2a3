import { lazy, Suspense, useState, type CSSProperties, type ReactNode } from 'react';
import type {
  CandidateCustomRunResult,
  CandidateHiddenRunResult,
  CandidateRunRequest,
  CandidateVisibleRunResult,
  CodeLanguage,
} from '@rubricon/contracts';
import { codeLanguageOptions } from '../i18n/code-languages';
import type { CodedError } from '../i18n/errors';
import { pick, type AttemptClient } from './candidate-api';
import { CustomRun } from './CustomRun';
import { useCandidateText } from './messages';
import type { AnswerProps } from './QuestionPanel';
import { RunResults } from './RunResults';
import { savedSplit, saveSplit, Splitter } from './Splitter';

// Monaco only downloads when a coding question is on screen, never for staff pages.
const CodeEditor = lazy(() => import('../editor/CodeEditor'));

type RunResult = CandidateVisibleRunResult | CandidateHiddenRunResult | CandidateCustomRunResult;

/**
 * A coding question: the statement (with the examples and a run on one's own input) beside the
 * editor on wide screens, the split resizable; one above the other on narrow ones (candidate.css).
 */
export function CodingAnswer({
  question,
  entry,
  client,
  onEdit,
  onBlur,
  statement,
}: AnswerProps & { client: AttemptClient; statement: ReactNode }) {
  const { c, lang, textFor } = useCandidateText();
  const coding = question.coding!;
  const language: CodeLanguage = entry.language ?? 'javascript';
  const [busy, setBusy] = useState<CandidateRunRequest['mode'] | null>(null);
  const [visible, setVisible] = useState<CandidateVisibleRunResult | null>(null);
  const [hidden, setHidden] = useState<CandidateHiddenRunResult | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [split, setSplit] = useState(savedSplit);
  const statementId = `statement-${question.id}`;

  /** The other language's starter replaces the code only when nothing was typed over this one's. */
  const switchLanguage = (next: CodeLanguage) => {
    const untouched = entry.content.trim() === '' || entry.content === coding.starter[language];
    onEdit(untouched ? coding.starter[next] : entry.content, next);
  };

  const run = async (mode: CandidateRunRequest['mode'], input?: unknown): Promise<RunResult | null> => {
    if (busy) return null;
    setBusy(mode);
    setError(null);
    try {
      const body: CandidateRunRequest = { questionId: question.id, language, code: entry.content, mode };
      if (mode === 'custom') body.input = input;
      const result = await client.call<RunResult>('/runs', 'POST', body);
      if (result.mode === 'visible') setVisible(result);
      if (result.mode === 'hidden') setHidden(result);
      return result;
    } catch (e) {
      setError(e as CodedError);
      return null;
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="coding-split" style={{ '--left': `${split}fr`, '--right': `${100 - split}fr` } as CSSProperties}>
      <div className="split-pane statement-pane" id={statementId} data-testid="statement-pane">
        {statement}
        <h3>{c.examples}</h3>
        <ol className="examples">
          {coding.examples.map((ex, i) => (
            <li key={i}>
              <span className="small muted">{c.input}</span>
              <pre className="code example-json" tabIndex={0} role="region" aria-label={c.exampleInput(i + 1)}>
                {JSON.stringify(ex.input, null, 1)}
              </pre>
              <span className="small muted">{c.expected}</span>
              <pre className="code example-json" tabIndex={0} role="region" aria-label={c.exampleExpected(i + 1)}>
                {JSON.stringify(ex.expected, null, 1)}
              </pre>
              {ex.explanation && <p className="small">{pick(ex.explanation, lang)}</p>}
            </li>
          ))}
        </ol>
        <CustomRun
          questionId={question.id}
          initialInput={coding.examples[0]?.input}
          busy={busy !== null}
          onRun={(input) => run('custom', input) as Promise<CandidateCustomRunResult | null>}
        />
        <p className="small muted">{c.hiddenCount(coding.hiddenTestCount)}</p>
      </div>
      <Splitter
        value={split}
        onChange={(value) => (setSplit(value), saveSplit(value))}
        controls={statementId}
        label={c.splitLabel}
      />
      <div className="split-pane editor-pane" data-testid="editor-pane">
        <div className="row editor-bar">
          <label htmlFor={`lang-${question.id}`}>{c.codeLanguage}</label>
          <select
            id={`lang-${question.id}`}
            value={language}
            onChange={(e) => switchLanguage(e.target.value as CodeLanguage)}
          >
            {codeLanguageOptions(lang).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <span className="spacer" />
          <span className="small muted">{c.editorHint}</span>
        </div>
        <Suspense fallback={<p className="code-editor loading">{c.editorLoading}</p>}>
          <CodeEditor
            value={entry.content}
            language={language}
            ariaLabel={c.codeEditor}
            onChange={(code) => onEdit(code, language)}
            onBlur={onBlur}
            onRun={() => void run('visible')}
          />
        </Suspense>
        <div className="row run-bar">
          <button type="button" onClick={() => void run('visible')} disabled={busy !== null}>
            {busy === 'visible' ? c.running : c.run}
          </button>
          <button type="button" className="secondary" onClick={() => void run('hidden')} disabled={busy !== null}>
            {busy === 'hidden' ? c.running : c.submitHidden}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {textFor(error)}
          </p>
        )}
        <RunResults visible={visible} hidden={hidden} />
      </div>
    </div>
  );
}
