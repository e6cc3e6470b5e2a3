import type { DocLine } from './types';
import { decodeEntities } from './entities';
import { splitNumbered, splitSentences } from './split-items';
import { hasContent, normalizeSpace } from './text-utils';

const TOKEN = /<!--[\s\S]*?-->|<(script|style|head|template)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w-]*)\b[^>]*>|[^<]+|</g;
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

interface Chunk {
  text: string;
  strong: boolean;
}

/**
 * Reads HTML (a whole page or a fragment from a table cell) into DocLines. `<h1>`–`<h6>` become
 * headings, `<li>` items, `<p>`/`<div>`/`<br>` text lines. Text sitting directly inside `<ol>` or
 * `<ul>` (list items whose `<li>` tags were lost) is split into one item per sentence.
 */
export function readHtmlLines(html: string): DocLine[] {
  const lines: DocLine[] = [];
  const open: string[] = [];
  let chunks: Chunk[] = [];
  let strongDepth = 0;

  const flush = () => {
    const text = normalizeSpace(decodeEntities(chunks.map((c) => c.text).join('')));
    const strong = chunks.every((c) => c.strong || c.text.trim() === '');
    chunks = [];
    if (!hasContent(text)) return;
    lines.push(...classify(text, strong, open));
  };

  for (const match of html.matchAll(TOKEN)) {
    const [token, , tag] = match;
    if (token.startsWith('<!--') || match[1]) continue;
    if (!tag) {
      chunks.push({ text: token, strong: strongDepth > 0 });
      continue;
    }
    const name = tag.toLowerCase();
    const closing = token.startsWith('</');
    if (STRONG.has(name)) {
      strongDepth = Math.max(0, strongDepth + (closing ? -1 : 1));
      continue;
    }
    if (!BLOCK.has(name)) continue;
    flush();
    if (VOID.has(name) || token.endsWith('/>')) continue;
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

function classify(text: string, strong: boolean, open: string[]): DocLine[] {
  const heading = [...open].reverse().find((tag) => /^h[1-6]$/.test(tag));
  if (heading) return [{ kind: 'heading', level: Number(heading[1]), text }];
  const inItem = open.includes('li') || open.includes('dd');
  const innermost = open[open.length - 1];
  if (inItem) {
    const numbered = splitNumbered(text);
    if (numbered) return numbered.map(({ ordinal, text: t }) => ({ kind: 'item' as const, ordinal, text: t }));
    return [{ kind: 'item', text, ...(strong ? { strong } : {}) }];
  }
  if (innermost === 'ol' || innermost === 'ul') {
    return splitSentences(text).map((t) => ({ kind: 'item' as const, text: t }));
  }
  const numbered = splitNumbered(text);
  if (numbered) return numbered.map(({ ordinal, text: t }) => ({ kind: 'item' as const, ordinal, text: t }));
  return [{ kind: 'text', text, ...(strong ? { strong } : {}) }];
}
