import { ArrowLeftOutlined } from '@ant-design/icons';
import type { InvitationLink } from '@rubricon/contracts';
import { Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAssessment } from '../assessments/queries';
import { useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { AttemptsTable } from './AttemptsTable';
import { InviteForm } from './InviteForm';
import { isLinkMail, NewLinks } from './NewLinks';
import { useAssessmentAttempts } from './queries';

/** One assessment's candidates: invite them, hand out the links once, follow and manage their attempts. */
export function AttemptsPage() {
  const assessmentId = useParams().assessmentId!;
  const { t } = useTranslation('attempts');
  const assessment = useAssessment(assessmentId).data;
  const attempts = useAssessmentAttempts(assessmentId);
  // Links created on this visit, newest first; `replaced` marks the new links of existing attempts.
  const [links, setLinks] = useState<InvitationLink[]>([]);
  const [replaced, setReplaced] = useState<ReadonlySet<string>>(new Set());
  usePageTitle(t('candidatesAndAttempts'));

  return (
    <article aria-labelledby="attempts-title">
      <Link to={`/assessments/${assessmentId}`}>
        <ArrowLeftOutlined /> {t('backToAssessment')}
      </Link>
      <Typography.Title id="attempts-title" level={1} style={{ margin: '12px 0 0', fontSize: 24 }}>
        {t('candidatesAndAttempts')}
      </Typography.Title>
      {assessment && <Typography.Text type="secondary">{assessment.postingTitle}</Typography.Text>}
      <InviteForm
        assessmentId={assessmentId}
        assessmentLang={assessment?.lang}
        onCreated={(created) => setLinks((prev) => [...created, ...prev])}
      />
      <NewLinks
        links={links}
        replaced={replaced}
        // The rows poll while mail is on its way: a row's latest mail, while it is a link mail, is the link's.
        mailNow={(link) => {
          const mail = attempts.data?.find((a) => a.attemptId === link.attemptId)?.mail;
          return mail && isLinkMail(mail) ? mail : undefined;
        }}
      />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('table.title')}
      </Typography.Title>
      {attempts.error ? (
        <PageError error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : (
        <AttemptsTable
          attempts={attempts.data}
          loading={attempts.isFetching}
          onNewLink={(link) => {
            setLinks((prev) => [link, ...prev.filter((l) => l.invitationId !== link.invitationId)]);
            setReplaced((prev) => new Set([...prev, link.url]));
          }}
        />
      )}
    </article>
  );
}
