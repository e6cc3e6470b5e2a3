import type { IntegritySummary as Summary } from '@rubricon/contracts';
import { Card, Flex, Statistic, Typography } from 'antd';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';

/** The server's integrity summary, before any list: pastes and their size, time away, runs, resizes. */
export function IntegritySummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation('attempts');
  const [lang] = useLang();
  const duration = useDuration();
  const cards = [
    {
      key: 'pastes',
      title: t('integrity.pastes'),
      value: summary.pastes.count,
      note: t('integrity.pasteTotal', { size: formatNumber(lang, summary.pastes.totalCharacters) }),
    },
    {
      key: 'away',
      title: t('integrity.away'),
      value: summary.away.count,
      note: t('integrity.awayTotal', { duration: duration(summary.away.totalMs) }),
    },
    { key: 'runs', title: t('integrity.runs'), value: summary.runs.count },
    { key: 'resizes', title: t('integrity.resizes'), value: summary.byKind.resize },
  ];
  return (
    <Flex gap={12} wrap role="group" aria-label={t('integrity.summary')} data-testid="integrity-summary">
      {cards.map((c) => (
        <Card key={c.key} size="small" style={{ flex: '1 1 180px' }} data-testid={`summary-${c.key}`}>
          <Statistic title={c.title} value={formatNumber(lang, c.value)} />
          {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
        </Card>
      ))}
    </Flex>
  );
}

/** "1 min 20 s" / "1 分 20 秒": a span of time as HR reads it. */
function useDuration(): (ms: number) => string {
  const { t } = useTranslation('attempts');
  return (ms) => {
    const seconds = Math.round(ms / 1000);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    if (h > 0) return t('duration.hours', { h, m });
    if (m > 0) return t('duration.minutes', { m, s });
    return t('duration.seconds', { s });
  };
}
