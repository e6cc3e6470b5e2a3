import type { MailLang } from '@rubricon/contracts';

/**
 * A moment as a candidate reads it in a mail: weekday, date, 24-hour time and the zone's long name,
 * in `timeZone` (IANA, e.g. Asia/Shanghai). en: "Tue, 8 Dec 2026, 18:00 (China Standard Time)";
 * zh: "2026年12月8日 星期二 18:00（中国标准时间）". The zone is always named, since candidates and
 * HR may be in different zones. An invalid date or zone is a RangeError (from Intl).
 */
export function formatWhen(date: Date, lang: MailLang, timeZone: string): string {
  const p = parts(date, lang, timeZone, true);
  return lang === 'zh'
    ? `${p.year}年${p.month}月${p.day}日 ${p.weekday} ${p.hour}:${p.minute}（${p.timeZoneName}）`
    : `${p.weekday}, ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} (${p.timeZoneName})`;
}

/** The calendar day of a moment in `timeZone`, without time or zone: "Mon, 1 Dec 2026" / "2026年12月1日 星期一". */
export function formatDay(date: Date, lang: MailLang, timeZone: string): string {
  const p = parts(date, lang, timeZone, false);
  return lang === 'zh'
    ? `${p.year}年${p.month}月${p.day}日 ${p.weekday}`
    : `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** A number of minutes in words: "1 minute", "90 minutes", "90 分钟". */
export function formatMinutes(minutes: number, lang: MailLang): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be >= 0, got ${minutes}`);
  if (lang === 'zh') return `${minutes} 分钟`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

type Part = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'timeZoneName';

function parts(date: Date, lang: MailLang, timeZone: string, withTime: boolean): Record<Part, string> {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  const zh = lang === 'zh';
  const format = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: zh ? 'numeric' : 'short',
    day: 'numeric',
    weekday: zh ? 'long' : 'short',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'long' } : {}),
  });
  const out: Record<Part, string> = {
    year: '',
    month: '',
    day: '',
    weekday: '',
    hour: '',
    minute: '',
    timeZoneName: '',
  };
  for (const { type, value } of format.formatToParts(date)) if (type in out) out[type as Part] = value;
  return out;
}
