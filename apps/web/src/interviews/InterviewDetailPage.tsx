import { ArrowLeftOutlined, HistoryOutlined, LoginOutlined } from '@ant-design/icons';
import type { InterviewDetail, InterviewLinkResponse } from '@rubricon/contracts';
import { Alert, App, Button, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { codeLanguageLabel } from '../i18n/code-languages';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { MailList } from '../mail/MailList';
import { useMailSettings } from '../mail/queries';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { RatersPanel } from '../scoring/RatersPanel';
import { CandidateLink } from './CandidateLink';
import { canJoin, canReplay, replayPath, roomPath } from './links';
import { InterviewNotes } from './InterviewNotes';
import { InterviewQuestions } from './InterviewQuestions';
import { useInterview, useNewInterviewLink } from './queries';
import { StatusTag } from './StatusTag';

/** One interview for the panel and HR: the facts, the way into the room, the questions and the notes. */
export function InterviewDetailPage() {
  const interview = useInterview(useParams().id!);
  usePageTitle(interview.data?.candidate.name);
  return <QueryView query={interview}>{(detail) => <InterviewView detail={detail} />}</QueryView>;
}

function InterviewView({ detail }: { detail: InterviewDetail }) {
  const { t } = useTranslation('interviews');
  const { t: common } = useTranslation();
  const { t: tm } = useTranslation('mail');
  const [lang] = useLang();
  const mailOn = useMailSettings().data?.enabled ?? false;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe().data;
  const newLink = useNewInterviewLink(detail.id);
  const [link, setLink] = useState<InterviewLinkResponse | null>(null);
  const when = (iso: string | null) => (iso ? formatDateTime(lang, iso) : '—');
  const name = detail.candidate.name;

  return (
    <article aria-labelledby="interview-title">
      <Link to="/interviews">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      <Flex align="center" gap={12} wrap style={{ margin: '12px 0' }}>
        <Typography.Title id="interview-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {name}
        </Typography.Title>
        <StatusTag status={detail.status} />
        <span style={{ flex: 1 }} />
        {canJoin(detail) && (
          <Button type="primary" icon={<LoginOutlined />} onClick={() => void navigate(roomPath(detail.id))}>
            {t('actions.join')}
          </Button>
        )}
        {canReplay(detail) && (
          <Button icon={<HistoryOutlined />} onClick={() => void navigate(replayPath(detail.id))}>
            {t('actions.replay')}
          </Button>
        )}
        {detail.status !== 'ended' && (
          <Popconfirm
            title={t('link.newLinkConfirm', { name })}
            okText={t('link.newLink')}
            cancelText={common('cancel')}
            onConfirm={() =>
              newLink.mutateAsync().then(
                (response) => {
                  setLink(response);
                  void message.success(t('link.created'));
                },
                (error: unknown) => void message.error(errorText(error)),
              )
            }
          >
            <Button loading={newLink.isPending}>{t('link.newLink')}</Button>
          </Popconfirm>
        )}
      </Flex>
      {!detail.onPanel && detail.status !== 'ended' && (
        <Alert type="info" showIcon title={t('detail.notOnPanel')} style={{ marginBottom: 12 }} />
      )}
      {link && <CandidateLink response={link} />}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'email', label: t('detail.email'), children: detail.candidate.email },
          {
            key: 'posting',
            label: t('detail.posting'),
            children: <Link to={`/postings/${detail.postingId}`}>{detail.postingTitle}</Link>,
          },
          { key: 'startsAt', label: t('detail.startsAt'), children: when(detail.startsAt) },
          {
            key: 'duration',
            label: t('detail.duration'),
            children: t('detail.minutes', { n: detail.durationMinutes }),
          },
          { key: 'language', label: t('detail.language'), children: codeLanguageLabel(detail.language, lang) },
          ...(mailOn
            ? [{ key: 'candidateLang', label: tm('interview.lang'), children: tm(`langs.${detail.candidateLang}`) }]
            : []),
          ...(detail.startedAt
            ? [{ key: 'startedAt', label: t('detail.startedAt'), children: when(detail.startedAt) }]
            : []),
          ...(detail.endedAt ? [{ key: 'endedAt', label: t('detail.endedAt'), children: when(detail.endedAt) }] : []),
          {
            key: 'panel',
            label: t('detail.panel'),
            span: 'filled' as const,
            children: (
              <Flex gap={4} wrap role="list" aria-label={t('detail.panel')}>
                {detail.panel.map((p) => (
                  <Tag key={p.id} role="listitem" title={p.email}>
                    {p.name}
                    {p.id === me?.id && ` (${t('detail.you')})`}
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <MailList
        filter={{ interviewId: detail.id }}
        newLink={
          detail.status !== 'ended'
            ? { name, pending: newLink.isPending, run: () => newLink.mutateAsync().then(setLink) }
            : undefined
        }
      />
      <RatersPanel kind="interview" id={detail.id} scoreLink={detail.onPanel && detail.status === 'ended'} />
      <InterviewQuestions questions={detail.questions} />
      <InterviewNotes detail={detail} />
    </article>
  );
}
