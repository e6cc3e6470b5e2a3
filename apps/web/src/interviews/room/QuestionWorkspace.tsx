import type { InterviewQuestionView, InterviewRoomState, InterviewRunRequest } from '@rubricon/contracts';
import { Alert, Button, Card, Collapse, Flex, Input, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { pick } from '../../assessments/text';
import { RubricTable } from '../../assessments/RubricTable';
import { RunView, type RunLabels } from '../../collab/RoomParts';
import type { RoomConnection, RoomView } from '../../collab/room-connection';
import { useDocClient } from '../../collab/use-doc-client';
import { useLang } from '../../i18n/lang';
import { useErrorText, useTranslation } from '../../i18n/staff';
import { Markdown } from '../../markdown/Markdown';

// Monaco downloads only when a shared editor is on screen.
const CollabEditor = lazy(() => import('../../collab/CollabEditor'));

/** The question on the interviewer's screen: prompt, rubric and probes, and (once revealed) the shared editor and runs. */
export function QuestionWorkspace({
  question,
  room,
  view,
  state,
  runLabels,
  whoName,
}: {
  question: InterviewQuestionView;
  room: RoomConnection;
  view: RoomView;
  state: InterviewRoomState;
  runLabels: RunLabels;
  whoName: (id: string) => string;
}) {
  const { t } = useTranslation('room');
  const [lang] = useLang();
  const errorText = useErrorText();
  const coding = question.kind === 'coding';
  const revealed = question.revealedAt !== null;
  const { client, synced, refusal } = useDocClient(room.socket, coding && revealed ? question.id : null, {
    name: state.you.name,
    colour: state.you.colour,
  });
  const ended = state.status === 'ended';
  const run = view.runs[question.id];
  const running = !!run && !run.result;
  const canRun = !ended && state.status === 'live' && view.connected;
  const [problem, setProblem] = useState<unknown>(null);
  const [input, setInput] = useState(() => JSON.stringify(question.coding?.examples[0]?.input ?? null));
  const [invalid, setInvalid] = useState<string | null>(null);

  const send = (req: InterviewRunRequest) => {
    setProblem(null);
    room.run(req).catch((e: unknown) => setProblem(e));
  };
  const runCustom = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch (e) {
      setInvalid((e as Error).message);
      return;
    }
    setInvalid(null);
    send({ questionId: question.id, mode: 'custom', input: parsed });
  };

  return (
    <Card
      size="small"
      className="room-question"
      data-testid="room-question"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {pick(question.title, lang)}
        </Typography.Title>
      }
    >
      <Collapse
        size="small"
        defaultActiveKey={['prompt', 'probes']}
        items={[
          {
            key: 'prompt',
            label: t('prompt'),
            children: (
              <Typography className="room-prompt" tabIndex={0} aria-label={t('prompt')}>
                <Markdown source={pick(question.prompt, lang)} headingOffset={2} />
                {question.coding && (
                  <>
                    <Typography.Title level={4}>{t('examples')}</Typography.Title>
                    <ol className="room-examples">
                      {question.coding.examples.map((ex, i) => (
                        <li key={i}>
                          <code>{JSON.stringify(ex.input)}</code> → <code>{JSON.stringify(ex.expected)}</code>
                        </li>
                      ))}
                    </ol>
                    <Typography.Text type="secondary">
                      {t('hiddenTests', { n: question.coding.hiddenTestCount })}
                    </Typography.Text>
                  </>
                )}
              </Typography>
            ),
          },
          {
            key: 'rubric',
            label: t('rubric'),
            children: <RubricTable rubric={question.rubric} />,
          },
          {
            key: 'probes',
            label: t('probes'),
            children: question.probes.length ? (
              <ul className="room-probes" data-testid="probes">
                {question.probes.map((p, i) => (
                  <li key={i}>{pick(p, lang)}</li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('noProbes')}</Typography.Text>
            ),
          },
        ]}
      />
      <div className="room-editor">
        {!coding ? (
          <Typography.Paragraph type="secondary">{t('noCode')}</Typography.Paragraph>
        ) : !revealed ? (
          <Alert type="info" showIcon title={t('revealToEdit')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 6px' }}>
              {t('editorHint')}
            </Typography.Paragraph>
            {client && synced ? (
              <Suspense fallback={<p className="room-editor-loading">{t('editorLoading')}</p>}>
                <CollabEditor
                  client={client}
                  language={state.language}
                  ariaLabel={t('editor')}
                  readOnly={ended}
                  readOnlyMessage={ended ? t('ended') : undefined}
                  onRun={() => canRun && !running && send({ questionId: question.id, mode: 'visible' })}
                  legendLabel={t('alsoHere')}
                  height={380}
                />
              </Suspense>
            ) : (
              <p className="room-editor-loading">{t('editorLoading')}</p>
            )}
            {refusal && <Alert type="warning" showIcon title={errorText(refusal)} style={{ marginTop: 8 }} />}
            <Flex gap={8} wrap align="end" style={{ marginTop: 10 }}>
              <Button
                type="primary"
                disabled={!canRun}
                loading={running}
                onClick={() => send({ questionId: question.id, mode: 'visible' })}
                data-testid="run-visible"
              >
                {t('run')}
              </Button>
              <label className="room-custom">
                <span>{t('customLabel')}</span>
                <Input
                  value={input}
                  onChange={(e) => setInput(e.target.value)}
                  status={invalid ? 'error' : undefined}
                  spellCheck={false}
                  style={{ fontFamily: 'monospace' }}
                />
              </label>
              <Button disabled={!canRun || running} onClick={runCustom}>
                {t('runCustom')}
              </Button>
            </Flex>
            {invalid && (
              <Typography.Text type="danger" role="alert">
                {t('customInvalid', { detail: invalid })}
              </Typography.Text>
            )}
            {problem !== null && (
              <Alert type="error" showIcon role="alert" title={errorText(problem)} style={{ marginTop: 8 }} />
            )}
            <div style={{ marginTop: 10 }}>
              <RunView run={run} whoName={whoName} t={runLabels} />
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
