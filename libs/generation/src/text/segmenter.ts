import * as jieba from 'jieba-wasm';
import { hasCjk } from './normalise';

export interface Segment {
  word: string;
  start: number;
  end: number;
}

// jieba's dictionary is process-global; remember what we added so repeated banks cost nothing.
const added = new Set<string>();
// High enough that a taxonomy term wins over jieba's own split of the same characters.
const TERM_FREQUENCY = 100_000;

/** Adds (normalised) taxonomy terms that contain Chinese to jieba's dictionary. */
export function addTerms(terms: Iterable<string>): void {
  for (const term of terms) {
    if (added.has(term) || !hasCjk(term)) continue;
    jieba.add_word(term, TERM_FREQUENCY);
    added.add(term);
  }
}

/** Segments normalised text; offsets are UTF-16 indices into `text` (jieba reports code points). */
export function segment(text: string): Segment[] {
  if (!text) return [];
  const tokens = jieba.tokenize(text, 'default', true);
  const cp = Array.from(text);
  if (cp.length === text.length) return tokens.map((t) => ({ word: t.word, start: t.start, end: t.end }));
  const utf16At: number[] = [0];
  for (const ch of cp) utf16At.push(utf16At[utf16At.length - 1] + ch.length);
  return tokens.map((t) => ({ word: t.word, start: utf16At[t.start], end: utf16At[t.end] }));
}
