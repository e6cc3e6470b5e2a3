import { formatNumber, formatPercent } from '../i18n/format';
import type { Lang } from '../i18n/lang';

/** The figures of scorecards in the interface language. */

/** A 1-5 score with two decimals in the interface language ("3.25"); null is a dash. */
export function formatScore(lang: Lang, value: number | null | undefined, digits = 2): string {
  if (value == null) return '—';
  return formatNumber(lang, value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A band of the totals' distribution ("3.0–3.5"), one decimal each end. */
export function formatBand(lang: Lang, band: { from: number; to: number }): string {
  return `${formatScore(lang, band.from, 1)}–${formatScore(lang, band.to, 1)}`;
}

/** A 0-100 percentage as the contracts send it, in the interface language ("63%"). */
export function formatPercent100(lang: Lang, value: number | null | undefined): string {
  return value == null ? '—' : formatPercent(lang, value / 100);
}

/** A coefficient (alpha, ICC) with three decimals; null is a dash. */
export function formatCoefficient(lang: Lang, value: number | null | undefined): string {
  if (value == null) return '—';
  return formatNumber(lang, value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

/** A signed offset (+0.40, −0.25) for calibration. */
export function formatOffset(lang: Lang, value: number | null | undefined): string {
  if (value == null) return '—';
  return formatNumber(lang, value, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
}
