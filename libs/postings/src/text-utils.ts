/** Collapses every run of whitespace (including NBSP and the ideographic space) to one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b]+/g, ' ').trim();
}

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Ends like a finished sentence, so it is content rather than a heading or label. */
export function endsLikeSentence(text: string): boolean {
  return /[。.！!？?；;…]$/.test(text.trim());
}

/** Whether the string carries any content at all (letters, digits or CJK), not just punctuation. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Counts a CJK character as two columns so "short line" means the same in Chinese and English. */
export function displayLength(text: string): number {
  let n = 0;
  for (const ch of text) n += CJK.test(ch) ? 2 : 1;
  return n;
}

const GRAPHEMES = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** The first `count` user-perceived characters: an emoji (even 👩‍💻) is never cut in half. */
export function firstGraphemes(text: string, count: number): string {
  let out = '';
  let n = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (n++ === count) break;
    out += segment;
  }
  return out;
}

/** The longest start of `text` within `columns` display columns (see displayLength), whole graphemes only. */
export function graphemesWithin(text: string, columns: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    used += displayLength(segment);
    if (used > columns) break;
    out += segment;
  }
  return out;
}
