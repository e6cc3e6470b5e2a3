import type { PostingSummary } from '@rubricon/contracts';
import { Button, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CAN, useCan } from '../auth/session';
import { useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { ImportPostings } from './ImportPostings';
import { useLineCountText } from './line-counts';
import { usePostings } from './queries';

export function PostingsPage() {
  const { t } = useTranslation('postings');
  const lineCounts = useLineCountText();
  const { t: common } = useTranslation();
  const canImport = useCan(...CAN.managePostings);
  const { params, page, pageSize, update } = useFilterParams();
  const search = params.get('search') ?? '';
  const [importing, setImporting] = useState(false);
  const postings = usePostings({ search, page, pageSize });
  usePageTitle(t('title'));

  return (
    <section aria-labelledby="postings-title">
      <Flex align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Title id="postings-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Input.Search
          allowClear
          defaultValue={search}
          placeholder={t('searchTitles')}
          aria-label={t('searchTitles')}
          style={{ width: 280 }}
          onSearch={(value) => update({ search: value.trim() || undefined })}
          onChange={(e) => {
            if (e.target.value === '' && search) update({ search: undefined });
          }}
        />
        {canImport && (
          <Button type="primary" onClick={() => setImporting(true)}>
            {t('import.button')}
          </Button>
        )}
      </Flex>
      {importing && <ImportPostings onClose={() => setImporting(false)} />}
      {postings.error ? (
        <PageError error={postings.error} onRetry={() => void postings.refetch()} />
      ) : (
        <Table<PostingSummary>
          rowKey="id"
          aria-label={t('title')}
          loading={postings.isFetching}
          dataSource={postings.data?.items}
          locale={{ emptyText: t('noPostings') }}
          pagination={{
            current: page,
            pageSize,
            total: postings.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => common('total', { count: total }),
            onChange: (next, size) => update({ page: String(next), size: String(size) }),
          }}
          columns={[
            {
              title: t('columns.title'),
              dataIndex: 'title',
              render: (title: string, p) => <Link to={`/postings/${p.id}`}>{title}</Link>,
            },
            { title: t('columns.department'), dataIndex: 'department', responsive: ['lg'] },
            { title: t('columns.location'), dataIndex: 'location', responsive: ['md'] },
            { title: t('columns.headcount'), dataIndex: 'headcount', align: 'right', responsive: ['md'] },
            {
              title: t('columns.lines'),
              key: 'lines',
              render: (_, p) => (
                <Typography.Text type="secondary">{lineCounts(p.dutyCount, p.requirementCount)}</Typography.Text>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
