import { formatNumber } from '../i18n/format';
import type { AnswerProps } from './QuestionPanel';
import { useCandidateText } from './messages';

export function TextAnswer({ question, entry, onEdit, onBlur }: AnswerProps) {
  const { c, lang } = useCandidateText();
  const guidance = question.lengthGuidance;
  const count = [...entry.content].length;
  const outside = guidance && entry.content && (count < guidance.min || count > guidance.max);
  const tooLong = entry.state === 'too-long';
  // Too long to save is an error of the field: said by the save state under the question.
  const describedBy = [`hint-${question.id}`, `count-${question.id}`, tooLong && `save-${question.id}`];
  return (
    <div className="text-answer">
      <label htmlFor={`answer-${question.id}`}>{c.yourAnswer}</label>
      <p className="small muted" id={`hint-${question.id}`}>
        {c.markdownHint}
      </p>
      <textarea
        id={`answer-${question.id}`}
        aria-describedby={describedBy.filter(Boolean).join(' ')}
        aria-invalid={tooLong || undefined}
        value={entry.content}
        rows={14}
        onChange={(e) => onEdit(e.target.value)}
        onBlur={onBlur}
      />
      <p className={`small ${outside ? 'warn-text' : 'muted'}`} id={`count-${question.id}`} data-testid="char-count">
        {c.chars(count, formatNumber(lang, count))}
        {guidance && ` · ${c.guidance(formatNumber(lang, guidance.min), formatNumber(lang, guidance.max))}`}
      </p>
    </div>
  );
}
