import { parsePostingsDocument, PostingParseError } from '@rubricon/postings';
import { postingRefusal } from './posting-refusal';

/** The refusal an import of `content` (as `filename`) gets: its code, status and params. */
function refusalOf(content: string | Buffer, filename?: string) {
  try {
    parsePostingsDocument({ content, filename });
  } catch (error) {
    if (!(error instanceof PostingParseError)) throw error;
    const refusal = postingRefusal(error);
    return { code: refusal.code, status: refusal.getStatus(), params: refusal.params };
  }
  throw new Error('the document was read');
}

const duty = (n: number) => `- Duty number ${n}`;

describe('posting import refusals', () => {
  it('names each problem of a posting document with its own code and the values to word it with', () => {
    expect(refusalOf('   \n ')).toEqual({ code: 'import-empty', status: 422, params: {} });
    expect(refusalOf('岗位职责\n- 写代码', 'posting.pdf')).toMatchObject({
      code: 'import-unsupported-type',
      params: { extension: 'pdf', supported: expect.stringContaining('.md') },
    });
    expect(refusalOf('Just a paragraph with no duties at all.', 'note.txt')).toEqual({
      code: 'import-no-duties',
      status: 422,
      params: { filename: 'note.txt' },
    });
    expect(refusalOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]))).toMatchObject({
      code: 'file-not-text',
    });
    expect(refusalOf(Buffer.from([0xb8, 0xda, 0xce, 0xbb, 0xd6, 0xb0, 0xd4, 0xf0]))).toMatchObject({
      code: 'file-not-utf8',
    });
    expect(refusalOf('x'.repeat(1024 * 1024 + 1))).toMatchObject({
      code: 'import-too-large',
      status: 413,
      params: { bytes: 1024 * 1024 + 1, max: 1024 * 1024 },
    });
    expect(refusalOf('title\tduties\nBackend\tAPIs\textra\tmore', 'jobs.tsv')).toEqual({
      code: 'import-table-row-cells',
      status: 422,
      params: { line: 2, cells: 4, expected: 2 },
    });
    expect(refusalOf('just\ttwo\ncells\there', 'jobs.tsv')).toMatchObject({ code: 'import-table-header-missing' });
    expect(refusalOf('title\tlocation\tdepartment\nBackend\tShanghai\tPlatform', 'jobs.tsv')).toEqual({
      code: 'import-table-columns-missing',
      status: 422,
      params: { line: 1, header: 'title, location, department', missing: 'duties' },
    });
    const many = ['# Backend', '## Responsibilities', ...Array.from({ length: 201 }, (_, i) => duty(i))].join('\n');
    expect(refusalOf(many, 'many.md')).toMatchObject({
      code: 'import-too-many-lines',
      params: { title: 'Backend', kind: 'duty', count: 201, max: 200 },
    });
    const long = ['# Backend', '## Responsibilities', `- ${'x'.repeat(2001)}`].join('\n');
    expect(refusalOf(long, 'long.md')).toMatchObject({
      code: 'import-line-too-long',
      params: { title: 'Backend', kind: 'duty', line: 1, length: 2001, max: 2000 },
    });
  });
});
