import { CJK, hasContent, normalizeSpace } from './text-utils';
import { isSpaceAt } from './scan';

/**
 * How an item is numbered: `3.` `3、` `3)` (dot), `（3）` (paren), `③` (circled), `（三）` (cn-paren),
 * `三、` (cn-dot). Items of one list share a style; a different style marks a sub-heading level.
 */
export type MarkerStyle = 'dot' | 'paren' | 'circled' | 'cn-paren' | 'cn-dot';

/** A list marker found in running text. */
interface Marker {
  n: number;
  style: MarkerStyle;
  /** The character after a dot-style number (`.` `、` `)`): only `.` can also be a decimal point. */
  separator: string;
  index: number;
  end: number;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN_DIGITS = '一二三四五六七八九十';
const MARKER = new RegExp(
  `(\\d{1,3})([.、．)）])|[（(](\\d{1,3})[)）]|([${CIRCLED}])|[（(]([${CN_DIGITS}]{1,3})[)）]|([${CN_DIGITS}]{1,3})、`,
  'gu',
);

/** `三` → 3, `十二` → 12, `二十一` → 21 (list numbers never pass 99). */
function chineseNumber(text: string): number {
  const [tens, units] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (c: string) => CN_DIGITS.indexOf(c) + 1;
  const value = text.includes('十') ? (tens ? digit(tens) : 1) * 10 + (units ? digit(units) : 0) : digit(units);
  return value;
}

function markerAt(match: RegExpExecArray): Marker {
  const [whole, dot, separator, paren, circled, cnParen, cnDot] = match;
  const at = { index: match.index, end: match.index + whole.length };
  if (dot) return { n: Number(dot), style: 'dot', separator, ...at };
  if (paren) return { n: Number(paren), style: 'paren', separator: '', ...at };
  if (circled) return { n: CIRCLED.indexOf(circled) + 1, style: 'circled', separator: '', ...at };
  if (cnParen) return { n: chineseNumber(cnParen), style: 'cn-paren', separator: '', ...at };
  return { n: chineseNumber(cnDot), style: 'cn-dot', separator: '、', ...at };
}

/** `3.5`: a dot between digits is a decimal point; `1、3年` is item 1 about three years. */
function isDecimalPoint(text: string, marker: Marker): boolean {
  return (marker.separator === '.' || marker.separator === '．') && /\d/.test(text[marker.end] ?? '');
}

const SENTENCE_PUNCTUATION = new Set([...'。；;！!？?.']);
const SOFT_PUNCTUATION = new Set([...'。；;！!？?，,']);

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
  if (isDecimalPoint(text, marker)) {
    // Only the whitespace just before this marker is read: each candidate's run is its own.
    let i = marker.index;
    while (isSpaceAt(text, i - 1)) i--;
    return i === 0 || SENTENCE_PUNCTUATION.has(text[i - 1]);
  }
  // A marker must be the start of a word: `v2.` or `Python2.` is not a list marker, nor is the
  // `一、` of `统一、规范`.
  const before = marker.index - 1;
  return before < 0 || isSpaceAt(text, before) || SOFT_PUNCTUATION.has(text[before]);
}

/** The highest number a line may start with and still be a list item (a posting's line cap). */
const MAX_LEADING_NUMBER = 200;

/** The list marker at the very start of `text` (after whitespace), if any. */
export function leadingMarker(text: string): Marker | undefined {
  MARKER.lastIndex = 0;
  const match = MARKER.exec(text);
  if (!match || text.slice(0, match.index).trim() !== '') return undefined;
  const marker = markerAt(match);
  // `1.5 years of experience` starts with a decimal, not with item 1.
  if (isDecimalPoint(text, marker)) return undefined;
  // `2024.` is a year, not item 2024: require a plausible item number.
  return marker.n >= 1 && marker.n <= MAX_LEADING_NUMBER ? marker : undefined;
}

export interface NumberedItem {
  ordinal: number;
  style: MarkerStyle;
  text: string;
}

/**
 * Splits `1.foo 2.bar 3.baz` into items. Only the next number in the sequence (same marker style,
 * at a word or sentence boundary) starts a new item, so `3.5`, `v2.0` and a stray `5.` inside a
 * sentence stay where they are. Returns undefined when the text does not start with a marker.
 */
export function splitNumbered(text: string): NumberedItem[] | undefined {
  const first = leadingMarker(text) ?? gluedMarker(text);
  if (!first) return undefined;
  const items: NumberedItem[] = [];
  let current = first;
  for (;;) {
    const next = findNext(text, current);
    const body = normalizeSpace(text.slice(current.end, next ? next.index : text.length));
    if (hasContent(body)) items.push({ ordinal: current.n, style: current.style, text: body });
    if (!next) return items;
    current = next;
  }
}

/**
 * `1.3年以上经验；2.熟悉Spring`: the leading `1.` is glued to a digit, so it reads as 1.3 — unless
 * item 2 follows in the same text, which makes it item 1 about three years.
 */
function gluedMarker(text: string): Marker | undefined {
  const match = /^\s*(\d{1,3})([.．])(?=\d)/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  const marker: Marker = {
    n,
    style: 'dot',
    separator: match[2],
    index: match[0].length - match[1].length - 1,
    end: match[0].length,
  };
  return n >= 1 && n <= MAX_LEADING_NUMBER && findNext(text, marker) ? marker : undefined;
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
