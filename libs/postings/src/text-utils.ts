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

const CN_NUMERALS = '一二三四五六七八九十';
const CN_PAREN_HEADING = new RegExp(`^[（(][${CN_NUMERALS}]+[)）]`);
const CN_LIST_HEADING = new RegExp(`^[${CN_NUMERALS}]+[、.．]`);

/**
 * Sub-headings inside a list: `(一) 人工智能应用方向`, `二、技术能力`, `Technical skills:`.
 * They group items and are not items themselves.
 */
export function isSubHeadingText(text: string): boolean {
  const t = text.trim();
  if (displayLength(t) > 60 || endsLikeSentence(t)) return false;
  if (CN_PAREN_HEADING.test(t) || CN_LIST_HEADING.test(t)) return true;
  return /[:：]$/.test(t);
}
