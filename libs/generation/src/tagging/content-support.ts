import type { Question, QuestionBank } from '../bank';
import { contentIndex, contentMatch } from '../relevance/content-index';
import { positionWeight } from '../select/relevance';

const byCompetency = new WeakMap<QuestionBank, Map<string, Array<{ question: Question; weight: number }>>>();

function questionsOf(bank: QuestionBank, id: string): Array<{ question: Question; weight: number }> {
  let map = byCompetency.get(bank);
  if (!map) {
    map = new Map();
    for (const question of bank.questions) {
      question.competencies.forEach((c, i) => {
        const list = map!.get(c) ?? [];
        // A question's first competency is what it centres on; later ones are secondary.
        list.push({ question, weight: positionWeight(i) });
        map!.set(c, list);
      });
    }
    byCompetency.set(bank, map);
  }
  return map.get(id) ?? [];
}

/**
 * How well the bank's questions on a competency match what a line says: the best BM25 score (of the
 * content model) of a question assessing it, weighted by the competency's place in that question.
 * `terms` come from queryTerms. 0 when no question of the competency shares a word with the line.
 */
export function contentSupport(terms: string[], id: string, bank: QuestionBank): number {
  const index = contentIndex(bank);
  let best = 0;
  for (const { question, weight } of questionsOf(bank, id)) {
    best = Math.max(best, contentMatch(index, terms, question).score * weight);
  }
  return best;
}
