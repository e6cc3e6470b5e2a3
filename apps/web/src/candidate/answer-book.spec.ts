import { describe, expect, it } from '@jest/globals';
import { MAX_ANSWER_BYTES, type CandidateAttemptView, type CandidateQuestionView } from '@rubricon/contracts';
import { AnswerBook } from './answer-book';

const text = (s: string) => ({ en: s, zh: s });
const coding: CandidateQuestionView = {
  id: 'q-code',
  kind: 'coding',
  title: text('Sum'),
  prompt: text('Add'),
  minutes: 20,
  coding: {
    starter: {
      javascript: 'function solve(input) {}',
      typescript: 'function solve(input: number[]): number {}',
      python: 'def solve(input):\n    pass',
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
  lengthGuidance: { min: 300, max: 1200 },
};

function view(answers: CandidateAttemptView['answers'] = []): CandidateAttemptView {
  return {
    attemptId: 'a1',
    status: 'in_progress',
    candidateName: 'Li Lei',
    title: 'Developer',
    durationMinutes: 60,
    sections: [],
    questions: [coding, essay],
    answers,
    startedAt: null,
    deadline: null,
    remainingMs: 1000,
    serverTime: '',
    submittedAt: null,
  };
}

describe(AnswerBook.name, () => {
  it('starts a coding question from its JavaScript starter and a text question empty, neither saved', () => {
    const book = AnswerBook.fromView(view());
    expect(book.get('q-code')).toMatchObject({
      content: 'function solve(input) {}',
      language: 'javascript',
      version: 0,
      state: 'empty',
    });
    expect(book.get('q-text')).toMatchObject({ content: '', state: 'empty' });
    expect(book.pending()).toEqual([]);
  });

  it('resumes saved answers with their versions', () => {
    const book = AnswerBook.fromView(view([{ questionId: 'q-text', content: 'draft', version: 4, savedAt: '' }]));
    expect(book.get('q-text')).toMatchObject({ content: 'draft', version: 4, state: 'saved' });
  });

  it('sends the last acknowledged version plus one and becomes saved on the acknowledgement', () => {
    const book = AnswerBook.fromView(view([{ questionId: 'q-text', content: 'draft', version: 4, savedAt: '' }]));
    book.edit('q-text', 'draft two');
    expect(book.get('q-text').state).toBe('unsaved');
    expect(book.beginSave('q-text')).toEqual({
      attemptId: 'a1',
      questionId: 'q-text',
      content: 'draft two',
      version: 5,
    });
    expect(book.get('q-text').state).toBe('saving');
    book.acknowledge({ questionId: 'q-text', version: 5, savedAt: '' });
    expect(book.get('q-text')).toMatchObject({ version: 5, state: 'saved' });
    expect(book.beginSave('q-text')).toBeNull();
  });

  it('keeps one save in flight per question and stays unsaved when typing went on meanwhile', () => {
    const book = AnswerBook.fromView(view());
    book.edit('q-code', 'function solve(input) { return 1; }', 'javascript');
    expect(book.beginSave('q-code')?.version).toBe(1);
    book.edit('q-code', 'function solve(input) { return 2; }', 'javascript');
    expect(book.beginSave('q-code')).toBeNull();
    book.acknowledge({ questionId: 'q-code', version: 1, savedAt: '' });
    expect(book.get('q-code').state).toBe('unsaved');
    expect(book.beginSave('q-code')).toMatchObject({
      version: 2,
      content: 'function solve(input) { return 2; }',
      language: 'javascript',
    });
  });

  it('resumes a saved Python answer in Python', () => {
    const saved = { content: 'def solve(input):\n    return 1', language: 'python' as const, version: 3 };
    const book = AnswerBook.fromView(view([{ questionId: 'q-code', ...saved, savedAt: '' }]));
    expect(book.get('q-code')).toMatchObject({ ...saved, state: 'saved' });
  });

  it('counts a language switch as an edit', () => {
    const book = AnswerBook.fromView(view());
    book.edit('q-code', 'function solve(input) {}', 'typescript');
    expect(book.pending()).toEqual(['q-code']);
  });

  it('leaves a failed save unsaved with the same version to retry', () => {
    const book = AnswerBook.fromView(view());
    book.edit('q-text', 'answer');
    book.beginSave('q-text');
    book.fail('q-text');
    expect(book.get('q-text')).toMatchObject({ state: 'unsaved', version: 0 });
    expect(book.beginSave('q-text')?.version).toBe(1);
  });

  it('keeps the text on screen after a stale version and saves it over the server version', () => {
    const book = AnswerBook.fromView(view());
    book.edit('q-text', 'mine');
    book.beginSave('q-text');
    book.rebase(view([{ questionId: 'q-text', content: 'other tab', version: 7, savedAt: '' }]), 'q-text');
    expect(book.get('q-text')).toMatchObject({ content: 'mine', version: 7, state: 'unsaved', inFlight: null });
    expect(book.beginSave('q-text')).toMatchObject({ content: 'mine', version: 8 });
  });

  it('is saved after a rebase when the server already holds the same text (a lost acknowledgement)', () => {
    const book = AnswerBook.fromView(view());
    book.edit('q-text', 'same');
    book.rebase(view([{ questionId: 'q-text', content: 'same', version: 3, savedAt: '' }]), 'q-text');
    expect(book.get('q-text')).toMatchObject({ version: 3, state: 'saved' });
  });

  it('does not send an answer over the size limit, counted in UTF-8 bytes, and saves it once shortened', () => {
    const book = AnswerBook.fromView(view([{ questionId: 'q-text', content: 'draft', version: 4, savedAt: '' }]));
    // 20,001 Chinese characters are 60,003 bytes: over the limit although far fewer characters.
    const long = '清'.repeat(MAX_ANSWER_BYTES / 3 + 1);
    book.edit('q-text', long);
    expect(book.get('q-text').state).toBe('too-long');
    expect(book.beginSave('q-text')).toBeNull();
    expect(book.pending()).toEqual(['q-text']);
    book.edit('q-text', long.slice(1));
    expect(book.get('q-text').state).toBe('unsaved');
    expect(book.beginSave('q-text')).toMatchObject({ content: long.slice(1), version: 5 });
  });

  it('marks an answer too long when it grew past the limit during its save', () => {
    const book = AnswerBook.fromView(view());
    book.edit('q-text', 'short');
    book.beginSave('q-text');
    book.edit('q-text', 'x'.repeat(MAX_ANSWER_BYTES + 1));
    book.acknowledge({ questionId: 'q-text', version: 1, savedAt: '' });
    expect(book.get('q-text')).toMatchObject({ version: 1, state: 'too-long' });
    expect(book.beginSave('q-text')).toBeNull();
  });
});
