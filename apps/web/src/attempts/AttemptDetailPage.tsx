import { ArrowLeftOutlined } from '@ant-design/icons';
import type { AttemptDetail, AttemptStatus, InvitationLink } from '@rubricon/contracts';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatPercent } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { CAN, useCan } from '../auth/session';
import { useTranslation } from '../i18n/staff';
import { MailList } from '../mail/MailList';
import { useMailSettings, useMails } from '../mail/queries';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { RatersPanel } from '../scoring/RatersPanel';
import { AdjustmentHistory } from './AdjustmentHistory';
import { AnswersList } from './AnswersList';
import { IntegrityReport } from './IntegrityReport';
import { isLinkMail, NewLinks } from './NewLinks';
import { useAttempt, useNewLink } from './queries';
import { scoreText, StatusTag } from './StatusTag';

/** One attempt for HR: the facts, changes staff made, answers in the candidate's numbering, integrity signals. */
export function AttemptDetailPage() {
  const attempt = useAttempt(useParams().attemptId!);
  usePageTitle(attempt.data?.candidate.name);
  return <QueryView query={attempt}>{(detail) => <AttemptReport detail={detail} />}</QueryView>;
}

/** Attempts a new link still opens (as the attempts table offers "New link"). */
const OPEN: readonly AttemptStatus[] = ['invited', 'in_progress'];

function AttemptReport({ detail }: { detail: AttemptDetail }) {
  const { t } = useTranslation('attempts');
  const [lang] = useLang();
  const newLink = useNewLink();
  // A link made here, by sending a link mail again, is shown once like those of the attempts page.
  const [link, setLink] = useState<InvitationLink | null>(null);
  const { t: tm } = useTranslation('mail');
  const mailOn = useMailSettings().data?.enabled ?? false;
  const canSeeMail = useCan(...CAN.mail);
  const mails = useMails({ attemptId: detail.attemptId }, { enabled: canSeeMail && link !== null });
  const when = (iso: string | null) => (iso ? formatDateTime(lang, iso) : '—');
  return (
    <article aria-labelledby="attempt-title">
      <Link to={`/assessments/${detail.assessmentId}/attempts`}>
        <ArrowLeftOutlined /> {t('candidatesAndAttempts')}
      </Link>
      <Flex align="center" gap={12} wrap style={{ margin: '12px 0' }}>
        <Typography.Title id="attempt-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {detail.candidate.name}
        </Typography.Title>
        <StatusTag status={detail.status} revoked={detail.invitation.revokedAt !== null} />
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'email', label: t('detail.email'), children: detail.candidate.email },
          ...(mailOn ? [{ key: 'mailLang', label: tm('invite.lang'), children: tm(`langs.${detail.mailLang}`) }] : []),
          { key: 'started', label: t('detail.started'), children: when(detail.startedAt) },
          {
            key: 'deadline',
            label: t('detail.deadline'),
            children: (
              <>
                <span data-testid="attempt-deadline">{when(detail.deadline)}</span>
                {detail.extraMinutes > 0 && (
                  <Tag style={{ marginInlineStart: 8 }}>{t('table.extra', { minutes: detail.extraMinutes })}</Tag>
                )}
              </>
            ),
          },
          {
            key: 'submitted',
            label: t('detail.submitted'),
            children: (
              <>
                {when(detail.submittedAt)}
                {detail.submittedBy === 'deadline' && ` (${t('table.byDeadline')})`}
              </>
            ),
          },
          {
            key: 'score',
            label: t('detail.autoScore'),
            children: scoreText(detail.autoScorePercent, (share) => formatPercent(lang, share)),
          },
        ]}
      />
      <MailList
        filter={{ attemptId: detail.attemptId }}
        newLink={
          OPEN.includes(detail.status)
            ? {
                name: detail.candidate.name,
                pending: newLink.isPending,
                run: () => newLink.mutateAsync(detail.invitationId).then(setLink),
              }
            : undefined
        }
      />
      {link && (
        <NewLinks
          links={[link]}
          replaced={new Set([link.url])}
          // The mail list above polls while the mail is on its way; its newest link mail is this link's.
          mailNow={() => mails.data?.find(isLinkMail)}
        />
      )}
      <AdjustmentHistory adjustments={detail.adjustments} />
      <RatersPanel kind="attempt" id={detail.attemptId} />
      <AnswersList detail={detail} />
      <IntegrityReport detail={detail} />
    </article>
  );
}
