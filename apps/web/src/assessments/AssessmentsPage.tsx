import type { AssessmentStatus, AssessmentSummary } from '@rubricon/contracts';
import { Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../i18n/staff';
import { usePostings } from '../postings/queries';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { useAssessments } from './queries';
import { useAssessmentColumns } from './columns';

const STATUSES: AssessmentStatus[] = ['draft', 'published'];

/**
 * Assessments across postings: filter by status and posting, search posting titles, page through.
 * The filters live in the address, so a filtered list can be bookmarked and Back returns to it.
 */
export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const columns = useAssessmentColumns();
  const { params, page, pageSize, update } = useFilterParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const postingId = params.get('posting') ?? undefined;
  const search = params.get('search') ?? '';
  const [postingSearch, setPostingSearch] = useState('');
  const postings = usePostings({ search: postingSearch, page: 1, pageSize: 50 });
  const assessments = useAssessments({ status, postingId, search, page, pageSize });
  usePageTitle(t('title'));

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
            columns.status,
            {
              title: t('columns.posting'),
              dataIndex: 'postingTitle',
              render: (title: string, a) => <Link to={`/assessments/${a.id}`}>{title}</Link>,
            },
            { ...columns.roleFamily, responsive: ['md'] },
            columns.questions,
            columns.minutes,
            columns.coverage,
            columns.created,
          ]}
        />
      )}
    </section>
  );
}
