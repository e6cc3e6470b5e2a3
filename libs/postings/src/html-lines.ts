import type { DocLine } from './types';
import { decodeEntities } from './entities';
import { htmlTokens } from './html-tokens';
import { splitNumbered, splitSentences, type NumberedItem } from './split-items';
import { hasContent, normalizeSpace } from './text-utils';
import { BULLET } from './text-lines';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'body',
  'html',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'form',
  'figure',
  'caption',
]);
const STRONG = new Set(['strong', 'b']);
const VOID = new Set(['br', 'hr']);
const MAX_DEPTH = 64;

/**
 * Reads HTML (a whole page or a fragment from a table cell) into DocLines. `<h1>`–`<h6>` become
 * headings, `<li>` items, `<p>`/`<div>`/`<br>` text lines. Text sitting directly inside `<ol>` or
 * `<ul>` (list items whose `<li>` tags were lost) is split into one item per sentence.
 */
export function readHtmlLines(html: string, firstLine = 1): DocLine[] {
  const lines: DocLine[] = [];
  const open: string[] = [];
  const lineOf = lineNumbers(html, firstLine);
  // Where the current block's first text starts, for the line number of what it becomes.
  let blockStart = -1;
  // The text of the current block, and whether all of it (but whitespace) was bold.
  let parts: string[] = [];
  let allStrong = true;
  let strongDepth = 0;

  const flush = () => {
    const text = normalizeSpace(decodeEntities(parts.join('')));
    const strong = allStrong;
    const source = blockStart < 0 ? undefined : lineOf(blockStart);
    parts = [];
    allStrong = true;
    blockStart = -1;
    if (!hasContent(text)) return;
    // One push per line: spreading tens of thousands of items into push() overflows the stack.
    for (const line of classify(text, strong, open)) lines.push(source === undefined ? line : { ...line, source });
  };

  for (const token of htmlTokens(html)) {
    if (token.kind === 'text') {
      if (blockStart < 0 && token.text.trim() !== '') blockStart = token.at;
      parts.push(token.text);
      allStrong &&= strongDepth > 0 || token.text.trim() === '';
      continue;
    }
    const name = token.name.toLowerCase();
    const { closing } = token;
    if (STRONG.has(name)) {
      strongDepth = Math.max(0, strongDepth + (closing ? -1 : 1));
      continue;
    }
    if (!BLOCK.has(name)) continue;
    flush();
    if (VOID.has(name) || token.selfClosing) continue;
    if (!closing) {
      // Deeper nesting than any real posting has only costs time; treat it as flat.
      if (open.length < MAX_DEPTH) open.push(name);
    } else {
      // Close the matching element and anything left unclosed inside it (`<ol>` without `</ol>`).
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    }
  }
  flush();
  return lines;
}

/** offset → 1-based line number (counting from `firstLine`), by binary search over the newlines. */
function lineNumbers(text: string, firstLine: number): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return firstLine + low;
  };
}

function classify(text: string, strong: boolean, open: string[]): DocLine[] {
  const heading = [...open].reverse().find((tag) => /^h[1-6]$/.test(tag));
  if (heading) return [{ kind: 'heading', level: Number(heading[1]), text }];
  const inItem = open.includes('li') || open.includes('dd');
  const innermost = open[open.length - 1];
  if (inItem) {
    const numbered = splitNumbered(text);
    if (numbered) return numberedLines(numbered);
    return [{ kind: 'item', marker: 'li', text, ...(strong ? { strong } : {}) }];
  }
  if (innermost === 'ol' || innermost === 'ul') {
    const numbered = splitNumbered(text);
    if (numbered) return numberedLines(numbered);
    return splitSentences(text).map((t) => ({ kind: 'item' as const, marker: 'li', text: t }));
  }
  const numbered = splitNumbered(text);
  if (numbered) return numberedLines(numbered);
  // `<p>• Monitor alerts</p>`: a list typed by hand, one paragraph per item.
  const bullet = BULLET.exec(text);
  if (bullet && text.length > bullet[0].length) {
    return [{ kind: 'item', marker: `bullet:${bullet[0].trim()}`, text: text.slice(bullet[0].length) }];
  }
  return [{ kind: 'text', text, ...(strong ? { strong } : {}) }];
}

function numberedLines(items: NumberedItem[]): DocLine[] {
  return items.map(({ ordinal, style, text }) => ({ kind: 'item' as const, ordinal, marker: style, text }));
}
