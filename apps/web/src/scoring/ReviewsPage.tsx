import type { ReviewSummary, SheetStatus } from '@rubricon/contracts';
import { Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { BlindTag, KindTag, sheetPath, useWhenText } from './parts';
import { useMySheets } from './queries';

const TABS: SheetStatus[] = ['pending', 'submitted'];

/** "My reviews": the caller's score sheets, still to score or submitted, paged by the server; the tab lives in the address. */
export function ReviewsPage() {
  const { t } = useTranslation('scoring');
  const { t: common } = useTranslation();
  const { params, page, pageSize, update } = useFilterParams();
  const status = TABS.find((s) => s === params.get('status')) ?? 'pending';
  const sheets = useMySheets({ status, page, pageSize });
  usePageTitle(t('reviews.title'));
  const when = useWhenText();

  return (
    <section aria-labelledby="reviews-title">
      <Typography.Title id="reviews-title" level={1} style={{ margin: '0 0 8px', fontSize: 24 }}>
        {t('reviews.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reviews.hint')}</Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(key) => update({ status: key === 'pending' ? undefined : key })}
        items={TABS.map((s) => ({ key: s, label: t(`reviews.${s}`) }))}
      />
      {sheets.error ? (
        <PageError error={sheets.error} onRetry={() => void sheets.refetch()} />
      ) : (
        <Table<ReviewSummary>
          rowKey={(r) => `${r.subject.kind}:${r.subject.id}`}
          aria-label={t(`reviews.${status}`)}
          loading={sheets.isFetching}
          dataSource={sheets.data?.items}
          locale={{ emptyText: t('reviews.none') }}
          onRow={(r) =>
            ({
              'data-testid': 'review-row',
              'data-subject': `${r.subject.kind}:${r.subject.id}`,
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: page,
            pageSize,
            total: sheets.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => common('total', { count: total }),
            onChange: (next, size) => update({ page: String(next), size: String(size) }),
          }}
          columns={[
            {
              title: t('reviews.candidate'),
              key: 'candidate',
              render: (_, r) => (
                <>
                  <Link to={sheetPath(r.subject.kind, r.subject.id)}>{r.candidateLabel}</Link>
                  {r.blind && (
                    <>
                      {' '}
                      <BlindTag />
                    </>
                  )}
                </>
              ),
            },
            { title: t('reviews.posting'), key: 'posting', responsive: ['md'], render: (_, r) => r.posting.title },
            { title: t('reviews.kind'), key: 'kind', render: (_, r) => <KindTag kind={r.subject.kind} /> },
            {
              title: t('reviews.completedAt'),
              key: 'completedAt',
              render: (_, r) =>
                r.completedAt ? (
                  <span style={{ whiteSpace: 'nowrap' }}>{when(r.completedAt)}</span>
                ) : (
                  <Typography.Text type="secondary">{t('reviews.notCompleted')}</Typography.Text>
                ),
            },
            status === 'pending'
              ? {
                  title: t('reviews.assignedAt'),
                  key: 'assignedAt',
                  responsive: ['lg'],
                  render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{when(r.assignedAt)}</span>,
                }
              : {
                  title: t('reviews.submittedAt'),
                  key: 'submittedAt',
                  render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{when(r.submittedAt)}</span>,
                },
            {
              title: common('actions'),
              key: 'actions',
              render: (_, r) => (
                <Link
                  to={sheetPath(r.subject.kind, r.subject.id)}
                  aria-label={`${status === 'pending' ? t('reviews.score') : t('reviews.view')} ${r.candidateLabel}`}
                >
                  {status === 'pending' ? t('reviews.score') : t('reviews.view')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
