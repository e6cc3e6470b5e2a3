import { hasCjk, isAsciiWordChar } from '../text/normalise';
import { segment } from '../text/segmenter';
import { foldHyphens, type DictionaryTerm, type SynonymDictionary } from './dictionary';

export interface TermMatch {
  term: string;
  start: number;
  end: number;
  competencies: string[];
}

// Two-character Chinese terms (开发, 接口) must line up with jieba's word boundaries to count;
// longer ones are specific enough to match anywhere in the raw text.
const SHORT_CJK = 2;

// An English plural ending: "root causes" is "root cause", "beneficial owners" is "beneficial owner".
const PLURAL = /^(s|es)(?![a-z0-9])/;

/** Where an acceptable match of `t` at `start` ends (past a plural ending), or -1 when it is not acceptable. */
function matchEnd(t: DictionaryTerm, text: string, start: number, starts: Set<number>, ends: Set<number>): number {
  let end = start + t.term.length;
  const last = t.term[t.term.length - 1];
  // Latin edges need word boundaries: "java" must not match inside "javascript"; a plural ending
  // after a term that ends in a letter is part of the match.
  if (isAsciiWordChar(t.term[0]) && isAsciiWordChar(text[start - 1])) return -1;
  if (isAsciiWordChar(last) && isAsciiWordChar(text[end])) {
    const plural = /[a-z]/.test(last) ? PLURAL.exec(text.slice(end, end + 3)) : null;
    if (!plural) return -1;
    end += plural[0].length;
  }
  if (!t.cjk || t.term.length > SHORT_CJK) return end;
  return starts.has(start) && ends.has(end) ? end : -1;
}

/**
 * Dictionary matches in normalised text (a hyphen between words read as a space), longest first: a
 * longer term consumes its span so the shorter terms inside it (接口 inside 接口调试) do not count again.
 */
export function matchTerms(normalised: string, dict: SynonymDictionary): TermMatch[] {
  const text = foldHyphens(normalised);
  // Only two-character Chinese terms need jieba's boundaries; a line without Chinese skips jieba.
  const segs = hasCjk(text) ? segment(text) : [];
  const starts = new Set(segs.map((s) => s.start));
  const ends = new Set(segs.map((s) => s.end));
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: TermMatch[] = [];
  for (const t of dict.terms) {
    for (let at = text.indexOf(t.term); at !== -1; at = text.indexOf(t.term, at + 1)) {
      const end = matchEnd(t, text, at, starts, ends);
      if (end === -1) continue;
      let free = true;
      for (let i = at; i < end && free; i++) free = !taken[i];
      if (!free) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      out.push({ term: t.term, start: at, end, competencies: t.competencies });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
