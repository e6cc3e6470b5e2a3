import { useRef, type KeyboardEvent } from 'react';
import type { CandidateQuestionView } from '@rubricon/contracts';
import type { SaveState } from './answer-book';
import { pick } from './candidate-api';
import { useCandidateText } from './messages';

const MARKS: Record<SaveState, string> = { saved: '✓', unsaved: '●', saving: '…', empty: '○', 'too-long': '!' };

/** One button per question; Tab or the arrow keys move between them, Enter/Space opens one. */
export function QuestionNav({
  questions,
  current,
  stateOf,
  onSelect,
}: {
  questions: CandidateQuestionView[];
  current: number;
  stateOf: (questionId: string) => SaveState;
  onSelect: (index: number) => void;
}) {
  const { c, lang } = useCandidateText();
  const list = useRef<HTMLOListElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: buttons.length - 1,
    }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    buttons[(to + buttons.length) % buttons.length].focus();
  };

  return (
    <nav className="question-nav" aria-label={c.questionList}>
      <h2 className="small muted">{c.questionList}</h2>
      <ol ref={list} onKeyDown={onKeyDown}>
        {questions.map((q, i) => {
          const state = stateOf(q.id);
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`nav-item ${state}`}
                aria-current={i === current ? 'step' : undefined}
                onClick={() => onSelect(i)}
                data-testid={`nav-q${i + 1}`}
                data-state={state}
                title={pick(q.title, lang)}
              >
                <span className="nav-num">{i + 1}</span>
                <span className="nav-text">
                  <span className="nav-title">{pick(q.title, lang)}</span>
                  <span className="small muted">{c.kindLabels[q.kind]}</span>
                </span>
                <span className={`save-mark ${state}`} title={c.saveState[state]} aria-hidden="true">
                  {MARKS[state]}
                </span>
                <span className="visually-hidden">, {c.saveState[state]}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
