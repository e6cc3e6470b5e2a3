import type { AttemptListItem, AttemptStatus } from '@rubricon/contracts';
import { Flex, Input, Select, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useAssessments } from '../assessments/queries';
import { formatDate, formatDateTime, formatPercent } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { MailCell } from '../mail/MailCell';
import { useMailSettings } from '../mail/queries';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { useAllAttempts } from './queries';
import { scoreText, StatusTag } from './StatusTag';

const STATUSES: AttemptStatus[] = ['invited', 'in_progress', 'submitted', 'expired'];

/**
 * Candidates across assessments: every attempt, searchable by name or email, filtered by status and
 * assessment, paged by the server. The filters live in the address, so Back returns to the same list.
 */
export function CandidatesPage() {
  const { t } = useTranslation('attempts');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const { params, page, pageSize, update } = useFilterParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const assessmentId = params.get('assessment') ?? undefined;
  const search = params.get('search') ?? '';
  const attempts = useAllAttempts({ search, status, assessmentId, page, pageSize });
  const assessments = useAssessments({ status: 'published', search: '', page: 1, pageSize: 100 });
  usePageTitle(t('candidates.title'));
  const { t: tm } = useTranslation('mail');
  const mailOn = useMailSettings().data?.enabled ?? false;
  const showMail = mailOn || (attempts.data?.items ?? []).some((a) => a.mail !== null);

  const when = (iso: string | null) => (
    <span style={{ whiteSpace: 'nowrap' }}>{iso ? formatDateTime(lang, iso) : '—'}</span>
  );

  return (
    <section aria-labelledby="candidates-title">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title id="candidates-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('candidates.title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Select<AttemptStatus | ''>
          aria-label={t('table.status')}
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(value) => update({ status: value || undefined })}
          options={[
            { value: '', label: t('candidates.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Select<string>
          aria-label={t('candidates.assessment')}
          style={{ width: 260 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('candidates.allAssessments')}
          value={assessmentId}
          onChange={(value) => update({ assessment: value })}
          loading={assessments.isFetching}
          options={assessments.data?.items.map((a) => ({
            value: a.id,
            label: `${a.postingTitle} · ${formatDate(lang, a.publishedAt ?? a.createdAt)}`,
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('candidates.search')}
          aria-label={t('candidates.search')}
          style={{ width: 260 }}
          defaultValue={search}
          onSearch={(value) => update({ search: value.trim() || undefined })}
          onChange={(e) => {
            if (e.target.value === '' && search) update({ search: undefined });
          }}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('candidates.hint')}</Typography.Paragraph>
      {attempts.error ? (
        <PageError error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : (
        <Table<AttemptListItem>
          rowKey="attemptId"
          aria-label={t('candidates.title')}
          loading={attempts.isFetching}
          dataSource={attempts.data?.items}
          locale={{ emptyText: t('candidates.none') }}
          onRow={() => ({ 'data-testid': 'candidate-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: attempts.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => common('total', { count: total }),
            onChange: (next, size) => update({ page: String(next), size: String(size) }),
          }}
          columns={[
            {
              title: t('table.candidate'),
              key: 'candidate',
              render: (_, a) => <Link to={`/attempts/${a.attemptId}`}>{a.candidate.name}</Link>,
            },
            { title: t('table.email'), key: 'email', render: (_, a) => a.candidate.email },
            {
              title: t('table.assessment'),
              key: 'assessment',
              responsive: ['lg'],
              render: (_, a) => (
                <Link to={`/assessments/${a.assessment.id}/attempts`}>{a.assessment.postingTitle}</Link>
              ),
            },
            {
              title: t('table.status'),
              key: 'status',
              render: (_, a) => <StatusTag status={a.status} revoked={a.invitation.revokedAt !== null} />,
            },
            ...(showMail
              ? [
                  {
                    title: tm('column'),
                    key: 'mail',
                    width: 200,
                    responsive: ['md' as const],
                    render: (_: unknown, a: AttemptListItem) => (
                      <MailCell mail={a.mail} lang={a.mailLang} mailOn={mailOn} />
                    ),
                  },
                ]
              : []),
            { title: t('table.started'), dataIndex: 'startedAt', render: when, responsive: ['xl'] },
            { title: t('table.submitted'), dataIndex: 'submittedAt', render: when, responsive: ['md'] },
            {
              title: t('table.autoScore'),
              dataIndex: 'autoScorePercent',
              align: 'right',
              render: (value: number | null) => scoreText(value, (share) => formatPercent(lang, share)),
            },
            { title: t('table.integrity'), dataIndex: 'integrityEventCount', align: 'right', responsive: ['md'] },
          ]}
        />
      )}
    </section>
  );
}
