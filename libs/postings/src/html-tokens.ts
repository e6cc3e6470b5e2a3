import { memoFirst, memoIndexOf, skipSpace } from './scan';

/** A piece of HTML as the line reader needs it; comments and script/style/head/template are dropped. */
export type HtmlToken = { at: number } & (
  { kind: 'text'; text: string } | { kind: 'tag'; name: string; closing: boolean; selfClosing: boolean }
);

/**
 * The elements a posting page may hold. Anything else that looks like a tag (`Map<String, List>`
 * written without entities) is text, as the author meant it.
 */
const ELEMENTS = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote body br button caption center cite code col colgroup ' +
    'dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i ' +
    'img input ins kbd label legend li link main mark meta nav noscript o:p ol p picture pre q s samp script ' +
    'section small source span strike strong style sub summary sup svg table tbody td template tfoot th thead ' +
    'time title tr tt u ul var wbr'
  ).split(' '),
);

const ENDIF = '<![endif]>';

/** Elements skipped whole, with their content, when they are closed (the names are matched case-sensitively). */
const SKIPPED = ['script', 'style', 'head', 'template'];
const WORD = /\w/;
const NAME_START = /[a-zA-Z]/;
const NAME_CHAR = /[\w:-]/;

function isWordAt(html: string, index: number): boolean {
  return index < html.length && WORD.test(html[index]);
}

/**
 * Splits HTML into text and tags in one pass. It reads what the earlier pattern
 * `<!--[\s\S]*?-->|<(script|style|head|template)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w-]*)\b[^>]*>|[^<]+|<`
 * matched, token for token, but remembers where the next `-->`, `>` or closing tag is, so an
 * unclosed `<!--`, `<script>` or `<p ` repeated through the file costs linear time, not quadratic.
 */
export function* htmlTokens(html: string): Generator<HtmlToken> {
  const nextCommentEnd = memoIndexOf(html, '-->');
  const nextGt = memoIndexOf(html, '>');
  const nextLt = memoIndexOf(html, '<');
  const nextEndif = memoIndexOf(html, ENDIF);
  const closers = new Map(SKIPPED.map((name) => [name, memoFirst((at) => closingTagAt(html, name, at))]));
  let i = 0;
  while (i < html.length) {
    if (html[i] !== '<') {
      const lt = nextLt(i);
      const end = lt < 0 ? html.length : lt;
      yield { kind: 'text', text: html.slice(i, end), at: i };
      i = end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = nextCommentEnd(i + 4);
      if (end >= 0) {
        i = end + 3;
        continue;
      }
    }
    if (html.startsWith('<![if', i)) {
      // Word's `<![if !supportLists]>·<![endif]>`: the list glyph Word drew itself, not content.
      const end = nextEndif(i);
      if (end >= 0) {
        i = end + ENDIF.length;
        continue;
      }
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      // `<!doctype html>`, `<![CDATA[`, `<?xml …?>`: declarations, not content.
      const end = nextGt(i + 2);
      if (end >= 0) {
        i = end + 1;
        continue;
      }
    }
    const skipped = SKIPPED.find((name) => html.startsWith(name, i + 1) && !isWordAt(html, i + 1 + name.length));
    if (skipped) {
      const close = closers.get(skipped)!(i + 1 + skipped.length);
      if (close >= 0) {
        i = skipSpace(html, close + 2 + skipped.length) + 1;
        continue;
      }
    }
    const closing = html[i + 1] === '/';
    const nameStart = i + (closing ? 2 : 1);
    const gt = NAME_START.test(html[nameStart] ?? '') ? nextGt(nameStart) : -1;
    let nameEnd = nameStart + 1;
    while (nameEnd < html.length && NAME_CHAR.test(html[nameEnd])) nameEnd++;
    // A name ends at a word boundary: `<a->` is the tag `a`.
    while (html[nameEnd - 1] === '-') nameEnd--;
    const name = html.slice(nameStart, nameEnd);
    if (gt < 0 || nameEnd > gt || !ELEMENTS.has(name.toLowerCase())) {
      // Not a tag (or one that never ends): a literal `<`, read as text with what follows it.
      const lt = nextLt(i + 1);
      const end = lt < 0 ? html.length : lt;
      yield { kind: 'text', text: html.slice(i, end), at: i };
      i = end;
      continue;
    }
    yield { kind: 'tag', name, closing, selfClosing: html[gt - 1] === '/', at: i };
    i = gt + 1;
  }
}

/** Where the first `</name\s*>` at or after `at` starts, or -1. */
function closingTagAt(html: string, name: string, at: number): number {
  const needle = `</${name}`;
  for (let start = html.indexOf(needle, at); start >= 0; start = html.indexOf(needle, start + 1)) {
    if (html[skipSpace(html, start + needle.length)] === '>') return start;
  }
  return -1;
}
