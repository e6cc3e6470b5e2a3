import type { DocLine } from './types';
import { splitNumbered } from './split-items';
import { readHeading, stripInlineMarkdown } from './markdown-inline';
import { CJK, endsLikeSentence } from './text-utils';
import { matchLabel } from './labels';

/** Bullets, including the private-use glyphs Word's Symbol and Wingdings bullets paste as. */
export const BULLET = /^(?:[-*+Ø](?=\s)|[•·●▪◦■□➢–—◆◇★☆✓✔➤►▶○◎❖※\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06c\uf06e])\s*/;
const RULE = /^([-*_=])(\s*\1){2,}$/;

function indentOf(raw: string): number {
  let columns = 0;
  for (const ch of raw) {
    if (ch === '\t') columns += 4;
    else if (ch === ' ' || ch === '\u3000') columns++;
    else break;
  }
  return columns;
}

/**
 * Reads plain text or Markdown into DocLines: headings (`#`, Markdown only), bullets, numbered
 * items (a line `1.foo 2.bar` becomes two items), and text. Blank lines and rules are dropped.
 */
export function readTextLines(source: string, markdown: boolean): DocLine[] {
  const lines: DocLine[] = [];
  let previousBlank = true;
  let lineNumber = 0;
  for (const raw of source.split('\n')) {
    lineNumber++;
    const trimmed = raw.trim();
    const blank = trimmed === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (blank || RULE.test(trimmed)) continue;
    const indent = indentOf(raw);
    const last = lines[lines.length - 1];
    if (!wasBlank && last?.kind === 'item' && isContinuation(trimmed, indent, last)) {
      // A wrapped list item: indented, or carrying on mid-sentence in lower case. Both parts are
      // already normalised, so join them without re-normalising the whole item on every line
      // (which made an item wrapped over thousands of lines quadratic).
      last.text = joinWords(last.text, stripInlineMarkdown(trimmed).text);
      continue;
    }
    const heading = markdown ? readHeading(trimmed) : undefined;
    if (heading) {
      const { text } = stripInlineMarkdown(heading.text);
      if (text) lines.push({ kind: 'heading', level: heading.level, text, source: lineNumber });
      continue;
    }
    const bullet = trimmed.match(BULLET);
    if (bullet && trimmed.length > bullet[0].length && !/^\*\*/.test(trimmed)) {
      const marker = `bullet:${bullet[0].trim()}`;
      for (const line of itemLines(trimmed.slice(bullet[0].length), indent, marker)) {
        lines.push({ ...line, source: lineNumber });
      }
      continue;
    }
    for (const line of itemLines(trimmed, indent, undefined)) lines.push({ ...line, source: lineNumber });
  }
  return joinHardWraps(numberGlued(lines));
}

/** Ends in punctuation of any kind: a line that does, ended where its author meant it to. */
const ENDS_IN_PUNCTUATION = /[\p{P}]$/u;

/**
 * Rejoins an item that a PDF copy wrapped mid-sentence: `1. 负责…，保障系统` / `高可用、高性能；` /
 * `2. …`. Only an unmarked whole sentence sandwiched between two items of one list, after an item
 * that stops without punctuation, is taken for the rest of that item.
 */
function joinHardWraps(lines: DocLine[]): DocLine[] {
  const out: DocLine[] = [];
  lines.forEach((line, i) => {
    const previous = out[out.length - 1];
    const next = lines[i + 1];
    const wrapped =
      line.kind === 'text' &&
      !line.strong &&
      endsLikeSentence(line.text) &&
      previous?.kind === 'item' &&
      previous.marker !== undefined &&
      !ENDS_IN_PUNCTUATION.test(previous.text) &&
      next?.kind === 'item' &&
      next.marker === previous.marker &&
      // `一、公司介绍` / its paragraph / `二、岗位职责`: headings numbered as a list, not a wrapped item.
      !matchLabel(previous.text) &&
      !matchLabel(next.text);
    if (!wrapped) out.push(line);
    else out[out.length - 1] = { ...previous, text: joinFragments(previous.text, line.text) };
  });
  return out;
}

/** Chinese joins without a space, other text with one. */
function joinFragments(a: string, b: string): string {
  return CJK.test(a.slice(-1)) || CJK.test(b[0] ?? '') ? `${a}${b}` : joinWords(a, b);
}

/** `1.3年以上Java开发经验`: a number glued to what follows, which may be item 1 or the decimal 1.3. */
const GLUED = /^(\d{1,3})[.．](\d.*)$/;

/**
 * Reads `N.` + digit at the start of a line as item N when its neighbours are items N-1 or N+1 of a
 * `1.` list (`1.3年以上经验` then `2.熟悉Spring`); alone, it stays the number it looks like.
 */
function numberGlued(lines: DocLine[]): DocLine[] {
  const isDot = (line: DocLine | undefined, ordinal: number) => line?.marker === 'dot' && line.ordinal === ordinal;
  return lines.map((line, i) => {
    const match = line.kind === 'text' ? GLUED.exec(line.text) : null;
    if (!match) return line;
    const n = Number(match[1]);
    if (!isDot(lines[i - 1], n - 1) && !isDot(lines[i + 1], n + 1)) return line;
    return { ...line, kind: 'item', marker: 'dot', ordinal: n, text: match[2] };
  });
}

/** `a b` for two normalised strings, either of which may be empty. */
function joinWords(a: string, b: string): string {
  return a && b ? `${a} ${b}` : a || b;
}

function isContinuation(trimmed: string, indent: number, item: DocLine): boolean {
  if (BULLET.test(trimmed) || splitNumbered(trimmed) || /^#{1,6}\s/.test(trimmed)) return false;
  return indent > (item.indent ?? 0) || /^[a-z(]/.test(trimmed);
}

/**
 * A line after its bullet (if any). Numbered text splits into one item per number; other text
 * stays one line, as an item when it had a bullet (`bullet`, its marker), as text otherwise.
 */
function itemLines(body: string, indent: number, bullet: string | undefined): DocLine[] {
  const numbered = splitNumbered(body);
  if (numbered) {
    return numbered.map(({ ordinal, style, text }) => ({
      kind: 'item' as const,
      ordinal,
      marker: style,
      indent,
      text: stripInlineMarkdown(text).text,
    }));
  }
  const { text, strong } = stripInlineMarkdown(body);
  if (!text) return [];
  const marked = bullet ? { kind: 'item' as const, marker: bullet } : { kind: 'text' as const };
  return [{ ...marked, indent, text, ...(strong ? { strong } : {}) }];
}
