import { PlusOutlined } from '@ant-design/icons';
import type { InterviewStatus, InterviewSummary } from '@rubricon/contracts';
import { Button, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { canJoin, canReplay, interviewPath, replayPath, roomPath } from './links';
import { useInterviews } from './queries';
import { StatusTag } from './StatusTag';

const STATUSES: InterviewStatus[] = ['scheduled', 'live', 'ended'];

/**
 * The interviews the caller may see, searched by candidate and filtered by status, paged by the
 * server; the filters live in the address, so Back returns to the same list.
 */
export function InterviewsPage() {
  const { t } = useTranslation('interviews');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const navigate = useNavigate();
  const { params, page, pageSize, update } = useFilterParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const search = params.get('search') ?? '';
  const interviews = useInterviews({ search, status, page, pageSize });
  usePageTitle(t('list.title'));

  return (
    <section aria-labelledby="interviews-title">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title id="interviews-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('list.title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Select<InterviewStatus | ''>
          aria-label={t('table.status')}
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(value) => update({ status: value || undefined })}
          options={[
            { value: '', label: t('list.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          style={{ width: 260 }}
          defaultValue={search}
          onSearch={(value) => update({ search: value.trim() || undefined })}
          onChange={(e) => {
            if (e.target.value === '' && search) update({ search: undefined });
          }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/interviews/new')}>
          {t('list.schedule')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('list.hint')}</Typography.Paragraph>
      {interviews.error ? (
        <PageError error={interviews.error} onRetry={() => void interviews.refetch()} />
      ) : (
        <Table<InterviewSummary>
          rowKey="id"
          aria-label={t('list.title')}
          loading={interviews.isFetching}
          dataSource={interviews.data?.items}
          locale={{ emptyText: t('list.none') }}
          onRow={(i) =>
            ({ 'data-testid': 'interview-row', 'data-interview-id': i.id }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: page,
            pageSize,
            total: interviews.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => common('total', { count: total }),
            onChange: (next, size) => update({ page: String(next), size: String(size) }),
          }}
          columns={[
            {
              title: t('table.candidate'),
              key: 'candidate',
              render: (_, i) => (
                <>
                  <Link to={interviewPath(i.id)}>{i.candidate.name}</Link>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.candidate.email}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('table.posting'),
              key: 'posting',
              responsive: ['lg'],
              minWidth: 120,
              render: (_, i) => <Link to={`/postings/${i.postingId}`}>{i.postingTitle}</Link>,
            },
            {
              title: t('table.startsAt'),
              dataIndex: 'startsAt',
              render: (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, iso)}</span>,
            },
            {
              title: t('table.duration'),
              dataIndex: 'durationMinutes',
              align: 'right',
              responsive: ['md'],
              render: (n: number) => <span style={{ whiteSpace: 'nowrap' }}>{t('table.minutes', { n })}</span>,
            },
            { title: t('table.status'), key: 'status', render: (_, i) => <StatusTag status={i.status} /> },
            {
              title: t('table.panel'),
              key: 'panel',
              responsive: ['xl'],
              render: (_, i) => i.panel.map((p) => p.name).join(lang === 'zh' ? '、' : ', '),
            },
            {
              title: common('actions'),
              key: 'actions',
              render: (_, i) => (
                <Space wrap size={4}>
                  <Link to={interviewPath(i.id)} aria-label={`${t('actions.open')} ${i.candidate.name}`}>
                    {t('actions.open')}
                  </Link>
                  {canJoin(i) && (
                    <Link to={roomPath(i.id)} aria-label={`${t('actions.join')} ${i.candidate.name}`}>
                      {t('actions.join')}
                    </Link>
                  )}
                  {canReplay(i) && (
                    <Link to={replayPath(i.id)} aria-label={`${t('actions.replay')} ${i.candidate.name}`}>
                      {t('actions.replay')}
                    </Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
