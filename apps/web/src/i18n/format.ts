import type { Lang } from './lang';

/**
 * Dates and numbers in the interface language. English uses an unambiguous month name
 * ("2 Dec 2026, 14:30"), never a bare day-first or month-first 02/12/2026.
 */
const LOCALES: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/** `seconds` for timelines, where several events fall in one minute. */
export function formatDateTime(
  lang: Lang,
  value: string | Date | null | undefined,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  if (value == null) return '';
  return new Date(value).toLocaleString(LOCALES[lang], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}

export function formatDate(lang: Lang, value: string | Date | null | undefined): string {
  if (value == null) return '';
  return new Date(value).toLocaleDateString(LOCALES[lang], { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return value.toLocaleString(LOCALES[lang], options);
}

export function formatPercent(lang: Lang, share: number): string {
  return formatNumber(lang, share, { style: 'percent', maximumFractionDigits: 0 });
}

/** Time passed, for a timer counting up or a replay: 04:05, or 1:02:03 past an hour; whole seconds, rounded down, never negative. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
