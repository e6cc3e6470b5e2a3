import { lazy, Suspense, useState } from 'react';
import type {
  CandidateHiddenRunResult,
  CandidateRunRequest,
  CandidateVisibleRunResult,
  CodeLanguage,
} from '@rubricon/contracts';
import { pick, type AttemptClient } from './candidate-api';
import type { CodedError } from './error-messages';
import { useCandidateText } from './messages';
import type { AnswerProps } from './QuestionPanel';
import { RunResults } from './RunResults';

// Monaco only downloads when a coding question is on screen, never for staff pages.
const CodeEditor = lazy(() => import('../editor/CodeEditor'));

export function CodingAnswer({ question, entry, client, onEdit, onBlur }: AnswerProps & { client: AttemptClient }) {
  const { c, lang, textFor } = useCandidateText();
  const coding = question.coding!;
  const language: CodeLanguage = entry.language ?? 'javascript';
  const [busy, setBusy] = useState<CandidateRunRequest['mode'] | null>(null);
  const [visible, setVisible] = useState<CandidateVisibleRunResult | null>(null);
  const [hidden, setHidden] = useState<CandidateHiddenRunResult | null>(null);
  const [error, setError] = useState<CodedError | null>(null);

  /** The other language's starter replaces the code only when nothing was typed over this one's. */
  const switchLanguage = (next: CodeLanguage) => {
    const untouched = entry.content.trim() === '' || entry.content === coding.starter[language];
    onEdit(untouched ? coding.starter[next] : entry.content, next);
  };

  const run = async (mode: CandidateRunRequest['mode']) => {
    if (busy) return;
    setBusy(mode);
    setError(null);
    try {
      const body: CandidateRunRequest = { questionId: question.id, language, code: entry.content, mode };
      const result = await client.call<CandidateVisibleRunResult | CandidateHiddenRunResult>('/runs', 'POST', body);
      if (result.mode === 'visible') setVisible(result);
      else setHidden(result);
    } catch (e) {
      setError(e as CodedError);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="coding-answer">
      <h3>{c.examples}</h3>
      <ol className="examples">
        {coding.examples.map((ex, i) => (
          <li key={i}>
            <span className="small muted">{c.input}</span>
            <pre className="code example-json" tabIndex={0}>
              {JSON.stringify(ex.input, null, 1)}
            </pre>
            <span className="small muted">{c.expected}</span>
            <pre className="code example-json" tabIndex={0}>
              {JSON.stringify(ex.expected, null, 1)}
            </pre>
            {ex.explanation && <p className="small">{pick(ex.explanation, lang)}</p>}
          </li>
        ))}
      </ol>
      <p className="small muted">{c.hiddenCount(coding.hiddenTestCount)}</p>
      <div className="row editor-bar">
        <label htmlFor={`lang-${question.id}`}>{c.codeLanguage}</label>
        <select
          id={`lang-${question.id}`}
          value={language}
          onChange={(e) => switchLanguage(e.target.value as CodeLanguage)}
        >
          <option value="javascript">JavaScript</option>
          <option value="typescript">TypeScript</option>
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
  );
}
