import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  StopOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import type { MailStatus } from '@rubricon/contracts';
import { Tag, theme, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { mailState, type MailState } from './status';

// antd's preset palettes. Green and orange text (shade 7) is 3.4:1 on its light fill, under WCAG AA's
// 4.5:1: those tags take their palette's shade 8 for the text (`dark`), which keeps 5:1 and more.
const LOOK: Record<
  MailState,
  { color?: 'orange' | 'blue' | 'green' | 'red'; dark?: 'orange8' | 'green8'; icon: ReactNode }
> = {
  queued: { icon: <ClockCircleOutlined /> },
  retrying: { color: 'orange', dark: 'orange8', icon: <ExclamationCircleOutlined /> },
  sending: { color: 'blue', icon: <SyncOutlined spin /> },
  sent: { color: 'green', dark: 'green8', icon: <CheckCircleOutlined /> },
  failed: { color: 'red', icon: <CloseCircleOutlined /> },
  cancelled: { icon: <StopOutlined /> },
};

/**
 * A message's delivery as a tag: queued, sending, sent; "retrying" when a try failed and another
 * is due (the reason in a tooltip, which keyboard focus opens too); "failed" in red with the mail
 * server's reason written out beneath it, so a refused address is seen without hovering;
 * "cancelled" (it no longer applied, so it was never sent) with the server's reason, in grey.
 */
export function MailStatusTag({
  mail,
  tip,
  beside,
  below,
}: {
  mail: { status: MailStatus; lastError: string | null; nextAttemptAt?: string | null };
  /** More for the tooltip of a settled message (what it was and when); a retrying one shows its reason. */
  tip?: string;
  /** Shown on the tag's line (the mail's language), and under it before a failure's reason (what the mail was). */
  beside?: ReactNode;
  below?: ReactNode;
}) {
  const { t } = useTranslation('mail');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const state = mailState(mail);
  const look = LOOK[state];
  const retryTip =
    state === 'retrying'
      ? [
          t('retryingTip', { reason: mail.lastError ?? '' }),
          mail.nextAttemptAt ? t('nextTry', { date: formatDateTime(lang, mail.nextAttemptAt) }) : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : undefined;
  const title = retryTip ?? tip;
  const tag = (
    <Tag
      color={look.color}
      icon={look.icon}
      tabIndex={title ? 0 : undefined}
      style={{ marginInlineEnd: 0, ...(look.dark ? { color: token[look.dark] } : {}) }}
    >
      {t(`states.${state}`)}
    </Tag>
  );
  return (
    <span data-testid="mail-status" data-state={state} style={{ display: 'inline-block', maxWidth: '100%' }}>
      {title ? <Tooltip title={title}>{tag}</Tooltip> : tag}
      {beside}
      {below}
      {state === 'failed' && mail.lastError && (
        <Typography.Text
          type="danger"
          data-testid="mail-failure"
          style={{ display: 'block', fontSize: 12, marginTop: 2, overflowWrap: 'anywhere' }}
        >
          {mail.lastError}
        </Typography.Text>
      )}
      {state === 'cancelled' && mail.lastError && (
        <Typography.Text
          type="secondary"
          data-testid="mail-cancelled"
          style={{ display: 'block', fontSize: 12, marginTop: 2, overflowWrap: 'anywhere' }}
        >
          {mail.lastError}
        </Typography.Text>
      )}
    </span>
  );
}
