import { InfoCircleOutlined } from '@ant-design/icons';
import type { ScorecardCriterionRow, ScorecardQuestion, ScorecardRater, ScorecardView } from '@rubricon/contracts';
import { Alert, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { createElement } from 'react';
import { Link } from 'react-router';
import { useKindLabel } from '../assessments/labels';
import { pick } from '../assessments/text';
import { IntegritySummary } from '../attempts/IntegritySummary';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { CompetencyBars } from './charts';
import { FlagTags, RecommendationSummary, ScrollRegion, useCardTexts } from './labels';
import { formatPercent100, formatScore } from './numbers';

type Level = 1 | 2 | 3;

/** The competency chart's fixed width: the same on the screen and on A4 paper (688 px between the margins). */
const CHART_WIDTH = 600;

/**
 * One candidate's scorecard: total, competencies, every question's criteria with each rater's level
 * side by side, the raters and their recommendations, integrity signals (advisory), the formula.
 * The same view on the screen and on paper;
 * `level` is the heading level of the candidate's name.
 */
export function Scorecard({ card, level = 1 }: { card: ScorecardView; level?: Level }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  const texts = useCardTexts();
  const h = (offset: number, text: string, id?: string) =>
    createElement(
      Typography.Title,
      { level: Math.min(5, level + offset) as 1 | 2 | 3 | 4 | 5, id, style: { fontSize: [24, 18, 16, 14][offset] } },
      text,
    );
  const titleId = `scorecard-${card.candidate.id}`;

  return (
    <article className="scorecard" aria-labelledby={titleId} data-testid="scorecard" data-candidate={card.candidate.id}>
      {h(0, card.candidate.name, titleId)}
      <Typography.Text type="secondary">
        {card.candidate.email} · {card.posting.title}
      </Typography.Text>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'total',
            label: t('scorecard.total'),
            children: <strong data-testid="scorecard-total">{texts.total(card)}</strong>,
          },
          { key: 'percent', label: t('scorecard.percent'), children: formatPercent100(lang, card.percent) },
          {
            key: 'rank',
            label: t('scorecard.rank'),
            children: texts.rank(card),
          },
          {
            key: 'recommendations',
            label: t('scorecard.recommendations'),
            span: 2,
            children: <RecommendationSummary counts={card.recommendations} />,
          },
          {
            key: 'flags',
            label: t('scorecard.flags'),
            children: <FlagTags flags={card.flags} empty={t('scorecard.noFlags')} />,
          },
        ]}
      />

      <section aria-label={t('scorecard.competencies')}>
        {h(1, t('scorecard.competencies'))}
        <Flex gap={24} wrap align="start">
          <div style={{ flex: `0 1 ${CHART_WIDTH}px`, minWidth: 0 }}>
            <CompetencyBars
              label={t('scorecard.competencies')}
              name={t('scorecard.score')}
              width={CHART_WIDTH}
              items={card.competencies.map((c) => ({ label: pick(c.label, lang), value: c.score }))}
            />
          </div>
          <Table
            style={{ flex: '1 1 320px' }}
            size="small"
            rowKey="id"
            pagination={false}
            aria-label={t('scorecard.competencies')}
            dataSource={card.competencies}
            columns={[
              { title: t('scorecard.competency'), key: 'label', render: (_, c) => pick(c.label, lang) },
              {
                title: t('scorecard.score'),
                key: 'score',
                align: 'right',
                render: (_, c) => formatScore(lang, c.score),
              },
              {
                title: t('scorecard.questions'),
                key: 'questions',
                align: 'right',
                render: (_, c) => formatNumber(lang, c.questions),
              },
            ]}
          />
        </Flex>
      </section>

      <section aria-label={t('scorecard.raters')}>
        {h(1, t('scorecard.raters'))}
        <RatersTable raters={card.raters} />
      </section>

      <section aria-label={t('scorecard.perQuestion')}>
        {h(1, t('scorecard.perQuestion'))}
        {card.questions.map((question, index) => (
          <QuestionScores
            key={`${question.subject.kind}:${question.subject.id}:${question.questionId}`}
            number={index + 1}
            question={question}
            raters={card.raters.filter(
              (r) => r.subject.kind === question.subject.kind && r.subject.id === question.subject.id,
            )}
            heading={(text) => h(2, text)}
          />
        ))}
      </section>

      <section aria-label={t('scorecard.integrity')} data-testid="integrity">
        {h(1, t('scorecard.integrity'))}
        <Alert type="info" showIcon icon={<InfoCircleOutlined />} title={t('scorecard.integrityNote')} />
        {card.integrity.length === 0 || card.integrity.every((i) => i.events === 0) ? (
          <Typography.Paragraph style={{ marginTop: 8 }}>{t('scorecard.integrityNone')}</Typography.Paragraph>
        ) : (
          card.integrity.map((item) => (
            <div key={item.attemptId} style={{ marginTop: 8 }}>
              <Flex gap={8} align="center">
                <Tag>{t('scorecard.integrityEvents', { count: item.events })}</Tag>
                <Link className="no-print" to={`/attempts/${item.attemptId}`}>
                  {t('scorecard.openAttempt')}
                </Link>
              </Flex>
              <div style={{ marginTop: 8 }}>
                <IntegritySummary summary={item.summary} />
              </div>
            </div>
          ))
        )}
      </section>

      <section aria-label={t('scorecard.formula')}>
        {h(1, t('scorecard.formula'))}
        <Typography.Paragraph data-testid="formula" style={{ whiteSpace: 'pre-line' }}>
          {pick(card.formula, lang)}
        </Typography.Paragraph>
      </section>
    </article>
  );
}

function RatersTable({ raters }: { raters: ScorecardRater[] }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  return (
    <Table<ScorecardRater>
      size="small"
      rowKey={(r) => `${r.subject.kind}:${r.subject.id}:${r.rater.id}`}
      pagination={false}
      aria-label={t('scorecard.raters')}
      dataSource={raters}
      onRow={(r) => ({ 'data-testid': 'rater-row', 'data-rater': r.rater.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('scorecard.rater'),
          key: 'rater',
          render: (_, r) => (
            <>
              {r.rater.name}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.rater.email}
              </Typography.Text>
            </>
          ),
        },
        { title: t('scorecard.subject'), key: 'subject', render: (_, r) => t(`ranking.sources.${r.subject.kind}`) },
        {
          title: t('scorecard.status'),
          key: 'status',
          render: (_, r) =>
            r.status === 'submitted' ? (
              <Tag>{t('scorecard.submitted')}</Tag>
            ) : (
              <Tag color="error">{t('scorecard.pending')}</Tag>
            ),
        },
        {
          title: t('scorecard.submittedAt'),
          key: 'submittedAt',
          render: (_, r) => (
            <span style={{ whiteSpace: 'nowrap' }}>{r.submittedAt ? formatDateTime(lang, r.submittedAt) : '—'}</span>
          ),
        },
        {
          title: t('scorecard.recommendation'),
          key: 'recommendation',
          render: (_, r) => (r.status === 'submitted' ? t(`recommendations.${r.recommendation ?? 'none'}`) : '—'),
        },
        {
          title: t('scorecard.raterTotal'),
          key: 'total',
          align: 'right',
          render: (_, r) => formatScore(lang, r.total),
        },
        {
          title: t('scorecard.amendments'),
          key: 'amendments',
          align: 'right',
          render: (_, r) => formatNumber(lang, r.amendments),
        },
      ]}
    />
  );
}

/** One question: its criteria as rows, each rater's level in a column of its own, spread rows highlighted. */
function QuestionScores({
  number,
  question,
  raters,
  heading,
}: {
  number: number;
  question: ScorecardQuestion;
  raters: ScorecardRater[];
  heading: (text: string) => React.ReactNode;
}) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  const kindLabel = useKindLabel();
  const hasAuto = question.criteria.some((c) => c.autoLevel !== null);
  const level = (value: number | null | undefined) =>
    value === undefined ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : value === null ? (
      <span className="sc-level-none">{t('noEvidence')}</span>
    ) : (
      <strong>{formatNumber(lang, value)}</strong>
    );
  return (
    <section
      aria-label={`Q${number} ${pick(question.title, lang)}`}
      data-testid="question-scores"
      style={{ marginBottom: 16 }}
    >
      {heading(`Q${number}. ${pick(question.title, lang)}`)}
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Tag>{kindLabel(question.kind)}</Tag>
        <Tag>{t(`ranking.sources.${question.subject.kind}`)}</Tag>
        <Typography.Text>
          {t('scorecard.questionScore', {
            score: question.score == null ? t('noScore') : formatScore(lang, question.score),
          })}
        </Typography.Text>
      </Flex>
      <ScrollRegion label={`Q${number} ${pick(question.title, lang)}`}>
        <Table<ScorecardCriterionRow>
          size="small"
          rowKey="criterionId"
          pagination={false}
          aria-label={`Q${number} ${pick(question.title, lang)}`}
          dataSource={question.criteria}
          rowClassName={(c) => (c.flags.includes('spread') ? 'sc-row-spread' : '')}
          onRow={(c) =>
            ({
              'data-testid': 'criterion-row',
              'data-criterion': c.criterionId,
              'data-spread': c.flags.includes('spread') ? 'true' : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('scorecard.criterion'), key: 'name', render: (_, c) => pick(c.name, lang) },
            {
              title: t('scorecard.weight'),
              key: 'weight',
              align: 'right',
              render: (_, c) => formatNumber(lang, c.weight),
            },
            ...(hasAuto
              ? [
                  {
                    title: t('scorecard.auto'),
                    key: 'auto',
                    align: 'right' as const,
                    render: (_: unknown, c: ScorecardCriterionRow) => level(c.autoLevel ?? undefined),
                  },
                ]
              : []),
            ...raters.map((r) => ({
              title: r.rater.name,
              key: `rater-${r.rater.id}`,
              align: 'center' as const,
              onCell: () => ({ 'data-rater': r.rater.id }) as React.HTMLAttributes<HTMLElement>,
              render: (_: unknown, c: ScorecardCriterionRow) =>
                level(Object.hasOwn(c.levels, r.rater.id) ? c.levels[r.rater.id] : undefined),
            })),
            { title: t('scorecard.mean'), key: 'mean', align: 'right', render: (_, c) => formatScore(lang, c.mean) },
            {
              title: t('scorecard.spread'),
              key: 'spread',
              align: 'right',
              render: (_, c) => (c.spread == null ? '—' : formatNumber(lang, c.spread)),
            },
            { title: t('scorecard.flags'), key: 'flags', render: (_, c) => <FlagTags flags={c.flags} /> },
          ]}
        />
      </ScrollRegion>
    </section>
  );
}
