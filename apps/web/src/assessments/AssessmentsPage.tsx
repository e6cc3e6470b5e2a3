import type { AssessmentStatus, AssessmentSummary } from '@rubricon/contracts';
import { Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { usePostings } from '../postings/queries';
import { PageError } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { useAssessments } from './queries';
import { formatCoverage, StatusTag, useFamilyLabel } from './labels';

const STATUSES: AssessmentStatus[] = ['draft', 'published'];

/**
 * Assessments across postings: filter by status and posting, search posting titles, page through.
 * The filters live in the address, so a filtered list can be bookmarked and Back returns to it.
 */
export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const familyLabel = useFamilyLabel();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const postingId = params.get('posting') ?? undefined;
  const search = params.get('search') ?? '';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('size')) || 20;
  const [postingSearch, setPostingSearch] = useState('');
  const postings = usePostings({ search: postingSearch, page: 1, pageSize: 50 });
  const assessments = useAssessments({ status, postingId, search, page, pageSize });
  usePageTitle(t('title'));

  /** Changes some filters; any change but paging goes back to the first page. */
  const update = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  return (
    <section aria-labelledby="assessments-title">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title id="assessments-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Select<AssessmentStatus | ''>
          aria-label={t('columns.status')}
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(value) => update({ status: value || undefined })}
          options={[
            { value: '', label: t('anyStatus') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Select<string>
          aria-label={t('filterPosting')}
          style={{ width: 240 }}
          showSearch={{ filterOption: false, onSearch: setPostingSearch }}
          allowClear
          placeholder={t('anyPosting')}
          value={postingId}
          onChange={(value) => update({ posting: value })}
          loading={postings.isFetching}
          options={postings.data?.items.map((p) => ({ value: p.id, label: p.title }))}
        />
        <Input.Search
          allowClear
          placeholder={t('searchTitles')}
          aria-label={t('searchTitles')}
          style={{ width: 240 }}
          defaultValue={search}
          onSearch={(value) => update({ search: value.trim() || undefined })}
          onChange={(e) => {
            if (e.target.value === '' && search) update({ search: undefined });
          }}
        />
      </Flex>
      {assessments.error ? (
        <PageError error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : (
        <Table<AssessmentSummary>
          rowKey="id"
          aria-label={t('title')}
          loading={assessments.isFetching}
          dataSource={assessments.data?.items}
          locale={{ emptyText: t('noAssessments') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: assessments.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => common('total', { count: total }),
            onChange: (p, size) => update({ page: String(p), size: String(size) }),
          }}
          columns={[
            {
              title: t('columns.status'),
              dataIndex: 'status',
              render: (s: AssessmentStatus) => <StatusTag status={s} />,
            },
            {
              title: t('columns.posting'),
              dataIndex: 'postingTitle',
              render: (title: string, a) => <Link to={`/assessments/${a.id}`}>{title}</Link>,
            },
            { title: t('columns.roleFamily'), dataIndex: 'roleFamily', render: familyLabel, responsive: ['md'] },
            { title: t('columns.questions'), dataIndex: 'questionCount', align: 'right' },
            { title: t('columns.minutes'), dataIndex: 'durationMinutes', align: 'right' },
            {
              title: t('columns.coverage'),
              dataIndex: 'coveragePercent',
              align: 'right',
              render: (p: number) => formatCoverage(lang, p),
            },
            {
              title: t('columns.created'),
              dataIndex: 'createdAt',
              render: (at: string, a) => (
                <>
                  {formatDateTime(lang, at)}
                  {a.seed != null && (
                    <Typography.Text type="secondary"> · {t('seedShort', { seed: a.seed })}</Typography.Text>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
