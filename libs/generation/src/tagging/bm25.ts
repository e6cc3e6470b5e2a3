import type { QuestionBank } from '../bank';
import { contentIndex, contentMatch, queryTerms } from '../relevance/content-index';

export interface Bm25Hit {
  questionId: string;
  competencies: string[];
  score: number;
}

// Below this a hit is a coincidence of one common word, not evidence.
const MIN_SCORE = 2;

/** Best question for a line by the content model's BM25, or undefined when nothing is close. */
export function bm25Best(normalisedLine: string, bank: QuestionBank): Bm25Hit | undefined {
  const index = contentIndex(bank);
  const terms = queryTerms(normalisedLine);
  let best: Bm25Hit | undefined;
  for (const { question } of index.docs) {
    const { score } = contentMatch(index, terms, question);
    // Strictly greater keeps the first (lowest id) question on ties.
    if (score >= MIN_SCORE && (!best || score > best.score)) {
      best = { questionId: question.id, competencies: question.competencies, score };
    }
  }
  return best;
}
