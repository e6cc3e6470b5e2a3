import { FormOutlined } from '@ant-design/icons';
import type { AssessmentQuestionView, AssessmentView } from '@rubricon/contracts';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { Markdown } from '../markdown/Markdown';
import { CodingDetail } from './CodingDetail';
import { DutyWhy } from './DutyWhy';
import { useDifficultyLabel } from './labels';
import { useChangeAssessment } from './queries';
import { RubricTable } from './RubricTable';
import { SwapQuestion } from './SwapQuestion';
import { competencyLabel, pick } from './text';

const subheading = { fontSize: 15, margin: '16px 0 8px' } as const;

/**
 * One question as HR reviews it: prompt, coding examples, rubric, probes and why it was chosen (the
 * duty lines it assesses and how). A question the generator composed from a duty line is marked for review.
 */
export function QuestionCard({
  question: q,
  number,
  view,
  editable,
}: {
  question: AssessmentQuestionView;
  number: number;
  view: AssessmentView;
  editable: boolean;
}) {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const { token } = theme.useToken();
  const difficultyLabel = useDifficultyLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const change = useChangeAssessment(view.id);
  const [swapping, setSwapping] = useState(false);
  const title = pick(q.title, lang);
  const label = t('question.label', { n: number });
  const headingId = `q-${q.id}`;

  const remove = () =>
    change.mutateAsync({ type: 'remove', questionId: q.id }).then(
      () => void message.success(t('question.removed')),
      (error: unknown) => void message.error(errorText(error)),
    );

  return (
    <article aria-labelledby={headingId} data-question-id={q.id} data-question-number={number}>
      <Card
        title={
          <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal' }}>
            <Typography.Title level={3} id={headingId} style={{ margin: 0, fontSize: 16 }}>
              <Tag color="blue" style={{ marginInlineEnd: 8 }}>
                {label}
              </Tag>
              {title}
            </Typography.Title>
            {/* Body-coloured text on the orange tag: antd's orange tag text is 3.3:1, under 4.5:1. */}
            {q.composedFrom && (
              <Tag color="orange" data-testid="composed-tag" style={{ color: token.colorText, fontWeight: 'normal' }}>
                <FormOutlined style={{ color: token.colorWarning }} /> {t('question.composed')}
              </Tag>
            )}
          </Flex>
        }
        extra={
          editable && (
            <Space>
              {/* No space inserted between two Chinese characters: the visible name must start the accessible one. */}
              <Button
                autoInsertSpace={false}
                onClick={() => setSwapping(true)}
                aria-label={`${t('swap.button')} ${label} ${title}`}
              >
                {t('swap.button')}
              </Button>
              <Popconfirm
                title={t('question.removeConfirm', { label, title })}
                okText={t('question.remove')}
                cancelText={common('cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={remove}
              >
                <Button danger autoInsertSpace={false} aria-label={`${t('question.remove')} ${label} ${title}`}>
                  {t('question.remove')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Flex gap={8} wrap align="center">
          <Typography.Text code>{q.id}</Typography.Text>
          <Typography.Text type="secondary">
            {t('question.difficulty', { level: difficultyLabel(q.difficulty) })} ·{' '}
            {t('question.minutes', { n: q.minutes })}
          </Typography.Text>
          <span aria-label={t('question.competencies')} role="list">
            {q.competencies.map((c) => (
              <Tag key={c} title={c} role="listitem">
                {competencyLabel(c, view.competencyLabels, lang)}
              </Tag>
            ))}
          </span>
        </Flex>
        {/* Boxed apart from the prompt (which quotes the line to the candidate too): a note for HR only. */}
        {q.composedFrom && (
          <Alert
            type="warning"
            showIcon
            role="note"
            data-testid="composed-from"
            style={{ marginTop: 12 }}
            title={t('question.composedFrom')}
            description={<blockquote style={{ margin: 0 }}>“{q.composedFrom.duty}”</blockquote>}
          />
        )}
        {/* antd's Typography styles the prompt's paragraphs, lists, code and quotes with the theme. */}
        <Typography style={{ marginTop: 12 }}>
          <Markdown source={pick(q.prompt, lang)} headingOffset={3} />
        </Typography>
        {q.coding && <CodingDetail coding={q.coding} />}
        <Typography.Title level={4} style={subheading}>
          {t('question.rubric')}
        </Typography.Title>
        <RubricTable rubric={q.rubric} />
        {q.probes.length > 0 && (
          <>
            <Typography.Title level={4} style={subheading}>
              {t('question.probes')}
            </Typography.Title>
            <ol style={{ margin: 0, paddingInlineStart: 24 }}>
              {q.probes.map((p, i) => (
                <li key={i}>{pick(p, lang)}</li>
              ))}
            </ol>
          </>
        )}
        <Typography.Title level={4} style={subheading}>
          {t('question.why')}
        </Typography.Title>
        {q.dutyMatches.length === 0 ? (
          <Typography.Text type="secondary">{t('question.coversNone')}</Typography.Text>
        ) : (
          <DutyWhy matches={q.dutyMatches} view={view} label={t('question.why')} />
        )}
      </Card>
      {swapping && <SwapQuestion question={q} label={label} view={view} onClose={() => setSwapping(false)} />}
    </article>
  );
}
