import type { InterviewCandidateQuestion, InterviewRoomState, InterviewRunRequest } from '@rubricon/contracts';
import { lazy, Suspense, useState } from 'react';
import { pick } from '../candidate/candidate-api';
import { RunView } from '../collab/RoomParts';
import type { RoomConnection, RoomView } from '../collab/room-connection';
import { useDocClient } from '../collab/use-doc-client';
import type { CodedError } from '../i18n/errors';
import { Markdown } from '../markdown/Markdown';
import { useLiveText } from './messages';

// Monaco downloads only once a coding question is on screen.
const CollabEditor = lazy(() => import('../collab/CollabEditor'));

/** One revealed question: its statement and examples beside the shared editor, Run, and the shared output. */
export function LiveQuestion({
  question,
  room,
  view,
  state,
  ended,
  whoName,
}: {
  question: InterviewCandidateQuestion;
  room: RoomConnection;
  view: RoomView;
  state: InterviewRoomState;
  ended: boolean;
  whoName: (id: string) => string;
}) {
  const { l, lang } = useLiveText();
  const coding = question.kind === 'coding';
  const { client, synced } = useDocClient(room.socket, coding ? question.id : null, {
    name: state.you.name,
    colour: state.you.colour,
  });
  const run = view.runs[question.id];
  const running = !!run && !run.result;
  const canRun = !ended && state.status === 'live' && view.connected;
  const [problem, setProblem] = useState<CodedError | null>(null);
  const [input, setInput] = useState(() => JSON.stringify(question.coding?.examples[0]?.input ?? null));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { textFor, runLabels } = useLiveText();

  const send = (req: InterviewRunRequest) => {
    setProblem(null);
    room.run(req).catch((e: CodedError) => setProblem(e));
  };
  const runCustom = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch (e) {
      setInvalid((e as Error).message);
      return;
    }
    setInvalid(null);
    send({ questionId: question.id, mode: 'custom', input: parsed });
  };

  const statement = (
    <div className="live-statement" data-testid="live-statement">
      <p className="small muted">{l.kinds[question.kind]}</p>
      <h1 className="live-title">{pick(question.title, lang)}</h1>
      <Markdown source={pick(question.prompt, lang)} headingOffset={1} />
      {question.coding && question.coding.examples.length > 0 && (
        <>
          <h2>{l.examples}</h2>
          <ol className="examples">
            {question.coding.examples.map((ex, i) => (
              <li key={i}>
                <span className="small muted">{l.input}</span>
                <pre className="code example-json" tabIndex={0}>
                  {JSON.stringify(ex.input, null, 1)}
                </pre>
                <span className="small muted">{l.expected}</span>
                <pre className="code example-json" tabIndex={0}>
                  {JSON.stringify(ex.expected, null, 1)}
                </pre>
                {ex.explanation && <p className="small">{pick(ex.explanation, lang)}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );

  if (!coding)
    return (
      <section className="question-panel live-question">
        {statement}
        <p className="note">{l.noCodeHere}</p>
      </section>
    );

  return (
    <section className="question-panel live-question live-split">
      {statement}
      <div className="live-editor-pane" data-testid="editor-pane">
        <p className="small muted live-hint">{l.editorHint}</p>
        {client && synced ? (
          <Suspense fallback={<p className="code-editor loading">{l.editorLoading}</p>}>
            <CollabEditor
              client={client}
              language={state.language}
              ariaLabel={l.editor}
              readOnly={ended || state.status !== 'live'}
              readOnlyMessage={ended ? l.readOnly : undefined}
              onRun={() => canRun && !running && send({ questionId: question.id, mode: 'visible' })}
              legendLabel={l.alsoHere}
            />
          </Suspense>
        ) : (
          <p className="code-editor loading">{l.editorLoading}</p>
        )}
        <div className="row run-bar">
          <button
            type="button"
            onClick={() => send({ questionId: question.id, mode: 'visible' })}
            disabled={!canRun || running}
            data-testid="run-visible"
          >
            {running ? l.run_.running : l.run}
          </button>
        </div>
        <div className="live-custom">
          <label htmlFor={`custom-${question.id}`}>{l.customLabel}</label>
          <textarea
            id={`custom-${question.id}`}
            className="json-input"
            rows={2}
            spellCheck={false}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            aria-invalid={invalid ? true : undefined}
          />
          {invalid && (
            <p className="error small" role="alert">
              {l.customInvalid(invalid)}
            </p>
          )}
          <button type="button" className="secondary" onClick={runCustom} disabled={!canRun || running}>
            {l.runCustom}
          </button>
        </div>
        {problem && (
          <p role="alert" className="error">
            {textFor(problem)}
          </p>
        )}
        <RunView run={run} whoName={whoName} t={runLabels} />
      </div>
    </section>
  );
}
