import type { AnswerProps } from './QuestionPanel';
import { useCandidateText } from './messages';

export function TextAnswer({ question, entry, onEdit, onBlur }: AnswerProps) {
  const { c } = useCandidateText();
  const guidance = question.lengthGuidance;
  const count = [...entry.content].length;
  const outside = guidance && entry.content && (count < guidance.min || count > guidance.max);
  return (
    <div className="text-answer">
      <label htmlFor={`answer-${question.id}`}>{c.yourAnswer}</label>
      <p className="small muted" id={`hint-${question.id}`}>
        {c.markdownHint}
      </p>
      <textarea
        id={`answer-${question.id}`}
        aria-describedby={`hint-${question.id} count-${question.id}`}
        value={entry.content}
        rows={14}
        onChange={(e) => onEdit(e.target.value)}
        onBlur={onBlur}
      />
      <p className={`small ${outside ? 'warn-text' : 'muted'}`} id={`count-${question.id}`} data-testid="char-count">
        {c.chars(count)}
        {guidance && ` · ${c.guidance(guidance.min, guidance.max)}`}
      </p>
    </div>
  );
}
