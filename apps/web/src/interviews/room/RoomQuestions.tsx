import { CheckCircleFilled } from '@ant-design/icons';
import type { InterviewQuestionView } from '@rubricon/contracts';
import { Button, Tag } from 'antd';
import { useLang } from '../../i18n/lang';
import { useTranslation } from '../../i18n/staff';
import { pick } from '../../assessments/text';

/** The interview's questions in order: which the candidate has seen, which is current, Reveal for the rest. */
export function RoomQuestions({
  questions,
  currentId,
  selectedId,
  ended,
  busy,
  onSelect,
  onReveal,
}: {
  questions: InterviewQuestionView[];
  currentId: string | null;
  selectedId: string | null;
  ended: boolean;
  busy: string | null;
  onSelect: (id: string) => void;
  onReveal: (id: string) => void;
}) {
  const { t } = useTranslation('room');
  const [lang] = useLang();
  return (
    <ol className="room-questions" data-testid="room-questions">
      {questions.map((q, i) => (
        <li key={q.id} aria-current={q.id === selectedId ? 'true' : undefined} data-question={q.id}>
          <button type="button" className="room-question-open" onClick={() => onSelect(q.id)}>
            <span className="room-question-num">{i + 1}.</span> {pick(q.title, lang)}
          </button>
          <div className="room-question-meta">
            <Tag>{t(`kinds.${q.kind}`)}</Tag>
            <span className="room-question-minutes">{t('minutes', { n: q.minutes })}</span>
            {q.id === currentId && <Tag color="blue">{t('current')}</Tag>}
            {q.revealedAt ? (
              // Body text with a coloured icon: antd's green tag text falls under 4.5:1 on its fill.
              <span className="room-revealed" data-testid="revealed">
                <CheckCircleFilled aria-hidden /> {t('revealed')}
              </span>
            ) : (
              !ended && (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  loading={busy === `reveal:${q.id}`}
                  onClick={() => onReveal(q.id)}
                  aria-label={`${t('reveal')}: ${pick(q.title, lang)}`}
                >
                  {t('reveal')}
                </Button>
              )
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
