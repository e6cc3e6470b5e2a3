import type { QuestionBank } from '../bank';
import { hasCjk, normalise } from '../text/normalise';
import { addTerms } from '../text/segmenter';

export interface DictionaryTerm {
  term: string;
  /** Competencies this term signals, sorted (a term may be shared, e.g. 评分卡). */
  competencies: string[];
  cjk: boolean;
}

export interface SynonymDictionary {
  /** Longest first, then alphabetical: the order matches are preferred in. */
  terms: DictionaryTerm[];
}

const cache = new WeakMap<QuestionBank, SynonymDictionary>();

/**
 * Postings hyphenate English compounds at will (kv-cache, customer-service, back-end): terms and the
 * text they are matched in both spell a hyphen between Latin letters or digits as a space. The
 * length stays the same, so offsets into the folded text are offsets into the original.
 */
export function foldHyphens(text: string): string {
  return text.replace(/([a-z0-9])-(?=[a-z0-9])/g, '$1 ');
}

/** Synonyms and labels of every competency, normalised and hyphens folded; also registered with jieba. */
export function buildDictionary(bank: QuestionBank): SynonymDictionary {
  const hit = cache.get(bank);
  if (hit) return hit;
  const byTerm = new Map<string, Set<string>>();
  for (const c of bank.competencies) {
    for (const raw of [...c.synonyms.zh, ...c.synonyms.en, c.label.zh, c.label.en]) {
      const term = foldHyphens(normalise(raw));
      if (!term) continue;
      if (!byTerm.has(term)) byTerm.set(term, new Set());
      byTerm.get(term)!.add(c.id);
    }
  }
  const terms = [...byTerm.entries()]
    .map(([term, ids]) => ({ term, competencies: [...ids].sort(), cjk: hasCjk(term) }))
    .sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  addTerms(terms.map((t) => t.term));
  const dict = { terms };
  cache.set(bank, dict);
  return dict;
}
