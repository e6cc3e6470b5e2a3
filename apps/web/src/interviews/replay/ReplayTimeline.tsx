import type { InterviewEventKind, InterviewEventView, InterviewParticipant, ReplayUpdate } from '@rubricon/contracts';
import { Slider, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from '../../i18n/staff';
import { formatElapsed } from '../../i18n/format';
import { editDensity } from './timeline';

const BUCKETS = 120;
/** One glyph per event kind, so marks differ by shape as well as by colour. */
const GLYPH: Record<InterviewEventKind, string> = {
  start: '▶',
  join: '●',
  leave: '○',
  reveal: '◆',
  run: '▷',
  end: '■',
};

/**
 * The scrubber: a strip of edit density above an antd Slider over the replay's span, each bar in
 * the colour of whoever typed most in that slice, and a mark for every event in its actor's colour.
 */
export function ReplayTimeline({
  span,
  at,
  onSeek,
  updates,
  events,
  participants,
}: {
  span: { start: number; end: number };
  at: number;
  onSeek: (at: number) => void;
  updates: ReplayUpdate[];
  events: InterviewEventView[];
  participants: Map<string, InterviewParticipant>;
}) {
  const { t } = useTranslation('interviews');
  const { token } = theme.useToken();
  const density = useMemo(() => editDensity(updates, span, BUCKETS), [updates, span]);
  const most = Math.max(1, ...density.map((d) => d.count));
  const colour = (id: string | null) => (id && participants.get(id)?.colour) || token.colorTextTertiary;
  const who = (id: string) =>
    participants.get(id)?.name ?? (id === 'system' ? t('replay.system') : t('replay.someone'));

  const marks = useMemo(
    () =>
      Object.fromEntries(
        events.map((e) => [
          e.at,
          {
            style: { color: colour(e.actor), fontSize: 11, top: 2 },
            label: (
              <span title={`${formatElapsed(e.at - span.start)} ${who(e.actor)}: ${t(`replay.kinds.${e.kind}`)}`}>
                {GLYPH[e.kind]}
              </span>
            ),
          },
        ]),
      ),
    // colour and who read only participants and the language.
    [events, participants, span.start, t],
  );

  return (
    <div data-testid="replay-timeline">
      <div
        role="img"
        aria-label={t('replay.density')}
        style={{ display: 'flex', alignItems: 'flex-end', height: 32, gap: 1, marginInline: 5 }}
      >
        {density.map((d, i) => (
          <div
            key={i}
            style={{
              flex: 1,
              height: d.count ? `${Math.max(12, (d.count / most) * 100)}%` : 1,
              background: d.count ? colour(d.author) : token.colorBorderSecondary,
              borderRadius: 1,
            }}
          />
        ))}
      </div>
      <Slider
        min={span.start}
        max={span.end}
        step={100}
        value={at}
        onChange={onSeek}
        marks={marks}
        included
        tooltip={{ formatter: (value) => (value === undefined ? '' : formatElapsed(value - span.start)) }}
        ariaLabelForHandle={t('replay.position')}
        ariaValueTextFormatterForHandle={(value) => (value === undefined ? '' : formatElapsed(value - span.start))}
        style={{ marginTop: 4, marginBottom: 28 }}
      />
    </div>
  );
}
