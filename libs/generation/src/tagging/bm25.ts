import type { Question, QuestionBank } from '../bank';
import { normalise } from '../text/normalise';
import { retrievalTokens } from '../text/segmenter';

// Words that appear in every posting and question and say nothing about the skill.
const STOPWORDS = new Set([
  '负责',
  '参与',
  '进行',
  '相关',
  '工作',
  '能力',
  '熟悉',
  '具有',
  '具备',
  '以上',
  '以及',
  '我们',
  '你的',
  '如何',
  '根据',
  '完成',
  '提供',
  '支持',
  '推动',
  '相应',
  '良好',
  '较强',
  '优先',
  '经验',
  '要求',
  '问题',
  '一个',
  '如果',
  'the',
  'and',
  'of',
  'to',
  'in',
  'for',
  'with',
  'on',
  'is',
  'are',
  'be',
  'an',
  'as',
  'by',
  'or',
  'at',
  'it',
  'you',
  'your',
  'we',
  'our',
  'this',
  'that',
  'from',
  'have',
  'has',
  'will',
  'can',
  'such',
  'etc',
  'other',
  'responsible',
  'experience',
  'ability',
  'familiar',
  'related',
  'work',
  'including',
  'what',
  'how',
  'would',
]);

interface Bm25Index {
  docs: Array<{ question: Question; tf: Map<string, number>; length: number }>;
  df: Map<string, number>;
  avgLength: number;
}

export interface Bm25Hit {
  questionId: string;
  competencies: string[];
  score: number;
}

const K1 = 1.2;
const B = 0.75;
// Below this a hit is a coincidence of one common word, not evidence.
const MIN_SCORE = 2;
const cache = new WeakMap<QuestionBank, Bm25Index>();

function index(bank: QuestionBank): Bm25Index {
  const hit = cache.get(bank);
  if (hit) return hit;
  const df = new Map<string, number>();
  const docs = bank.questions.map((question) => {
    const text = normalise([question.title.zh, question.title.en, question.prompt.zh, question.prompt.en].join('\n'));
    const tokens = retrievalTokens(text, STOPWORDS);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return { question, tf, length: tokens.length };
  });
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const built = { docs, df, avgLength };
  cache.set(bank, built);
  return built;
}

/** Best question for a line by BM25 over question titles and prompts, or undefined when nothing is close. */
export function bm25Best(normalisedLine: string, bank: QuestionBank): Bm25Hit | undefined {
  const idx = index(bank);
  const query = [...new Set(retrievalTokens(normalisedLine, STOPWORDS))];
  const n = idx.docs.length;
  let best: Bm25Hit | undefined;
  for (const doc of idx.docs) {
    let score = 0;
    for (const term of query) {
      const f = doc.tf.get(term);
      if (!f) continue;
      const df = idx.df.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / idx.avgLength)));
    }
    // Strictly greater keeps the first (lowest id) question on ties.
    if (score >= MIN_SCORE && (!best || score > best.score)) {
      best = { questionId: doc.question.id, competencies: doc.question.competencies, score: Number(score.toFixed(4)) };
    }
  }
  return best;
}
