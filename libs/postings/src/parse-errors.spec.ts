import { MAX_DOCUMENT_BYTES, MAX_LINES_PER_KIND, PostingParseError, parsePostingsDocument } from './index';

const parse = (content: Buffer | string, filename?: string) => parsePostingsDocument({ content, filename });
const messageOf = (content: Buffer | string, filename?: string): string => {
  try {
    parse(content, filename);
  } catch (error) {
    expect(error).toBeInstanceOf(PostingParseError);
    return (error as Error).message;
  }
  throw new Error('expected a PostingParseError');
};

const HEADER = '序号\t发布职位\t工作职责\t任职要求\t招聘人数\t工作地点';

describe(PostingParseError.name, () => {
  it('rejects empty and whitespace-only documents', () => {
    expect(messageOf('', 'a.txt')).toBe('The document is empty.');
    expect(messageOf(Buffer.from(' \n\t\r\n\uFEFF'), 'a.md')).toBe('The document is empty.');
  });

  it('rejects binary content: NUL bytes, invalid UTF-8 and control characters', () => {
    const hint = 'upload a TXT, Markdown, TSV or HTML posting.';
    expect(messageOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'cv.txt')).toBe(
      `This file looks binary (it contains NUL bytes); ${hint}`,
    );
    expect(messageOf(Buffer.from([0x41, 0xff, 0xfe, 0x42]))).toMatch(/^This file is not UTF-8 text \(perhaps GBK/);
    expect(messageOf(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]))).toMatch(/Save it as UTF-8/); // 中文 in GBK
    expect(messageOf('\u0001\u0002\u0003\u0004ab\u0005\u0006')).toBe(
      `This file looks binary (most of it is control characters); ${hint}`,
    );
  });

  it('rejects a document over MAX_DOCUMENT_BYTES, counting bytes not characters', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(1024 * 1024);
    const chinese = '岗'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 3) + 1); // 3 bytes per character in UTF-8
    expect(messageOf(chinese, 'big.txt')).toBe(
      'The document is 1,048,581 bytes, more than the 1 MiB (1,048,576 bytes) limit. Split it into smaller files.',
    );
    expect(messageOf(Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 'a'))).toBe(
      'The document is 1,048,577 bytes, more than the 1 MiB (1,048,576 bytes) limit. Split it into smaller files.',
    );
    // Exactly at the limit is accepted (it fails later only because it has no duties).
    expect(messageOf(Buffer.alloc(MAX_DOCUMENT_BYTES, 'a'))).toMatch(/^No posting with at least one duty line/);
  });

  it('rejects unknown file types and names the supported ones', () => {
    for (const name of ['posting.pdf', 'posting.DOCX', 'scan.png']) {
      const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
      expect(messageOf('Responsibilities:\n- x', name)).toBe(
        `Files of type “${ext}” are not supported; upload a TXT (.txt), Markdown (.md, .markdown), TSV (.tsv) or HTML (.html, .htm) posting.`,
      );
    }
  });

  it('names the row and the header when a TSV row has the wrong number of cells', () => {
    const rows = [
      '标题',
      '',
      HEADER,
      '1\t业务经理\t1.分析。\t1.本科。\t1\t上海',
      '',
      HEADER,
      '2\t产品经理\t1.规划。\t1\t上海',
    ];
    expect(messageOf(rows.join('\n'), 'table.tsv')).toBe(
      'Row 7 has 5 cells but the header has 6 (序号, 发布职位, 工作职责, 任职要求, 招聘人数, 工作地点).',
    );
  });

  it('counts the row by the line it starts on when a quoted cell spans lines', () => {
    const tsv = 'Title\tDuties\tLocation\nDBA\t"- Backups.\n- Upgrades."\tBeijing\nSRE\t- On-call.\n';
    expect(messageOf(tsv, 'jobs.tsv')).toBe('Row 4 has 2 cells but the header has 3 (Title, Duties, Location).');
  });

  it('rejects a TSV without recognisable title and duty columns', () => {
    expect(messageOf('Name\tAge\nAlice\t30\n', 'people.tsv')).toBe(
      'The table has no header row with a title column (发布职位, 岗位, 职位, title, position) and a duties column (工作职责, 岗位职责, duties, responsibilities).',
    );
    expect(messageOf('Title\tLocation\nDBA\tBeijing\n', 'jobs.tsv')).toBe(
      'The header on row 1 (Title, Location) has no duties column (工作职责, 岗位职责, duties, responsibilities).',
    );
  });

  it('rejects a document in which no posting has a duty line', () => {
    const expected =
      'No posting with at least one duty line was found in notes.md. Put the duties under a heading such as “岗位职责” or “Responsibilities”, one per line.';
    expect(messageOf('# Backend Engineer\n\n## Requirements\n- Go.\n', 'notes.md')).toBe(expected);
  });

  it('rejects a duty line longer than MAX_LINE_CHARS, naming the posting and the line', () => {
    const text = `# Risk Analyst\n\n## Responsibilities\n- Review alerts\n- ${'x'.repeat(2001)}\n`;
    expect(messageOf(text, 'risk.md')).toBe(
      'Posting “Risk Analyst”: duty line 2 is 2,001 characters long; a line may have at most 2,000. Split it into separate items.',
    );
  });

  it('rejects a posting with more than MAX_LINES_PER_KIND duty lines, and takes exactly that many', () => {
    const posting = (n: number) =>
      `# Risk Analyst\n\n## Responsibilities\n${Array.from({ length: n }, (_, i) => `- Review alert queue ${i + 1}`).join('\n')}\n`;
    expect(parse(posting(MAX_LINES_PER_KIND), 'risk.md').postings[0].duties).toHaveLength(MAX_LINES_PER_KIND);
    expect(messageOf(posting(MAX_LINES_PER_KIND + 1), 'risk.md')).toBe(
      'Posting “Risk Analyst” has 201 duty lines; a posting may have at most 200. Is this really one posting? Put each posting under its own title.',
    );
  });
});
