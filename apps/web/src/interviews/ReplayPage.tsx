import { formatElapsed } from '../i18n/format';
import { ArrowLeftOutlined, PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { DocReplay } from '@rubricon/collab';
import type { CodeLanguage, InterviewParticipant, InterviewReplay } from '@rubricon/contracts';
import { Button, Card, Checkbox, Col, Empty, Flex, Row, Segmented, Spin, Tabs, Tag, theme, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { pick } from '../assessments/text';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { interviewPath } from './links';
import { useInterview, useReplay } from './queries';
import { ReplayEvents } from './replay/ReplayEvents';
import { ReplayTimeline } from './replay/ReplayTimeline';
import {
  activityTimes,
  advance,
  decodeLog,
  play,
  replaySpan,
  revealedQuestionAt,
  SPEEDS,
  type ClockState,
  type Speed,
} from './replay/timeline';

// Monaco is large: loaded only when a replay is opened.
const CodeEditor = lazy(() => import('../editor/CodeEditor'));
/** How often the playing clock moves the cursor, in real ms. */
const TICK_MS = 100;

/** An interview's replay: the code of each question as it stood at any moment, with what happened around it. */
export function ReplayPage() {
  const id = useParams().id!;
  const replay = useReplay(id);
  // The replay does not carry the coding language; the interview does (highlighting only).
  const language = useInterview(id).data?.language ?? 'javascript';
  const { t } = useTranslation('interviews');
  const candidate = replay.data?.participants.find((p) => p.role === 'candidate');
  usePageTitle(candidate ? t('replay.title', { name: candidate.name }) : undefined);
  return (
    <article aria-labelledby="replay-title">
      <Link to={interviewPath(id)}>
        <ArrowLeftOutlined /> {t('replay.back')}
      </Link>
      <Typography.Title id="replay-title" level={1} style={{ margin: '12px 0', fontSize: 24 }}>
        {t('replay.title', { name: candidate?.name ?? '' })}
      </Typography.Title>
      <QueryView query={replay}>{(data) => <ReplayView replay={data} language={language} />}</QueryView>
    </article>
  );
}

function ReplayView({ replay, language }: { replay: InterviewReplay; language: CodeLanguage }) {
  const { t } = useTranslation('interviews');
  const span = useMemo(() => replaySpan(replay), [replay]);
  if (!span) return <Empty description={t('replay.nothing')} />;
  if (!replay.questions.length) return <Empty description={t('replay.noQuestions')} />;
  return <Player replay={replay} span={span} language={language} />;
}

function Player({
  replay,
  span,
  language,
}: {
  replay: InterviewReplay;
  span: { start: number; end: number };
  language: CodeLanguage;
}) {
  const { t } = useTranslation('interviews');
  const { token } = theme.useToken();
  const [lang] = useLang();
  const questions = useMemo(() => [...replay.questions].sort((a, b) => a.position - b.position), [replay]);
  const participants = useMemo(
    () => new Map<string, InterviewParticipant>(replay.participants.map((p) => [p.id, p])),
    [replay],
  );
  const docs = useMemo(
    () => new Map(questions.map((q) => [q.id, new DocReplay(decodeLog(replay.logs[q.id] ?? []))])),
    [questions, replay],
  );
  const activity = useMemo(() => activityTimes(replay), [replay]);
  const [clock, setClock] = useState<ClockState>({ at: span.start, playing: false });
  const [speed, setSpeed] = useState<Speed>(1);
  const [skipIdle, setSkipIdle] = useState(true);
  const [questionId, setQuestionId] = useState(questions[0].id);
  // The tab follows the question revealed at the cursor until someone picks a tab by hand.
  const [followReveal, setFollowReveal] = useState(true);
  const onScreen = revealedQuestionAt(replay.events, clock.at);
  const shownId = followReveal && onScreen ? onScreen : questionId;

  // While playing, the clock moves by the real time elapsed since the last tick.
  const options = useRef({ start: span.start, end: span.end, speed, skipIdle, activity });
  options.current = { start: span.start, end: span.end, speed, skipIdle, activity };
  useEffect(() => {
    if (!clock.playing) return;
    let last = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      setClock((c) => advance(c, elapsed, options.current));
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [clock.playing]);

  const doc = docs.get(shownId)!;
  const count = doc.countAt(clock.at);
  const code = useMemo(() => doc.textAfter(count), [doc, count]);
  const question = questions.find((q) => q.id === shownId)!;
  const title = pick(question.title, lang);
  const elapsed = formatElapsed(clock.at - span.start);
  const seek = (at: number) => setClock({ at, playing: false });

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('replay.timeline')}</h2>}>
          <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
            <Button
              type="primary"
              icon={clock.playing ? <PauseOutlined /> : <CaretRightOutlined />}
              onClick={() => setClock((c) => (c.playing ? { ...c, playing: false } : play(c, span)))}
            >
              {clock.playing ? t('replay.pause') : t('replay.play')}
            </Button>
            <Segmented<Speed>
              aria-label={t('replay.speed')}
              value={speed}
              onChange={setSpeed}
              options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
            />
            <Checkbox checked={skipIdle} onChange={(e) => setSkipIdle(e.target.checked)}>
              {t('replay.skipIdle')}
            </Checkbox>
            <span style={{ flex: 1 }} />
            <Typography.Text>
              {t('replay.elapsed')}:{' '}
              <strong data-testid="replay-elapsed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {elapsed}
              </strong>{' '}
              / {formatElapsed(span.end - span.start)}
            </Typography.Text>
          </Flex>
          <ReplayTimeline
            span={span}
            at={clock.at}
            onSeek={seek}
            updates={replay.logs[shownId] ?? []}
            events={replay.events}
            participants={participants}
          />
          <Flex gap={8} wrap align="center" aria-label={t('replay.participants')} role="list">
            {replay.participants.map((p) => (
              <Tag key={p.id} role="listitem" style={{ borderColor: p.colour }}>
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: 8,
                    height: 8,
                    borderRadius: 4,
                    background: p.colour,
                    marginInlineEnd: 6,
                  }}
                />
                {p.name}
              </Tag>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Tabs
          activeKey={shownId}
          onChange={(key) => {
            setQuestionId(key);
            setFollowReveal(false);
          }}
          items={questions.map((q, i) => ({
            key: q.id,
            label: (
              <span data-question-id={q.id}>
                {i + 1}. {pick(q.title, lang)}
                {q.id === onScreen && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    {t('replay.onScreen')}
                  </Tag>
                )}
              </span>
            ),
          }))}
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
          {t('replay.edits')}: {count} / {doc.entries.length}
          {count > 0 && code === '' && <> · {t('replay.emptyCode')}</>}
        </Typography.Text>
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <div
            data-testid="replay-code"
            data-code={code}
            style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius, overflow: 'hidden' }}
          >
            <CodeEditor
              value={code}
              language={language}
              readOnly
              ariaLabel={t('replay.code', { title, time: elapsed })}
              height={420}
            />
          </div>
        </Suspense>
      </Col>
      <Col xs={24} xl={8}>
        <ReplayEvents replay={replay} at={clock.at} start={span.start} participants={participants} onSeek={seek} />
      </Col>
    </Row>
  );
}
