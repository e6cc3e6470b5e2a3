import type { DocLine } from './types';
import { splitNumbered } from './split-items';
import { normalizeSpace } from './text-utils';

const BULLET = /^(?:[-*+](?=\s)|[•·●▪◦■□➢–—])\s*/;
const RULE = /^([-*_=])(\s*\1){2,}$/;

/** Removes inline Markdown so labels and items read as plain text. */
function stripInlineMarkdown(text: string): { text: string; strong: boolean } {
  const trimmed = text.trim();
  const strong = /^(\*\*|__)[^*_].*(\*\*|__)[:：]?$/.test(trimmed);
  const plain = trimmed
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  return { text: normalizeSpace(plain), strong };
}

function indentOf(raw: string): number {
  const lead = raw.match(/^[ \t\u3000]*/)?.[0] ?? '';
  return [...lead].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0);
}

/**
 * Reads plain text or Markdown into DocLines: headings (`#`, Markdown only), bullets, numbered
 * items (a line `1.foo 2.bar` becomes two items), and text. Blank lines and rules are dropped.
 */
export function readTextLines(source: string, markdown: boolean): DocLine[] {
  const lines: DocLine[] = [];
  let previousBlank = true;
  for (const raw of source.split('\n')) {
    const trimmed = raw.trim();
    const blank = trimmed === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (blank || RULE.test(trimmed)) continue;
    const indent = indentOf(raw);
    const last = lines[lines.length - 1];
    if (!wasBlank && last?.kind === 'item' && isContinuation(trimmed, indent, last)) {
      // A wrapped list item: indented, or carrying on mid-sentence in lower case.
      last.text = normalizeSpace(`${last.text} ${stripInlineMarkdown(trimmed).text}`);
      continue;
    }
    const heading = markdown ? trimmed.match(/^(#{1,6})\s+(.*?)\s*#*$/) : null;
    if (heading) {
      const { text } = stripInlineMarkdown(heading[2]);
      if (text) lines.push({ kind: 'heading', level: heading[1].length, text });
      continue;
    }
    const bullet = trimmed.match(BULLET);
    if (bullet && trimmed.length > bullet[0].length && !/^\*\*/.test(trimmed)) {
      lines.push(...itemLines(trimmed.slice(bullet[0].length), indent, false));
      continue;
    }
    lines.push(...itemLines(trimmed, indent, true));
  }
  return lines;
}

function isContinuation(trimmed: string, indent: number, item: DocLine): boolean {
  if (BULLET.test(trimmed) || splitNumbered(trimmed) || /^#{1,6}\s/.test(trimmed)) return false;
  return indent > (item.indent ?? 0) || /^[a-z(]/.test(trimmed);
}

/**
 * A line after its bullet (if any). Numbered text splits into one item per number; other text
 * stays one line, as an item when it had a bullet, as text otherwise.
 */
function itemLines(body: string, indent: number, plainUnlessNumbered: boolean): DocLine[] {
  const numbered = splitNumbered(body);
  if (numbered) {
    return numbered.map(({ ordinal, text }) => ({
      kind: 'item' as const,
      ordinal,
      indent,
      text: stripInlineMarkdown(text).text,
    }));
  }
  const { text, strong } = stripInlineMarkdown(body);
  if (!text) return [];
  return [{ kind: plainUnlessNumbered ? 'text' : 'item', indent, text, ...(strong ? { strong } : {}) }];
}
