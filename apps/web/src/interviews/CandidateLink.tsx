import type { InterviewLinkResponse } from '@rubricon/contracts';
import { Alert, Card, Flex, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { CAN, useCan } from '../auth/session';
import { useTranslation } from '../i18n/staff';
import { MailStatusTag } from '../mail/MailStatusTag';
import { useMails } from '../mail/queries';

/** The link as the candidate opens it: the API may answer a path (/live/<token>) or a whole URL. */
export function absoluteLink(link: string): string {
  return link.startsWith('/') ? window.location.origin + link : link;
}

/**
 * The candidate's link, which exists in clear only in the response that made it (the server keeps
 * a hash): it lives in page state, and leaving the page forgets it. With mail on, it says that the
 * link is emailed, and follows that mail's delivery (for HR and administrators, who may see mail).
 */
export function CandidateLink({ response, actions }: { response: InterviewLinkResponse; actions?: ReactNode }) {
  const { t } = useTranslation('interviews');
  const { t: tm } = useTranslation('mail');
  const canSeeMail = useCan(...CAN.mail);
  const mails = useMails({ interviewId: response.interview.id }, { enabled: canSeeMail && response.mail !== null });
  const mail = (response.mail && mails.data?.find((m) => m.id === response.mail!.messageId)) ?? response.mail;
  const section = useRef<HTMLElement>(null);
  const url = absoluteLink(response.link);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [url]);
  return (
    <section ref={section} aria-labelledby="candidate-link-title" style={{ margin: '16px 0' }}>
      <Card
        type="inner"
        title={
          <h2 id="candidate-link-title" style={{ margin: 0, fontSize: 16 }}>
            {t('link.title')}
          </h2>
        }
      >
        {mail ? (
          <Alert
            type="info"
            role="status"
            showIcon
            data-testid="link-mail"
            title={
              <Flex gap={8} wrap align="start">
                <span>{tm('interview.emailed', { email: response.interview.candidate.email })}</span>
                <MailStatusTag mail={mail} />
              </Flex>
            }
            description={t('link.hintMailed')}
            style={{ marginBottom: 12 }}
          />
        ) : (
          <Alert type="warning" showIcon title={t('link.hint')} style={{ marginBottom: 12 }} />
        )}
        <Typography.Text strong>{response.interview.candidate.name}</Typography.Text>{' '}
        <Typography.Text type="secondary">&lt;{response.interview.candidate.email}&gt;</Typography.Text>
        <Typography.Paragraph
          copyable={{ text: url }}
          code
          data-testid="candidate-link"
          aria-label={t('link.label', { name: response.interview.candidate.name })}
          style={{ marginTop: 8, wordBreak: 'break-all' }}
        >
          {url}
        </Typography.Paragraph>
        {actions}
      </Card>
    </section>
  );
}
