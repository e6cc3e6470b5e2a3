import type {
  InterviewEventView,
  InterviewParticipant,
  InterviewReplay,
  InterviewRunResult,
} from '@rubricon/contracts';
import { Button, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { pick } from '../../assessments/text';
import { useLang } from '../../i18n/lang';
import { useTranslation } from '../../i18n/staff';
import { formatElapsed } from '../../i18n/format';
import { eventsAround } from './timeline';

/**
 * What happened around the cursor, in words: who joined or left, which question was revealed, who
 * ran the code and what came back. Past events are listed plainly, the next ones dimmed.
 */
export function ReplayEvents({
  replay,
  at,
  start,
  participants,
  onSeek,
}: {
  replay: InterviewReplay;
  at: number;
  start: number;
  participants: Map<string, InterviewParticipant>;
  onSeek: (at: number) => void;
}) {
  const { t } = useTranslation('interviews');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const { past, next } = eventsAround(replay.events, at);
  const titles = new Map(replay.questions.map((q, i) => [q.id, `${i + 1}. ${pick(q.title, lang)}`]));
  const who = (id: string) =>
    participants.get(id)?.name ?? (id === 'system' ? t('replay.system') : t('replay.someone'));

  const line = (e: InterviewEventView, upcoming: boolean) => {
    const what = [t(`replay.kinds.${e.kind}`)];
    if (e.questionId && titles.has(e.questionId)) what.push(titles.get(e.questionId)!);
    if (e.run) what.push(runText(e.run, t));
    return (
      <li
        key={`${e.at}-${e.kind}-${e.actor}`}
        data-testid="replay-event"
        data-kind={e.kind}
        data-upcoming={upcoming || undefined}
        style={{ opacity: upcoming ? 0.6 : 1, padding: '2px 0' }}
      >
        <Button
          type="link"
          size="small"
          onClick={() => onSeek(e.at)}
          style={{ padding: 0, height: 'auto', fontVariantNumeric: 'tabular-nums' }}
        >
          {formatElapsed(e.at - start)}
        </Button>{' '}
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 8,
            height: 8,
            borderRadius: 4,
            background: participants.get(e.actor)?.colour ?? token.colorTextTertiary,
            marginInline: 4,
          }}
        />
        {t('replay.eventActor', { who: who(e.actor), what: what.join(' · ') })}
      </li>
    );
  };

  return (
    <section aria-labelledby="replay-events-title">
      <Typography.Title id="replay-events-title" level={2} style={{ fontSize: 16 }}>
        {t('replay.events')}
      </Typography.Title>
      {past.length + next.length === 0 ? (
        <Typography.Text type="secondary">{t('replay.noEvents')}</Typography.Text>
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {past.map((e) => line(e, false))}
          {next.map((e) => line(e, true))}
        </ol>
      )}
    </section>
  );
}

/** A run's outcome in a few words: examples passed, the verdict, or why it failed. */
function runText(run: InterviewRunResult, t: TFunction<'interviews'>): string {
  const result = run.result;
  if (result.mode === 'visible') {
    const passed = result.tests.filter((test) => test.passed).length;
    return t('replay.runTests', { passed, total: result.tests.length });
  }
  if (result.mode === 'custom') return t('replay.runVerdict', { verdict: result.verdict });
  return t('replay.runError', { code: result.code });
}
