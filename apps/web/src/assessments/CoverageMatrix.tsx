import { WarningFilled } from '@ant-design/icons';
import type { AssessmentDutyView, AssessmentView, MatchStrength } from '@rubricon/contracts';
import { Alert, Flex, Table, Tag, theme, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { formatCoverage, STRENGTH_MARK } from './labels';
import { competencyLabel, pick } from './text';

type Row = AssessmentDutyView & {
  index: number;
  state: 'covered' | 'uncovered' | 'not-assessable';
  /** The strongest way a question assesses the line; null when none does. */
  best: MatchStrength | null;
};

/** A cell's mark: ● a question assesses the line directly, ◐ in part. */
const CELL_MARK: Record<MatchStrength, string> = { direct: '●', partial: '◐' };

/**
 * Duty lines by questions. An assessable line no question reaches is what HR must act on, so those
 * rows are marked and also listed above the table, where they are seen without scrolling; so are
 * lines only assessed in part (after an edit: generation gives every line a direct question).
 */
export function CoverageMatrix({ view, numbers }: { view: AssessmentView; numbers: Map<string, number> }) {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const questions = view.sections.flatMap((s) => s.questions);
  const rows: Row[] = view.duties.map((d, index) => ({
    ...d,
    index,
    state: !d.assessable ? 'not-assessable' : d.questionIds.length === 0 ? 'uncovered' : 'covered',
    best: d.matches.some((m) => m.strength === 'direct') ? 'direct' : d.matches.length > 0 ? 'partial' : null,
  }));
  const uncovered = rows.filter((r) => r.state === 'uncovered');
  const partialOnly = rows.filter((r) => r.state === 'covered' && r.best === 'partial');

  return (
    <section aria-labelledby="coverage-heading" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="coverage-heading" style={{ fontSize: 20 }}>
        {t('coverage.title')}{' '}
        <Typography.Text type="secondary">
          ({formatCoverage(lang, view.coveragePercent)} ·{' '}
          {t('page.direct', { percent: formatCoverage(lang, view.directPercent) })})
        </Typography.Text>
      </Typography.Title>
      {uncovered.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="note"
          title={t('coverage.uncoveredTitle', { count: uncovered.length })}
          description={<LineList rows={uncovered} />}
        />
      ) : (
        <Alert type="success" showIcon title={t('coverage.allCovered')} />
      )}
      {partialOnly.length > 0 && (
        <Alert
          type="info"
          showIcon
          role="note"
          data-testid="partial-only"
          title={t('coverage.partialTitle', { count: partialOnly.length })}
          description={<LineList rows={partialOnly} />}
          style={{ marginTop: 8 }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('coverage.hint')}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="index"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        aria-label={t('coverage.title')}
        scroll={{ x: 'max-content' }}
        onRow={(row) =>
          ({
            'data-state': row.state,
            'data-best': row.best ?? 'none',
            style: row.state === 'uncovered' ? { background: token.colorWarningBg } : undefined,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('coverage.duty'),
            key: 'duty',
            fixed: 'start',
            width: 360,
            render: (_, row) => (
              <Flex vertical gap={4}>
                <span>
                  <Typography.Text type="secondary">{row.index + 1}.</Typography.Text>{' '}
                  <span data-testid="duty-text">{row.text}</span>
                </span>
                <Flex gap={4} wrap>
                  {row.state === 'not-assessable' && <Tag>{t('coverage.notAssessable')}</Tag>}
                  {row.state === 'uncovered' && (
                    <Tag>
                      <WarningFilled style={{ color: token.colorWarning }} /> {t('coverage.uncovered')}
                    </Tag>
                  )}
                  {row.state === 'covered' && row.best && (
                    <Tag data-testid="duty-best">
                      <span
                        aria-hidden
                        style={{ color: row.best === 'direct' ? token.colorSuccess : token.colorWarning }}
                      >
                        {STRENGTH_MARK[row.best]}
                      </span>{' '}
                      {t(row.best === 'direct' ? 'coverage.directQuestion' : 'coverage.partialOnly')}
                    </Tag>
                  )}
                  {row.lowConfidence && <Tag color="default">? {t('coverage.lowConfidence')}</Tag>}
                  {row.competencies.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.competencies.map((c) => competencyLabel(c, view.competencyLabels, lang)).join(' · ')}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            ),
          },
          ...questions.map((q) => {
            const label = t('question.label', { n: numbers.get(q.id)! });
            const title = pick(q.title, lang);
            return {
              key: q.id,
              align: 'center' as const,
              onHeaderCell: () => ({ 'data-question-id': q.id }) as HTMLAttributes<HTMLElement>,
              onCell: () => ({ 'data-question-id': q.id }) as HTMLAttributes<HTMLElement>,
              title: (
                <Tooltip title={title}>
                  <span>{label}</span>
                </Tooltip>
              ),
              render: (_: unknown, row: Row) => {
                const strength = row.matches.find((m) => m.questionId === q.id)?.strength;
                return strength ? (
                  <span
                    role="img"
                    data-strength={strength}
                    aria-label={t(strength === 'direct' ? 'coverage.assessesDirect' : 'coverage.assessesPartly')}
                    style={{ color: token.colorPrimary }}
                  >
                    {CELL_MARK[strength]}
                  </span>
                ) : null;
              },
            };
          }),
        ]}
      />
    </section>
  );
}

function LineList({ rows }: { rows: Row[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {rows.map((r) => (
        <li key={r.index}>
          {r.index + 1}. {r.text}
        </li>
      ))}
    </ul>
  );
}
