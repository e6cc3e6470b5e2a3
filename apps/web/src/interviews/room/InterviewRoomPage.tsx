import { ArrowLeftOutlined } from '@ant-design/icons';
import type { InterviewQuestionView, InterviewRoomState } from '@rubricon/contracts';
import { Alert, App, Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { session } from '../../api';
import { signOut } from '../../auth/session';
import { Participants, RoomTimer, type RunLabels } from '../../collab/RoomParts';
import type { RoomConnection, RoomView } from '../../collab/room-connection';
import { useRoom } from '../../collab/use-room';
import { useErrorText, useTranslation } from '../../i18n/staff';
import { usePageTitle } from '../../shell/page-title';
import { interviewPath } from '../links';
import { StatusTag } from '../StatusTag';
import { QuestionWorkspace } from './QuestionWorkspace';
import { RoomNotes } from './RoomNotes';
import { RoomQuestions } from './RoomQuestions';
import '../../collab/collab.css';
import './room.css';

const SIGNED_OUT = new Set(['sign-in-required', 'sign-in-expired', 'account-inactive', 'password-changed']);

/**
 * The interviewer's live room: the questions (reveal one and the candidate sees it), the shared
 * editor with everyone's cursors, runs everyone sees, private notes, who is here, and the timer.
 * Everything arrives over the room's socket (collab/use-room.ts), nothing over REST.
 */
export function InterviewRoomPage() {
  const id = useParams().id!;
  const { t } = useTranslation('room');
  const errorText = useErrorText();
  const token = session.token();
  const auth = useMemo(() => (token ? { accessToken: token, interviewId: id } : null), [token, id]);
  const { room, view } = useRoom(auth);
  usePageTitle(view.state ? `${view.state.candidateName} · ${view.state.postingTitle}` : undefined);
  // A sign-in the server no longer accepts signs out, as a REST call would: the sign-in page brings the user back.
  const refusedCode = view.refusal?.code;
  useEffect(() => {
    if (refusedCode && SIGNED_OUT.has(refusedCode)) signOut();
  }, [refusedCode]);

  if (view.refusal && !view.state)
    return (
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24 }}>{t('refused')}</h1>}
        subTitle={<span role="alert">{errorText(view.refusal)}</span>}
        extra={<Link to={interviewPath(id)}>{t('back')}</Link>}
      />
    );
  if (!room || !view.state)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin aria-label={t('joining')} />
      </Flex>
    );
  return <Room id={id} room={room} view={view} state={view.state} />;
}

function Room({
  id,
  room,
  view,
  state,
}: {
  id: string;
  room: RoomConnection;
  view: RoomView;
  state: InterviewRoomState;
}) {
  const { t } = useTranslation('room');
  const errorText = useErrorText();
  const { modal, message } = App.useApp();
  const questions: InterviewQuestionView[] = useMemo(
    () =>
      view.questions?.audience === 'staff' ? [...view.questions.questions].sort((a, b) => a.position - b.position) : [],
    [view.questions],
  );
  // The question on screen: the current one, unless the interviewer picked another to look at.
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => setPicked(null), [state.currentQuestionId]);
  const selected = questions.find((q) => q.id === (picked ?? state.currentQuestionId)) ?? questions[0];
  const ended = state.status === 'ended';
  const [busy, setBusy] = useState<string | null>(null);

  const command = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await action();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const confirmEnd = () =>
    modal.confirm({
      title: t('endConfirmTitle'),
      content: t('endConfirm'),
      okText: t('endOk'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () => command('end', () => room.request('interview:end', {})),
    });

  const names = new Map(state.participants.map((p) => [p.id, p.name]));
  const runLabels = useRunLabels();

  return (
    <article
      aria-labelledby="room-title"
      className="interview-room"
      data-testid="interview-room"
      data-status={state.status}
    >
      <Link to={interviewPath(id)}>
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <Flex align="center" gap={12} wrap style={{ margin: '8px 0 12px' }}>
        <Typography.Title id="room-title" level={1} style={{ margin: 0, fontSize: 22 }}>
          {state.candidateName} · {state.postingTitle}
        </Typography.Title>
        <StatusTag status={state.status} />
        <RoomTimer
          clock={view.clock}
          label={t('timer')}
          ofText={t('ofMinutes', { n: state.durationMinutes })}
          overtimeText={(over) => t('overtime', { over })}
        />
        <span style={{ flex: 1 }} />
        {state.status === 'scheduled' && (
          <Button
            type="primary"
            loading={busy === 'start'}
            onClick={() => void command('start', () => room.request('interview:start', {}))}
          >
            {t('start')}
          </Button>
        )}
        {state.status === 'live' && (
          <Button danger loading={busy === 'end'} onClick={confirmEnd}>
            {t('end')}
          </Button>
        )}
      </Flex>
      {!view.connected && (
        <Alert type="warning" showIcon role="status" title={t('reconnecting')} style={{ marginBottom: 12 }} />
      )}
      {ended && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('ended')}
          style={{ marginBottom: 12 }}
          data-testid="room-ended"
        />
      )}
      {state.status === 'scheduled' && (
        <Alert type="info" showIcon title={t('notStarted')} style={{ marginBottom: 12 }} />
      )}
      <div className="room-grid">
        <aside className="room-side">
          <Card size="small" title={t('questions')}>
            <RoomQuestions
              questions={questions}
              currentId={state.currentQuestionId}
              selectedId={selected?.id ?? null}
              ended={ended}
              busy={busy}
              onSelect={setPicked}
              onReveal={(questionId) =>
                void command(`reveal:${questionId}`, () => room.request('question:reveal', { questionId }))
              }
            />
          </Card>
          <Card size="small" title={t('participants')}>
            <Participants
              participants={state.participants}
              label={t('participants')}
              onlineText={t('online')}
              offlineText={t('offline')}
              youText={t('you')}
              youId={state.you.id}
            />
          </Card>
        </aside>
        <div className="room-main">
          {selected && (
            <QuestionWorkspace
              key={selected.id}
              question={selected}
              room={room}
              view={view}
              state={state}
              runLabels={runLabels}
              whoName={(pid) => names.get(pid) ?? pid}
            />
          )}
          <RoomNotes room={room} view={view} />
        </div>
      </div>
    </article>
  );
}

const VERDICTS = ['ok', 'passed', 'failed', 'error', 'timeout', 'memory', 'crashed'] as const;

function useRunLabels(): RunLabels {
  const { t } = useTranslation('room');
  const errorText = useErrorText();
  return {
    title: t('runOutput.title'),
    running: t('runOutput.running'),
    ranBy: (name) => t('runOutput.ranBy', { name }),
    example: (n) => t('runOutput.example', { n }),
    passed: t('runOutput.passed'),
    failed: t('runOutput.failed'),
    output: t('runOutput.output'),
    error: t('runOutput.error'),
    logs: t('runOutput.logs'),
    customResult: t('runOutput.customResult'),
    verdicts: Object.fromEntries(VERDICTS.map((v) => [v, t(`runOutput.verdicts.${v}`)])),
    refusal: (e) => errorText(e),
  };
}
