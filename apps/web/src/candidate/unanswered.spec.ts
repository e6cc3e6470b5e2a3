import { describe, expect, it } from '@jest/globals';
import type { CandidateQuestionView } from '@rubricon/contracts';
import { unansweredQuestions } from './unanswered';

const text = (s: string) => ({ en: s, zh: s });
const coding: CandidateQuestionView = {
  id: 'q-code',
  kind: 'coding',
  title: text('Sum'),
  prompt: text('Add'),
  minutes: 20,
  coding: {
    starter: {
      javascript: 'function solve(input) {\n}\n',
      typescript: 'function solve(input: number[]) {\n}\n',
      python: 'def solve(input):\n    pass\n',
    },
    examples: [],
    hiddenTestCount: 8,
  },
};
const essay: CandidateQuestionView = {
  id: 'q-text',
  kind: 'case',
  title: text('Case'),
  prompt: text('Discuss'),
  minutes: 15,
};

describe('unanswered questions', () => {
  it('lists blank text and untouched starters by their number, and nothing that was answered', () => {
    const contents: Record<string, string> = { 'q-code': 'function solve(input) {\n}', 'q-text': '  \n ' };
    expect(unansweredQuestions([coding, essay], (id) => contents[id]).map((u) => [u.number, u.question.id])).toEqual([
      [1, 'q-code'],
      [2, 'q-text'],
    ]);
    contents['q-code'] = coding.coding!.starter.typescript;
    contents['q-text'] = 'Reconcile first.';
    expect(unansweredQuestions([coding, essay], (id) => contents[id]).map((u) => u.number)).toEqual([1]);
    contents['q-code'] = 'function solve(input) { return input[0] + input[1]; }';
    expect(unansweredQuestions([coding, essay], (id) => contents[id])).toEqual([]);
    // The Python starter untouched is no answer either; a Python solution is one.
    contents['q-code'] = 'def solve(input):\n    pass';
    expect(unansweredQuestions([coding, essay], (id) => contents[id]).map((u) => u.number)).toEqual([1]);
    contents['q-code'] = 'def solve(input):\n    return input[0] + input[1]\n';
    expect(unansweredQuestions([coding, essay], (id) => contents[id])).toEqual([]);
  });
});
