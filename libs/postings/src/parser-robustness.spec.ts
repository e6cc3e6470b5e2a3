import { PostingParseError, parsePostingsDocument } from './index';
import { bestCpuMs } from './testing/cpu-time';

/** What a parse ended in: postings, or the error's class and message. */
function outcome(content: string, filename?: string): { ok: true } | { error: string; message: string } {
  try {
    parsePostingsDocument({ content, filename });
    return { ok: true };
  } catch (error) {
    const { name, message } = error as Error;
    return { error: error instanceof PostingParseError ? 'PostingParseError' : name, message };
  }
}

/**
 * The outcome and the CPU time it took in ms: the main thread's, best of three when the first is
 * over `budgetMs` (see `testing/cpu-time.ts`).
 */
function timedOutcome(content: string, filename: string | undefined, budgetMs: number) {
  const results: Array<ReturnType<typeof outcome>> = [];
  const ms = bestCpuMs(() => results.push(outcome(content, filename)), budgetMs);
  return { result: results[0], ms };
}

// Pieces of documents that once broke the parser (quadratic patterns, a stack overflow), mixed
// with the structure a posting has: headings, labels, list markers, tags, entities and table cells.
const TOKENS = [
  ...['<', '>', '/', '<!--', '-->', '<script>', '</script>', '<style ', '</style >', '<head>', '<p ', '<p>', '</p>'],
  ...['<li>', '</li>', '<ol>', '</ol>', '<ul>', '<br/>', '<b>', '</b>', '<h2>', '</h2>', '<a', '-a', '&amp;', '&#'],
  ...['# ', '## ', '####### ', ' ', '   ', '\t', '\n', '\n\n', '\u3000', '\u2028', '[', ']', '(', ')', '![', '[a'],
  ...['](', '*', '**', '_', '__', '`', 'a', 'Foo bar', '岗位职责', '任职要求', 'Responsibilities:', 'Requirements'],
  ...['工作地点：上海', '&', '1.', '2.', '2.1', 'b2.', '1、', '（1）', '(2)', '①', '。', '. ', 'A. ', '- ', '* '],
  ...['• ', '---', 'Title\tDuties\n', '"', 'Engineer', '负责', ':', '：', '\uFEFF', '\r\n'],
];
const FILENAMES = ['a.md', 'a.txt', 'a.html', 'a.tsv', undefined];

/** A deterministic generator (a linear congruential one), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function generate(next: () => number, tokens: number): string {
  let text = '';
  for (let i = 0; i < tokens; i++) text += TOKENS[Math.floor(next() * TOKENS.length)];
  return text;
}

describe(`${parsePostingsDocument.name} on hostile input`, () => {
  it('refuses a 376 KB <ol> of 125,476 sentences with a PostingParseError, not a stack overflow', () => {
    const html = `<ol>${'A. '.repeat(125_476)}</ol>`;
    expect(outcome(html, 'list.html')).toEqual({
      error: 'PostingParseError',
      message:
        'Posting “Untitled posting” has 125,476 duty lines; a posting may have at most 200. Is this really one posting? Put each posting under its own title.',
    });
  });

  it('answers 3,000 generated documents with postings or a PostingParseError, each within 250 ms of CPU time', () => {
    const next = random(20_240_601);
    const failures: Array<{ content: string; filename?: string; error?: string; ms: number }> = [];
    for (let i = 0; i < 3000; i++) {
      const content = generate(next, 1 + Math.floor(next() * 200));
      const filename = FILENAMES[i % FILENAMES.length];
      const { result, ms } = timedOutcome(content, filename, 250);
      const error = 'error' in result && result.error !== 'PostingParseError' ? result.error : undefined;
      if (error || ms > 250) failures.push({ content, filename, error, ms });
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('answers generated 100 KB documents (a random pattern repeated) within a second of CPU time each', () => {
    const next = random(7);
    const slow: Array<{ unit: string; filename?: string; error?: string; ms: number }> = [];
    for (let i = 0; i < 40; i++) {
      const unit = generate(next, 1 + Math.floor(next() * 6));
      const filename = FILENAMES[i % FILENAMES.length];
      const content = unit.repeat(Math.ceil(100_000 / unit.length));
      const { result, ms } = timedOutcome(content, filename, 1000);
      const error = 'error' in result && result.error !== 'PostingParseError' ? result.error : undefined;
      if (error || ms > 1000) slow.push({ unit, filename, error, ms });
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
