import type { AttemptStatus, AttemptSummary, InvitationLink } from '@rubricon/contracts';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatPercent } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { MailCell } from '../mail/MailCell';
import { useMailSettings } from '../mail/queries';
import { ExtraTimeModal } from './ExtraTimeModal';
import { useNewLink, useRevoke } from './queries';
import { scoreText, StatusTag } from './StatusTag';

const OPEN: readonly AttemptStatus[] = ['invited', 'in_progress'];

/** One assessment's attempts, with HR's actions: revoke, a new link, extra time. */
export function AttemptsTable({
  attempts,
  loading,
  onNewLink,
}: {
  attempts: AttemptSummary[] | undefined;
  loading: boolean;
  onNewLink: (link: InvitationLink) => void;
}) {
  const { t } = useTranslation('attempts');
  const { t: common } = useTranslation();
  const { t: tm } = useTranslation('mail');
  const [lang] = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const revoke = useRevoke();
  const newLink = useNewLink();
  const [extending, setExtending] = useState<AttemptSummary | null>(null);
  // The mail column once mail is on (or some row has mail from when it was).
  const mailOn = useMailSettings().data?.enabled ?? false;
  const showMail = mailOn || (attempts ?? []).some((a) => a.mail !== null);
  // Dates on one line each, so the table stays readable beside the navigation.
  const when = (iso: string | null) => (
    <span style={{ whiteSpace: 'nowrap' }}>{iso ? formatDateTime(lang, iso) : '—'}</span>
  );
  const refused = (error: unknown) => void message.error(errorText(error));

  return (
    <>
      <Table<AttemptSummary>
        rowKey="attemptId"
        aria-label={t('table.title')}
        loading={loading}
        dataSource={attempts}
        locale={{ emptyText: t('table.none') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={() => ({ 'data-testid': 'attempt-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('table.candidate'),
            key: 'candidate',
            width: 280,
            sorter: (a, b) => a.candidate.name.localeCompare(b.candidate.name),
            render: (_, a) => (
              <>
                <Link to={`/attempts/${a.attemptId}`}>{a.candidate.name}</Link>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.candidate.email}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('table.status'),
            dataIndex: 'status',
            filters: (['invited', 'in_progress', 'submitted', 'expired'] as const).map((s) => ({
              text: t(`status.${s}`),
              value: s,
            })),
            onFilter: (value, a) => a.status === value,
            render: (_, a) => <StatusTag status={a.status} revoked={a.invitation.revokedAt !== null} />,
          },
          ...(showMail
            ? [
                {
                  title: tm('column'),
                  key: 'mail',
                  width: 200,
                  render: (_: unknown, a: AttemptSummary) => (
                    <MailCell mail={a.mail} lang={a.mailLang} mailOn={mailOn} />
                  ),
                },
              ]
            : []),
          { title: t('table.started'), dataIndex: 'startedAt', render: when, responsive: ['xxl'] },
          {
            title: t('table.deadline'),
            dataIndex: 'deadline',
            render: (_, a) => (
              <>
                <span data-testid="deadline">{when(a.deadline)}</span>
                {a.extraMinutes > 0 && (
                  <Tag style={{ marginInlineStart: 4 }}>{t('table.extra', { minutes: a.extraMinutes })}</Tag>
                )}
              </>
            ),
          },
          {
            title: t('table.submitted'),
            dataIndex: 'submittedAt',
            render: (_, a) => (
              <>
                {when(a.submittedAt)}
                {a.submittedBy === 'deadline' && (
                  <Typography.Text type="secondary"> ({t('table.byDeadline')})</Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('table.autoScore'),
            dataIndex: 'autoScorePercent',
            align: 'right',
            sorter: (a, b) => (a.autoScorePercent ?? -1) - (b.autoScorePercent ?? -1),
            render: (value: number | null) => scoreText(value, (share) => formatPercent(lang, share)),
          },
          {
            title: t('table.integrity'),
            dataIndex: 'integrityEventCount',
            align: 'right',
            responsive: ['lg'],
            sorter: (a, b) => a.integrityEventCount - b.integrityEventCount,
          },
          {
            title: common('actions'),
            key: 'actions',
            width: 180,
            render: (_, a) => {
              const name = a.candidate.name;
              const open = OPEN.includes(a.status);
              const revoked = a.invitation.revokedAt !== null;
              return (
                <Space wrap>
                  {open && !revoked && (
                    <Popconfirm
                      title={t('actions.revokeConfirm', { name })}
                      okText={t('actions.revoke')}
                      cancelText={common('cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        revoke
                          .mutateAsync(a.invitationId)
                          .then(() => void message.success(t('actions.revoked', { name })), refused)
                      }
                    >
                      <Button size="small" danger>
                        {t('actions.revoke')}
                      </Button>
                    </Popconfirm>
                  )}
                  {open && (
                    <Popconfirm
                      title={
                        mailOn
                          ? `${t('actions.newLinkConfirm', { name })} ${tm('links.newLinkMailed', { email: a.candidate.email })}`
                          : t('actions.newLinkConfirm', { name })
                      }
                      okText={t('actions.newLink')}
                      cancelText={common('cancel')}
                      onConfirm={() => newLink.mutateAsync(a.invitationId).then(onNewLink, refused)}
                    >
                      <Button size="small">{t('actions.newLink')}</Button>
                    </Popconfirm>
                  )}
                  {open && !revoked && (
                    <Button size="small" onClick={() => setExtending(a)}>
                      {t('actions.extraTime')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {extending && <ExtraTimeModal attempt={extending} onClose={() => setExtending(null)} />}
    </>
  );
}
