import type { RubricCriterionView } from '@rubricon/contracts';
import { Table, Tag } from 'antd';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { AnchorText } from './AnchorText';
import { pick } from './text';

const LEVELS = ['noEvidence', '1', '3', '5'] as const;

/** Criteria with their weights and what each score level looks like. */
export function RubricTable({ rubric }: { rubric: RubricCriterionView[] }) {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  return (
    <Table<RubricCriterionView>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      dataSource={rubric}
      tableLayout="fixed"
      scroll={{ x: 900 }}
      aria-label={t('question.rubric')}
      columns={[
        {
          title: t('question.criterion'),
          key: 'name',
          width: '18%',
          onCell: () => ({ style: { fontWeight: 600 } }),
          render: (_, c) => (
            <>
              {pick(c.name, lang)} {c.autoScored && <Tag>{t('question.autoScored')}</Tag>}
            </>
          ),
        },
        {
          title: t('question.weight'),
          dataIndex: 'weight',
          align: 'right',
          width: 88,
          render: (w: number) => formatNumber(lang, w, { style: 'percent', maximumFractionDigits: 0 }),
        },
        ...LEVELS.map((level) => ({
          title: level === 'noEvidence' ? t('question.noEvidence') : t('question.score', { n: Number(level) }),
          key: level,
          render: (_: unknown, c: RubricCriterionView) => <AnchorText text={pick(c.anchors[level], lang)} />,
        })),
      ]}
    />
  );
}
