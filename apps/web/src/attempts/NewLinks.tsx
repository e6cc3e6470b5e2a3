import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import type { InvitationLink } from '@rubricon/contracts';
import { Button, Card, Flex, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';

/**
 * The links exist in clear only in the response that created them (the server keeps hashes), so
 * they live in page state: leaving the page forgets them.
 */
export function NewLinks({ links, replaced }: { links: InvitationLink[]; replaced: ReadonlySet<string> }) {
  const { t } = useTranslation('attempts');
  const [lang] = useLang();
  const [copied, setCopied] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // A new link may come from a row far below: bring it into view, since it is shown only here.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [links[0]?.url]);
  if (!links.length) return null;
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
        <Typography.Paragraph type="warning">{t('links.hint')}</Typography.Paragraph>
        <Flex vertical gap={12}>
          {links.map((link) => (
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
            </div>
          ))}
        </Flex>
      </Card>
    </section>
  );
}
