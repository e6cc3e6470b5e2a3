import { MailOutlined, ReloadOutlined } from '@ant-design/icons';
import type { MailKind, MailMessageView } from '@rubricon/contracts';
import { Alert, App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { useId } from 'react';
import { CAN, useCan } from '../auth/session';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { MailStatusTag } from './MailStatusTag';
import { useMailSettings, useMails, useResendMail, type MailFilter } from './queries';

/** Sending a link mail again means a new link: the screen that lists the mail knows how to make one. */
export interface NewLinkAction {
  /** The candidate's name, for the confirmation. */
  name: string;
  run: () => Promise<unknown>;
  pending: boolean;
}

/**
 * The messages to one candidate about an attempt or interview (HR and administrators): what each
 * was, its language and subject, its delivery (tries, the last error, when it was queued, sent or
 * is tried next), and a way to send it again. Asks again every few seconds while one is on its way.
 */
export function MailList({
  filter,
  title,
  kinds,
  newLink,
  hideWhenEmpty = false,
}: {
  filter: MailFilter;
  title?: string;
  /** Only these kinds (the explanation page lists explanations only). */
  kinds?: readonly MailKind[];
  /** Offered for a sent link mail (resend: 'new-link'); absent: the list explains that a new link is needed. */
  newLink?: NewLinkAction;
  hideWhenEmpty?: boolean;
}) {
  const { t } = useTranslation('mail');
  const canSee = useCan(...CAN.mail);
  const settings = useMailSettings().data;
  const mails = useMails(filter, { enabled: canSee });
  const headingId = useId();
  if (!canSee) return null;
  const shown = (mails.data ?? []).filter((m) => !kinds || kinds.includes(m.kind));
  if (hideWhenEmpty && !shown.length) return null;

  return (
    <section aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <Card
        size="small"
        title={
          <h2 id={headingId} style={{ margin: 0, fontSize: 16 }}>
            <MailOutlined /> {title ?? t('list.title')}
          </h2>
        }
      >
        {settings && !settings.enabled && (
          <Alert type="info" role="status" showIcon title={t('list.off')} style={{ marginBottom: 12 }} />
        )}
        {mails.error ? (
          <PageError error={mails.error} onRetry={() => void mails.refetch()} />
        ) : mails.isPending || shown.length ? (
          <MessagesTable mails={shown} loading={mails.isPending} newLink={newLink} caption={title ?? t('list.title')} />
        ) : (
          <Typography.Text type="secondary">{t('list.none')}</Typography.Text>
        )}
      </Card>
    </section>
  );
}

/** A queued message waiting for a later try (after a failure, or for the hourly cap), not just queued now. */
function waits(m: MailMessageView): boolean {
  return m.tries > 0 || (m.nextAttemptAt !== null && Date.parse(m.nextAttemptAt) > Date.parse(m.queuedAt) + 1_000);
}

function MessagesTable({
  mails,
  loading,
  newLink,
  caption,
}: {
  mails: MailMessageView[];
  loading: boolean;
  newLink?: NewLinkAction;
  caption: string;
}) {
  const { t } = useTranslation('mail');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const resend = useResendMail();
  const line = (text: string) => (
    <div style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
      <Typography.Text type="secondary">{text}</Typography.Text>
    </div>
  );
  const date = (iso: string) => formatDateTime(lang, iso);

  const action = (m: MailMessageView) => {
    const email = m.to.email;
    if (m.resend === 'resend')
      return (
        <Popconfirm
          title={t('list.resendConfirm', { email })}
          okText={t('list.resend')}
          cancelText={common('cancel')}
          onConfirm={() =>
            resend.mutateAsync(m.id).then(
              () => void message.success(t('list.resent', { email })),
              (error: unknown) => void message.error(errorText(error)),
            )
          }
        >
          <Button size="small" icon={<ReloadOutlined />} loading={resend.isPending && resend.variables === m.id}>
            {t('list.resend')}
          </Button>
        </Popconfirm>
      );
    if (m.resend === 'new-link' && newLink)
      return (
        <Popconfirm
          title={t('list.newLinkConfirm', { name: newLink.name })}
          okText={t('list.newLink')}
          cancelText={common('cancel')}
          onConfirm={() =>
            newLink.run().then(
              () => void message.success(t('list.newLinkDone', { email })),
              (error: unknown) => void message.error(errorText(error)),
            )
          }
        >
          <Button size="small" loading={newLink.pending} title={t('list.linkGone')}>
            {t('list.newLink')}
          </Button>
        </Popconfirm>
      );
    if (m.resend === 'new-link')
      return (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('list.linkGone')}
        </Typography.Text>
      );
    return null;
  };

  return (
    <Table<MailMessageView>
      size="small"
      rowKey="id"
      aria-label={caption}
      loading={loading}
      dataSource={mails}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(m) => ({ 'data-testid': 'mail-row', 'data-kind': m.kind }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('list.message'),
          key: 'message',
          render: (_, m) => (
            <>
              <Typography.Text strong>{t(`kinds.${m.kind}`)}</Typography.Text>
              <div style={{ fontSize: 12, overflowWrap: 'anywhere' }} lang={m.lang === 'zh' ? 'zh-CN' : 'en'}>
                {m.subject}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('list.to', { email: m.to.email })}
              </Typography.Text>
            </>
          ),
        },
        { title: t('list.lang'), key: 'lang', width: 90, render: (_, m) => t(`langs.${m.lang}`) },
        {
          title: t('list.status'),
          key: 'status',
          width: 260,
          render: (_, m) => (
            <>
              <MailStatusTag mail={m} />
              {line(t('list.tries', { count: m.tries }))}
              {m.status !== 'failed' && m.status !== 'cancelled' && m.lastError && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', overflowWrap: 'anywhere' }}>
                  {t('list.lastError', { reason: m.lastError })}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('list.times'),
          key: 'times',
          render: (_, m) => (
            <>
              {line(t('list.queuedAt', { date: date(m.queuedAt) }))}
              {m.sentAt && line(t('list.sentAt', { date: date(m.sentAt) }))}
              {m.nextAttemptAt && waits(m) && line(t('nextTry', { date: date(m.nextAttemptAt) }))}
            </>
          ),
        },
        { title: common('actions'), key: 'actions', width: 170, render: (_, m) => action(m) },
      ]}
    />
  );
}
