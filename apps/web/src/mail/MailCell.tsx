import type { MailLang, MailStatusSummary } from '@rubricon/contracts';
import { Typography } from 'antd';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { MailStatusTag } from './MailStatusTag';

/**
 * A candidate's row: the delivery of the latest mail about the attempt (a refusal written out in
 * red), what that mail was, and the candidate's mail language; "not sent" when there is none.
 */
export function MailCell({ mail, lang, mailOn }: { mail: MailStatusSummary | null; lang: MailLang; mailOn: boolean }) {
  const { t } = useTranslation('mail');
  const [uiLang] = useLang();
  const language = (
    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }} data-testid="mail-lang">
      {t(`langs.${lang}`)}
    </Typography.Text>
  );
  if (!mail)
    return (
      <span data-testid="mail-cell">
        <Typography.Text type="secondary">{mailOn ? t('notSent') : '—'}</Typography.Text>
        {mailOn && language}
      </span>
    );
  const kind = t(`kinds.${mail.kind}`);
  return (
    <div data-testid="mail-cell">
      <MailStatusTag
        mail={mail}
        tip={t('rowTip', { kind, lang: t(`langs.${lang}`), date: formatDateTime(uiLang, mail.at) })}
        beside={language}
        below={
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {kind}
          </Typography.Text>
        }
      />
    </div>
  );
}
