import type { CandidateQuestionView, CodeLanguage } from '@rubricon/contracts';
import { Markdown } from '../markdown/Markdown';
import { useFocusHere } from './a11y';
import type { AnswerEntry } from './answer-book';
import { pick, type AttemptClient } from './candidate-api';
import { CodingAnswer } from './CodingAnswer';
import { useCandidateText } from './messages';
import { TextAnswer } from './TextAnswer';

export interface AnswerProps {
  question: CandidateQuestionView;
  entry: AnswerEntry;
  onEdit: (content: string, language?: CodeLanguage) => void;
  onBlur: () => void;
}

/** One question; mounted afresh for each (keyed by id), so its heading takes the focus when it opens. */
export function QuestionPanel({
  question,
  number,
  total,
  entry,
  client,
  onEdit,
  onBlur,
  onMove,
}: AnswerProps & {
  number: number;
  total: number;
  client: AttemptClient;
  onMove: (delta: number) => void;
}) {
  const { c, lang } = useCandidateText();
  const heading = useFocusHere<HTMLHeadingElement>();
  const statement = (
    <>
      <header>
        <p className="small muted">
          {c.questionOf(number, total)} · {c.kindLabels[question.kind]} · {c.suggestedMinutes(question.minutes)}
        </p>
        <h2 id="question-title" tabIndex={-1} ref={heading}>
          {pick(question.title, lang)}
        </h2>
      </header>
      <Markdown source={pick(question.prompt, lang)} headingOffset={2} />
    </>
  );
  return (
    <section className={`question-panel${question.coding ? ' coding' : ''}`} aria-labelledby="question-title">
      {question.coding ? (
        <CodingAnswer
          question={question}
          entry={entry}
          client={client}
          onEdit={onEdit}
          onBlur={onBlur}
          statement={statement}
        />
      ) : (
        <>
          {statement}
          <TextAnswer question={question} entry={entry} onEdit={onEdit} onBlur={onBlur} />
        </>
      )}
      <p className={`save-state ${entry.state}`} role="status" data-testid="save-state" id={`save-${question.id}`}>
        {c.saveState[entry.state]}
      </p>
      <div className="row question-moves">
        <button type="button" className="secondary" disabled={number === 1} onClick={() => onMove(-1)}>
          ← {c.previous}
        </button>
        <button type="button" className="secondary" disabled={number === total} onClick={() => onMove(1)}>
          {c.next} →
        </button>
      </div>
    </section>
  );
}
