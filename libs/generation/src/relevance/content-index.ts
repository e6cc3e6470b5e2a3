import type { Question, QuestionBank } from '../bank';
import { buildDictionary } from '../tagging/dictionary';
import { normalise } from '../text/normalise';
import { contentTerms } from '../text/terms';

/**
 * A BM25 term model over what each question says (both languages): its title, prompt, probes and
 * rubric (criterion names and anchors). One model serves the tagger's fallback, the relevance of a
 * question to a duty line and the coverage map, so "why this question" is the same everywhere.
 */

// How much a word in each part of a question counts: a title names the subject, anchors repeat it.
const FIELD_WEIGHTS = { title: 3, prompt: 1, probes: 1, rubric: 0.5 } as const;
const K1 = 1.2;
const B = 0.75;

export interface ContentDoc {
  tf: ReadonlyMap<string, number>;
  length: number;
}

export interface ContentIndex {
  docCount: number;
  avgLength: number;
  df: ReadonlyMap<string, number>;
  /** Bank questions by id, for the tagger's fallback search. */
  docs: ReadonlyArray<{ question: Question; doc: ContentDoc }>;
}

export interface ContentMatch {
  /** BM25 of the line's terms in the question. */
  score: number;
  /** The share of the line's term weight (idf) that the question mentions, 0..1. */
  share: number;
  /** The line's words found in the question, most telling first, without words inside a longer shown one. */
  words: string[];
}

const docs = new WeakMap<Question, ContentDoc>();
const indexes = new WeakMap<QuestionBank, ContentIndex>();

/** The term document of any question: a bank question, an older stored version or a composed one. */
export function contentDoc(q: Question): ContentDoc {
  const hit = docs.get(q);
  if (hit) return hit;
  const tf = new Map<string, number>();
  let length = 0;
  const add = (texts: string[], weight: number) => {
    for (const term of contentTerms(normalise(texts.join('\n')))) {
      tf.set(term, (tf.get(term) ?? 0) + weight);
      length += weight;
    }
  };
  add([q.title.zh, q.title.en], FIELD_WEIGHTS.title);
  add([q.prompt.zh, q.prompt.en], FIELD_WEIGHTS.prompt);
  add(
    (q.probes ?? []).flatMap((p) => [p.zh, p.en]),
    FIELD_WEIGHTS.probes,
  );
  add(
    q.rubric.flatMap((c) => [c.name, c.anchors['1'], c.anchors['3'], c.anchors['5']].flatMap((t) => [t.zh, t.en])),
    FIELD_WEIGHTS.rubric,
  );
  const doc = { tf, length };
  docs.set(q, doc);
  return doc;
}

export function contentIndex(bank: QuestionBank): ContentIndex {
  const hit = indexes.get(bank);
  if (hit) return hit;
  // The taxonomy's terms join jieba's dictionary first, so that 反欺诈 is one word in the questions
  // as it is in the lines, whichever is read first in this process.
  buildDictionary(bank);
  const df = new Map<string, number>();
  const all = bank.questions.map((question) => {
    const doc = contentDoc(question);
    for (const t of doc.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return { question, doc };
  });
  const index: ContentIndex = {
    docCount: all.length,
    avgLength: all.reduce((s, d) => s + d.doc.length, 0) / Math.max(1, all.length),
    df,
    docs: all,
  };
  indexes.set(bank, index);
  return index;
}

export function idf(index: ContentIndex, term: string): number {
  const df = index.df.get(term) ?? 0;
  return Math.log(1 + (index.docCount - df + 0.5) / (df + 0.5));
}

/** A line's distinct content terms, for matching (see contentTerms). */
export function queryTerms(normalisedLine: string): string[] {
  return [...new Set(contentTerms(normalisedLine))];
}

// A word in more than this share of the bank's questions (技术, 管理, system) says little about
// any one of them: it still adds to the BM25 score but is neither shown as a reason nor counted in
// the share of the line a question mentions.
const DISTINCTIVE_MAX_DF_SHARE = 0.2;

/** How much of what a line says a question mentions. `terms` come from queryTerms. */
export function contentMatch(index: ContentIndex, terms: string[], q: Question): ContentMatch {
  const doc = contentDoc(q);
  const distinctive = (term: string) => (index.df.get(term) ?? 0) <= DISTINCTIVE_MAX_DF_SHARE * index.docCount;
  let score = 0;
  let matchedIdf = 0;
  let totalIdf = 0;
  const hits: Array<{ term: string; contribution: number }> = [];
  for (const term of terms) {
    const weight = idf(index, term);
    if (distinctive(term)) totalIdf += weight;
    const f = doc.tf.get(term);
    if (!f) continue;
    const contribution = weight * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / index.avgLength)));
    score += contribution;
    if (!distinctive(term)) continue;
    matchedIdf += weight;
    hits.push({ term, contribution });
  }
  hits.sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const words = withoutInner(hits.map((h) => h.term));
  return {
    score: round(score),
    share: totalIdf > 0 ? round(matchedIdf / totalIdf) : 0,
    words,
  };
}

/** Drops words inside a longer one of the list (机器 in 机器人, 付产 in 支付产业): they add nothing to a reason. */
export function withoutInner(words: string[]): string[] {
  return words.filter((t) => !words.some((w) => w !== t && w.includes(t)));
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
