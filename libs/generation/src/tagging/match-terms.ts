import { hasCjk, isAsciiWordChar } from '../text/normalise';
import { segment } from '../text/segmenter';
import type { DictionaryTerm, SynonymDictionary } from './dictionary';

export interface TermMatch {
  term: string;
  start: number;
  end: number;
  competencies: string[];
}

// Two-character Chinese terms (开发, 接口) must line up with jieba's word boundaries to count;
// longer ones are specific enough to match anywhere in the raw text.
const SHORT_CJK = 2;

function acceptable(
  t: DictionaryTerm,
  text: string,
  start: number,
  end: number,
  starts: Set<number>,
  ends: Set<number>,
): boolean {
  // Latin edges need word boundaries: "java" must not match inside "javascript".
  if (isAsciiWordChar(t.term[0]) && isAsciiWordChar(text[start - 1])) return false;
  if (isAsciiWordChar(t.term[t.term.length - 1]) && isAsciiWordChar(text[end])) return false;
  if (!t.cjk || t.term.length > SHORT_CJK) return true;
  return starts.has(start) && ends.has(end);
}

/**
 * Dictionary matches in normalised text, longest first: a longer term consumes its span so the
 * shorter terms inside it (接口 inside 接口调试) do not count again.
 */
export function matchTerms(text: string, dict: SynonymDictionary): TermMatch[] {
  // Only two-character Chinese terms need jieba's boundaries; a line without Chinese skips jieba.
  const segs = hasCjk(text) ? segment(text) : [];
  const starts = new Set(segs.map((s) => s.start));
  const ends = new Set(segs.map((s) => s.end));
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: TermMatch[] = [];
  for (const t of dict.terms) {
    for (let at = text.indexOf(t.term); at !== -1; at = text.indexOf(t.term, at + 1)) {
      const end = at + t.term.length;
      if (!acceptable(t, text, at, end, starts, ends)) continue;
      let free = true;
      for (let i = at; i < end && free; i++) free = !taken[i];
      if (!free) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      out.push({ term: t.term, start: at, end, competencies: t.competencies });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
