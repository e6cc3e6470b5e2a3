import type { ScoreSheetView, SheetQuestion } from '@rubricon/contracts';
import { Card, Collapse, Flex, Tag, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { competencyLabel, pick } from '../assessments/text';
import { codeLanguageLabel } from '../i18n/code-languages';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { Markdown } from '../markdown/Markdown';

/**
 * One question of the sheet: its heading, the prompt (foldable), what the candidate
 * answered and the hidden tests' result; the criteria to score come as `children`.
 */
export function QuestionCard({
  view,
  index,
  children,
  promptOpen = true,
}: {
  view: ScoreSheetView;
  index: number;
  children: ReactNode;
  /** The prompt unfolded: while scoring; folded on a submitted sheet, where the scores matter. */
  promptOpen?: boolean;
}) {
  const { t } = useTranslation('scoring');
  const { t: a } = useTranslation('attempts');
  const [lang] = useLang();
  const question = view.questions[index];
  const headingId = `sheet-q-${index}`;
  return (
    <section aria-labelledby={headingId} data-testid="sheet-question" data-question-id={question.questionId}>
      <Card
        size="small"
        title={
          <Typography.Title level={2} id={headingId} style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>
            <Tag color="blue" style={{ marginInlineEnd: 8 }}>
              {t('sheet.question', { n: index + 1 })}
            </Tag>
            {pick(question.title, lang)}
          </Typography.Title>
        }
        extra={<Tag>{a(`kinds.${question.kind}`)}</Tag>}
      >
        {question.competencies.length > 0 && (
          <Flex gap={4} wrap role="list" style={{ marginBottom: 8 }}>
            {question.competencies.map((c) => (
              <Tag key={c} role="listitem">
                {competencyLabel(c, view.competencyLabels, lang)}
              </Tag>
            ))}
          </Flex>
        )}
        <Collapse
          size="small"
          defaultActiveKey={promptOpen ? ['prompt'] : []}
          items={[
            {
              key: 'prompt',
              label: t('sheet.prompt'),
              children: (
                <Typography>
                  <Markdown source={pick(question.prompt, lang)} headingOffset={3} />
                </Typography>
              ),
            },
          ]}
        />
        <Answer question={question} />
        <Typography.Title level={3} style={{ fontSize: 15, margin: '16px 0 8px' }}>
          {t('sheet.criteria')}
        </Typography.Title>
        {children}
      </Card>
    </section>
  );
}

function Answer({ question }: { question: SheetQuestion }) {
  const { t } = useTranslation('scoring');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const { answer, grading } = question;
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 4px' }}>
        {t('sheet.answer')}
      </Typography.Title>
      {answer ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
            {answer.language && `${codeLanguageLabel(answer.language, lang)} · `}
            {t('sheet.savedAt', { date: formatDateTime(lang, answer.savedAt) })}
          </Typography.Paragraph>
          <pre
            tabIndex={0}
            data-testid="answer"
            aria-label={t('sheet.answer')}
            style={{
              margin: 0,
              padding: '8px 12px',
              whiteSpace: question.kind === 'coding' ? 'pre' : 'pre-wrap',
              background: token.colorFillQuaternary,
              borderRadius: token.borderRadius,
              fontFamily: question.kind === 'coding' ? token.fontFamilyCode : 'inherit',
              maxHeight: 420,
              overflow: 'auto',
            }}
          >
            {answer.content}
          </pre>
        </>
      ) : (
        <Typography.Text type="secondary">{t('sheet.noAnswer')}</Typography.Text>
      )}
      {grading && (
        <Typography.Paragraph strong style={{ margin: '8px 0 0' }} data-testid="grading">
          {t('sheet.grading', { passed: grading.passed, total: grading.total })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
