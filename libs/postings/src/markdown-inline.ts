import { normalizeSpace } from './text-utils';
import { isSpaceAt, memoIndexOf } from './scan';

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A Markdown ATX heading, `## Title ##`: what `^(#{1,6})\s+(.*?)\s*#*$` matched, without that
 * pattern's quadratic time on `# a` followed by thousands of spaces. Trailing `#`s and the space
 * before them are dropped (so `# C#` reads `C`, as before).
 */
export function readHeading(line: string): { level: number; text: string } | undefined {
  let level = 0;
  while (line[level] === '#') level++;
  if (level < 1 || level > 6 || !isSpaceAt(line, level)) return undefined;
  let start = level;
  while (isSpaceAt(line, start)) start++;
  let end = line.length;
  while (end > start && line[end - 1] === '#') end--;
  while (end > start && isSpaceAt(line, end - 1)) end--;
  const text = line.slice(start, end);
  // `.` in the old pattern stopped at line breaks; keep refusing a heading that spans one.
  return LINE_BREAK.test(text) ? undefined : { level, text };
}

/**
 * Replaces Markdown links `[label](url)` (or images `![alt](url)`) with their label, like
 * `text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')` (`/!\[([^\]]*)\]\([^)]*\)/g` for images) but in
 * linear time: the pattern rescans the rest of the line from every `[` that has no `](…)`.
 */
export function replaceLinks(text: string, image: boolean): string {
  const open = image ? '![' : '[';
  let at = text.indexOf(open);
  if (at < 0) return text;
  const nextBracket = memoIndexOf(text, ']');
  const nextParen = memoIndexOf(text, ')');
  let out = '';
  let copied = 0;
  while (at >= 0) {
    const labelStart = at + open.length;
    const close = nextBracket(labelStart);
    // Every later `[` has its first `]` (and so its `)`) at or after this one's: none can match.
    if (close < 0) break;
    if (text[close + 1] === '(' && (image || close > labelStart)) {
      const end = nextParen(close + 2);
      if (end < 0) break;
      out += text.slice(copied, at) + text.slice(labelStart, close);
      copied = end + 1;
      at = text.indexOf(open, copied);
    } else {
      at = text.indexOf(open, at + 1);
    }
  }
  return out + text.slice(copied);
}

/** Removes inline Markdown so labels and items read as plain text. */
export function stripInlineMarkdown(text: string): { text: string; strong: boolean } {
  const trimmed = text.trim();
  // Anchored at the start, so one pass: linear.
  const strong = /^(\*\*|__)[^*_].*(\*\*|__)[:：]?$/.test(trimmed);
  // The emphasis and code patterns below are linear: a failing start scans only to the next
  // delimiter, and only the last delimiter of a kind can fail to find a partner.
  const plain = replaceLinks(replaceLinks(trimmed, true), false)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  return { text: normalizeSpace(plain), strong };
}
