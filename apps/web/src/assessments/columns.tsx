import type { AssessmentStatus, AssessmentSummary } from '@rubricon/contracts';
import { Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { formatCoverage, StatusTag, useFamilyLabel } from './labels';

type Column = ColumnType<AssessmentSummary>;

/** The columns every table of assessments shares (the list across postings, a posting's own list). */
export function useAssessmentColumns(): Record<
  'status' | 'roleFamily' | 'questions' | 'minutes' | 'coverage' | 'created',
  Column
> {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  const familyLabel = useFamilyLabel();
  return {
    status: {
      title: t('columns.status'),
      dataIndex: 'status',
      render: (s: AssessmentStatus) => <StatusTag status={s} />,
    },
    roleFamily: { title: t('columns.roleFamily'), dataIndex: 'roleFamily', render: familyLabel },
    questions: { title: t('columns.questions'), dataIndex: 'questionCount', align: 'right' },
    minutes: { title: t('columns.minutes'), dataIndex: 'durationMinutes', align: 'right' },
    coverage: {
      title: t('columns.coverage'),
      dataIndex: 'coveragePercent',
      align: 'right',
      render: (p: number) => formatCoverage(lang, p),
    },
    created: {
      title: t('columns.created'),
      dataIndex: 'createdAt',
      render: (at: string, a) => (
        <>
          {formatDateTime(lang, at)}
          {a.seed != null && <Typography.Text type="secondary"> · {t('seedShort', { seed: a.seed })}</Typography.Text>}
        </>
      ),
    },
  };
}
