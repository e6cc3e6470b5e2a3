import { CJK, hasContent, normalizeSpace } from './text-utils';
import { isSpaceAt } from './scan';

/** A list marker found in running text: `3.` `3、` `（3）` `③`. */
interface Marker {
  n: number;
  style: 'dot' | 'paren' | 'circled';
  index: number;
  end: number;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER = new RegExp(`(\\d{1,2})[.、．)）]|[（(](\\d{1,2})[)）]|([${CIRCLED}])`, 'gu');

function markerAt(match: RegExpExecArray): Marker {
  const [whole, dot, paren, circled] = match;
  const n = dot ? Number(dot) : paren ? Number(paren) : CIRCLED.indexOf(circled) + 1;
  const style = dot ? 'dot' : paren ? 'paren' : 'circled';
  return { n, style, index: match.index, end: match.index + whole.length };
}

const SENTENCE_PUNCTUATION = new Set([...'。；;！!？?.']);
const SOFT_PUNCTUATION = new Set([...'。；;！!？?']);

/*
 * The character tests below stand for `(^|[。；;！!？?.])\s*$` and `(^|[\s。；;！!？?])$` on the
 * text before the marker. Run as patterns on that prefix they read the whole prefix for every
 * candidate marker: quadratic on a line of thousands of `b2.1`.
 */
function isBoundary(text: string, marker: Marker): boolean {
  // ① ② ③ never occur in running text, so they need no boundary.
  if (marker.style === 'circled') return true;
  // `3.5` and `2.0` are numbers; only accept `3.` + digit when the text before ends a sentence
  // (`…调优。 3.3年及以上…` is item 3 about "3 years").
  const digitAfter = /\d/.test(text[marker.end] ?? '');
  if (marker.style === 'dot' && digitAfter) {
    // Only the whitespace just before this marker is read: each candidate's run is its own.
    let i = marker.index;
    while (isSpaceAt(text, i - 1)) i--;
    return i === 0 || SENTENCE_PUNCTUATION.has(text[i - 1]);
  }
  // A dot-style marker must be the start of a word: `v2.` or `Python2.` is not a list marker.
  const before = marker.index - 1;
  return before < 0 || isSpaceAt(text, before) || SOFT_PUNCTUATION.has(text[before]);
}

/** The list marker at the very start of `text` (after whitespace), if any. */
export function leadingMarker(text: string): Marker | undefined {
  MARKER.lastIndex = 0;
  const match = MARKER.exec(text);
  if (!match || text.slice(0, match.index).trim() !== '') return undefined;
  const marker = markerAt(match);
  // `1.5 years of experience` starts with a decimal, not with item 1.
  if (marker.style === 'dot' && /\d/.test(text[marker.end] ?? '')) return undefined;
  // `2024年` is a year, `3)` after a word is not ours to judge: require a plausible item number.
  return marker.n >= 1 && marker.n <= 50 ? marker : undefined;
}

export interface NumberedItem {
  ordinal: number;
  text: string;
}

/**
 * Splits `1.foo 2.bar 3.baz` into items. Only the next number in the sequence (same marker style,
 * at a word or sentence boundary) starts a new item, so `3.5`, `v2.0` and a stray `5.` inside a
 * sentence stay where they are. Returns undefined when the text does not start with a marker.
 */
export function splitNumbered(text: string): NumberedItem[] | undefined {
  const first = leadingMarker(text);
  if (!first) return undefined;
  const items: NumberedItem[] = [];
  let current = first;
  for (;;) {
    const next = findNext(text, current);
    const body = normalizeSpace(text.slice(current.end, next ? next.index : text.length));
    if (hasContent(body)) items.push({ ordinal: current.n, text: body });
    if (!next) return items;
    current = next;
  }
}

function findNext(text: string, current: Marker): Marker | undefined {
  MARKER.lastIndex = current.end;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    const marker = markerAt(match);
    if (marker.n === current.n + 1 && marker.style === current.style && isBoundary(text, marker)) {
      return marker;
    }
    MARKER.lastIndex = match.index + 1;
  }
  return undefined;
}

/**
 * Splits list text whose `<li>` tags were lost (`<ol> 负责A。 负责B。 完成C。`): an item ends
 * with a full stop followed by whitespace. A full stop without a space (`…工作。重点包括…`) stays
 * inside its item, which keeps `标签：sentence。sentence。` items whole.
 */
export function splitSentences(text: string): string[] {
  const pattern = CJK.test(text) ? /(?<=[。！？!?])\s+/ : /(?<=[.!?;])\s+(?=[A-Z])/;
  return text.split(pattern).map(normalizeSpace).filter(hasContent);
}
