import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import type { InvitationLink, MailKind, MailStatus } from '@rubricon/contracts';
import { Alert, Button, Card, Flex, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { MailStatusTag } from '../mail/MailStatusTag';

/** What the page shows of a link's mail. */
export type LinkMail = { status: MailStatus; lastError: string | null; nextAttemptAt?: string | null };

/** The mails that carry an attempt's link. */
export const isLinkMail = (mail: { kind: MailKind }) => mail.kind === 'invitation' || mail.kind === 'new-link';

/**
 * The links exist in clear only in the response that created them (the server keeps hashes), so
 * they live in page state: leaving the page forgets them. With mail on, each shows its mail's
 * delivery as the page last heard of it (`mailNow`, from data the page keeps fresh), else as created.
 * The attempt's newest link mail is the link's own: a newer link would have replaced it here.
 */
export function NewLinks({
  links,
  replaced,
  mailNow,
}: {
  links: InvitationLink[];
  replaced: ReadonlySet<string>;
  /**
   * The link's mail as it stands now: the attempt's newest link mail, when the page knows it;
   * undefined: as created (queued).
   */
  mailNow?: (link: InvitationLink) => LinkMail | undefined;
}) {
  const { t } = useTranslation('attempts');
  const { t: tm } = useTranslation('mail');
  const [lang] = useLang();
  const [copied, setCopied] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // A new link may come from a row far below: bring it into view, since it is shown only here.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [links[0]?.url]);
  if (!links.length) return null;
  const mailOf = (link: InvitationLink): LinkMail | null => link.mail && (mailNow?.(link) ?? link.mail);
  const emailed = links.some((l) => l.mail);
  const copy = async (link: InvitationLink) => {
    await navigator.clipboard.writeText(link.url).catch(() => undefined);
    setCopied(link.url);
  };
  return (
    <section ref={section} aria-labelledby="new-links-title" style={{ margin: '16px 0' }}>
      <Card
        type="inner"
        title={
          <h2 id="new-links-title" style={{ margin: 0, fontSize: 16 }}>
            {t('links.title')}
          </h2>
        }
      >
        {/* An Alert, not warning-coloured text: antd's warning text is under 4.5:1 on white. */}
        <Alert
          type={emailed ? 'info' : 'warning'}
          role="status"
          showIcon
          title={emailed ? tm('links.hint') : t('links.hint')}
          style={{ marginBottom: 12 }}
        />
        <Flex vertical gap={12}>
          {links.map((link) => {
            const mail = mailOf(link);
            return (
              <div key={link.url} data-testid="new-link">
                <Typography.Text strong>{link.candidate.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">&lt;{link.candidate.email}&gt;</Typography.Text>
                <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                  <Input
                    readOnly
                    value={link.url}
                    aria-label={t('links.url', { name: link.candidate.name })}
                    onFocus={(e) => e.target.select()}
                    data-testid="invitation-url"
                  />
                  <Button
                    icon={copied === link.url ? <CheckOutlined /> : <CopyOutlined />}
                    onClick={() => void copy(link)}
                  >
                    {copied === link.url ? t('links.copied') : t('links.copy')}
                  </Button>
                </Space.Compact>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('links.expires', { date: formatDateTime(lang, link.expiresAt) })}
                  {replaced.has(link.url) && <> · {t('links.replaces')}</>}
                </Typography.Text>
                {mail ? (
                  <Flex gap={6} align="start" style={{ marginTop: 4 }} data-testid="new-link-mail">
                    <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: '22px' }}>
                      {tm('links.mail')}
                    </Typography.Text>
                    <MailStatusTag mail={mail} />
                  </Flex>
                ) : (
                  emailed && (
                    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                      {tm('links.notEmailed')}
                    </Typography.Text>
                  )
                )}
              </div>
            );
          })}
        </Flex>
      </Card>
    </section>
  );
}
