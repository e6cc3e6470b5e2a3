import { PostingParseError, parsePostingsDocument } from './index';

// Stands in for a defect we have not found yet: the TSV reader overflowing the stack.
jest.mock('./tsv', () => ({
  parseTsv: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe(`${parsePostingsDocument.name} on an internal error`, () => {
  it('turns it into a PostingParseError the uploader can read, keeping the cause', () => {
    let thrown: unknown;
    try {
      parsePostingsDocument({ content: 'Title\tDuties\nDBA\tBackups.\n', filename: 'jobs.tsv' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PostingParseError);
    expect((thrown as Error).message).toBe(
      'The document could not be read: its layout is more than the importer can handle (for example, a list of tens of thousands of items). Simplify it or split it into smaller files.',
    );
    expect((thrown as Error).cause).toBeInstanceOf(RangeError);
  });

  it('passes its own refusals through unchanged', () => {
    expect(() => parsePostingsDocument({ content: '', filename: 'jobs.tsv' })).toThrow(
      new PostingParseError('The document is empty.'),
    );
  });
});
