import { detectFormat, sniffFormat } from './detect-format';
import { PostingParseError, parsePostingsDocument } from './index';

describe(detectFormat.name, () => {
  it('takes the format from the extension, in any case', () => {
    expect(detectFormat('x', 'a.MD')).toBe('markdown');
    expect(detectFormat('x', 'a.markdown')).toBe('markdown');
    expect(detectFormat('x', 'dir/a.tsv')).toBe('tsv');
    expect(detectFormat('x', 'a.htm')).toBe('html');
    expect(detectFormat('x', 'C:\\jobs\\a.html')).toBe('html');
  });

  it('looks inside .txt files and extension-less names', () => {
    expect(detectFormat('标题\n\n序号\t发布职位\t工作职责\n1\t经理\t1.甲。', 'seed.txt')).toBe('tsv');
    expect(detectFormat('<html><body><h1>DBA</h1></body></html>', 'page.txt')).toBe('html');
    expect(detectFormat('Use <b>bold</b> words.\nResponsibilities:', 'notes.txt')).toBe('txt');
    expect(detectFormat('# DBA\n## Duties', 'README')).toBe('markdown');
  });

  it('sniffs pasted content: TSV header, then tags, then # headings, else text', () => {
    expect(sniffFormat('Title\tResponsibilities\nDBA\t- backups')).toBe('tsv');
    expect(sniffFormat('<ul><li>a</li></ul>')).toBe('html');
    expect(sniffFormat('## Requirements\n- Go')).toBe('markdown');
    expect(sniffFormat('岗位职责：\n1、运维')).toBe('txt');
    expect(sniffFormat('a\tb\nc\td')).toBe('txt');
  });
});

describe(`${parsePostingsDocument.name} on arbitrary input`, () => {
  // A seeded generator keeps this reproducible while mixing the fragments that trip parsers.
  const FRAGMENTS = [
    '岗位职责：',
    'Requirements',
    '\t',
    '\n',
    '"',
    '<ol>',
    '</p>',
    '<li>',
    '1.',
    '2、',
    '（3）',
    '①',
    '&nbsp;',
    '&#xD800;',
    '# ',
    '- ',
    '**',
    '3.5',
    '序号\t发布职位\t工作职责',
    'Title\tDuties',
    '\r\n',
    '。 ',
    'x',
  ];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('either parses or throws a PostingParseError, never anything else', () => {
    const outcomes = { parsed: 0, rejected: 0 };
    for (let run = 0; run < 400; run++) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 40) },
        () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)],
      );
      const filename = ['a.txt', 'a.md', 'a.tsv', 'a.html', undefined][run % 5];
      try {
        const doc = parsePostingsDocument({ content: parts.join(''), filename });
        for (const posting of doc.postings) {
          expect(posting.duties.length).toBeGreaterThan(0);
          for (const line of [...posting.duties, ...posting.requirements]) expect(line.trim()).not.toBe('');
        }
        outcomes.parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(PostingParseError);
        outcomes.rejected++;
      }
    }
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
