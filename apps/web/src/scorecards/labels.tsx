import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  MinusCircleFilled,
  ExclamationCircleOutlined,
  QuestionCircleOutlined,
  UserDeleteOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  RECOMMENDATIONS,
  SPREAD_FLAG_LEVELS,
  type AlphaBand,
  type IccBand,
  type RecommendationCounts,
  type ScorecardFlag,
  type ScorecardView,
} from '@rubricon/contracts';
import { App, Button, Flex, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { downloadFile } from './download';
import { formatScore } from './numbers';

/** A scorecard's total ("3.25 / 5" or "no score") and rank ("2 of 7" or "not ranked"), as the card and the comparison write them. */
export function useCardTexts() {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  return {
    total: (card: ScorecardView) =>
      card.total == null ? t('noScore') : t('outOfFive', { score: formatScore(lang, card.total) }),
    rank: (card: ScorecardView) =>
      card.rank == null
        ? t('ranking.notRanked')
        : t('scorecard.rankValue', { rank: formatNumber(lang, card.rank), ranked: formatNumber(lang, card.ranked) }),
  };
}

const FLAG_ORDER: ScorecardFlag[] = ['spread', 'missing-rater', 'no-evidence', 'unassigned'];

/** A scorecard flag as a tag whose tooltip (and accessible description) says what it means. */
function FlagTag({ flag }: { flag: ScorecardFlag }) {
  const { t } = useTranslation('scorecards');
  const { token } = theme.useToken();
  const hint = t(`flagHints.${flag}`, { levels: SPREAD_FLAG_LEVELS });
  // Body-coloured text with a coloured icon, except the red spread tag (antd's red tag keeps 4.5:1).
  const icon = {
    spread: <WarningOutlined />,
    'missing-rater': <ExclamationCircleOutlined style={{ color: token.colorWarningText }} />,
    'no-evidence': <QuestionCircleOutlined style={{ color: token.colorTextSecondary }} />,
    unassigned: <UserDeleteOutlined style={{ color: token.colorWarningText }} />,
  }[flag];
  return (
    <Tooltip title={hint}>
      <Tag
        color={flag === 'spread' ? 'error' : undefined}
        data-flag={flag}
        tabIndex={0}
        aria-label={`${t(`flags.${flag}`)}: ${hint}`}
        style={{ marginInlineEnd: 4, marginBlock: 2 }}
      >
        {icon} {t(`flags.${flag}`)}
      </Tag>
    </Tooltip>
  );
}

/** `vertical`: one tag a line, for a narrow table column. */
export function FlagTags({ flags, empty, vertical }: { flags: ScorecardFlag[]; empty?: string; vertical?: boolean }) {
  if (!flags.length) return empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null;
  const sorted = FLAG_ORDER.filter((f) => flags.includes(f));
  return (
    <Flex data-testid="flags" vertical={vertical} wrap={!vertical} align={vertical ? 'start' : undefined}>
      {sorted.map((flag) => (
        <FlagTag key={flag} flag={flag} />
      ))}
    </Flex>
  );
}

/** The panel's recommendations as counts ("Yes: 2 · Strong no: 1"), strongest yes first, zeros left out. */
export function RecommendationSummary({ counts, vertical }: { counts: RecommendationCounts; vertical?: boolean }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  const keys = [...[...RECOMMENDATIONS].reverse(), 'none'] as const;
  const shown = keys.filter((key) => counts[key] > 0);
  if (!shown.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space
      size={[4, 2]}
      wrap={!vertical}
      orientation={vertical ? 'vertical' : 'horizontal'}
      data-testid="recommendations"
    >
      {shown.map((key) => (
        <Tag key={key} style={{ marginInlineEnd: 0 }}>
          {t('recommendationCount', {
            label: t(`recommendations.${key}`),
            n: formatNumber(lang, counts[key]),
          })}
        </Tag>
      ))}
    </Space>
  );
}

/** A reading of an agreement figure: red when it is too low to trust, else body text with a coloured icon. */
function BandTag({ band, tone, text }: { band: string; tone: 'low' | 'middle' | 'high'; text: string }) {
  const { token } = theme.useToken();
  if (tone === 'low')
    return (
      <Tag color="error" data-band={band}>
        <CloseCircleFilled /> {text}
      </Tag>
    );
  return (
    <Tag data-band={band}>
      {tone === 'high' ? (
        <CheckCircleFilled style={{ color: token.colorSuccess }} />
      ) : (
        <MinusCircleFilled style={{ color: token.colorWarning }} />
      )}{' '}
      {text}
    </Tag>
  );
}

export function AlphaBandTag({ band }: { band: AlphaBand | null }) {
  const { t } = useTranslation('scorecards');
  if (!band) return <>—</>;
  const tone = band === 'unreliable' ? 'low' : band === 'tentative' ? 'middle' : 'high';
  return <BandTag band={band} tone={tone} text={t(`alphaBands.${band}`)} />;
}

export function IccBandTag({ band }: { band: IccBand | null }) {
  const { t } = useTranslation('scorecards');
  if (!band) return <>—</>;
  const tone = band === 'poor' ? 'low' : band === 'moderate' ? 'middle' : 'high';
  return <BandTag band={band} tone={tone} text={t(`iccBands.${band}`)} />;
}

/**
 * A wide table's own scroll area, focusable so keyboard users can scroll it too (antd's `scroll`
 * makes an unfocusable one), and named for screen readers.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="sc-scroll">
      {children}
    </div>
  );
}

/** A button that downloads a CSV from the API with the staff token, and says so when it fails. */
export function DownloadButton({
  path,
  fileName,
  label,
  disabled,
}: {
  path: string;
  fileName: string;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('scorecards');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      className="no-print"
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fileName)
          .catch((error: unknown) => void message.error(t('download.failed', { reason: errorText(error) })))
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

/**
 * A candidate's competency scores as a row of small bars (1-5), for a table cell; the tooltip and
 * the accessible name list every competency with its score.
 */
export function MiniProfile({ items }: { items: { label: string; value: number | null }[] }) {
  const [lang] = useLang();
  const { token } = theme.useToken();
  const bar = 8;
  const gap = 3;
  const height = 28;
  const lines = items.map((i) => `${i.label}: ${formatScore(lang, i.value)}`);
  return (
    <Tooltip
      title={
        <div>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      }
    >
      <span role="img" tabIndex={0} aria-label={lines.join(lang === 'zh' ? '；' : '; ')} data-testid="mini-profile">
        <svg width={items.length * (bar + gap)} height={height} aria-hidden="true" style={{ verticalAlign: 'middle' }}>
          {items.map((item, i) => {
            const h = item.value == null ? 2 : Math.max(2, (item.value / 5) * height);
            return (
              <rect
                key={i}
                x={i * (bar + gap)}
                y={height - h}
                width={bar}
                height={h}
                rx={1}
                fill={item.value == null ? token.colorBorder : token.colorPrimary}
              />
            );
          })}
        </svg>
      </span>
    </Tooltip>
  );
}
