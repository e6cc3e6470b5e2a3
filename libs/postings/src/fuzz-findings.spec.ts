import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostingsDocument } from './index';
import { deriveTitle } from './derive-title';

/*
 * Each case is a way fuzzing once made the parser lose lines without a word. They must now come
 * back, or be reported with a warning that names the line.
 */
const seedTable = readFileSync(join(__dirname, '../../../seeds/002_3fa3a3a715c8f286.txt'), 'utf8');
const parse = (content: string, filename?: string) => parsePostingsDocument({ content, filename });
const codes = (content: string, filename?: string) => parse(content, filename).warnings.map((w) => w.code);

describe('what fuzzing found the parser dropping', () => {
  it('keeps all 18 seed postings when one cell starts with a stray quote, and says where', () => {
    const rows = seedTable.split('\n');
    const at = rows.findIndex((row) => row.startsWith('3\t'));
    const cells = rows[at].split('\t');
    cells[2] = `"${cells[2]}`;
    rows[at] = cells.join('\t');
    const doc = parse(rows.join('\n'), 'seed.txt');
    expect(doc.postings).toHaveLength(18);
    expect(doc.postings[2].duties[0].startsWith('"')).toBe(true);
    expect(doc.warnings).toContainEqual(
      expect.objectContaining({ code: 'quote-unclosed', posting: 2, line: at + 1, params: { row: at + 1, cell: 3 } }),
    );
  });

  it('still reads a properly quoted multi-line cell, with "" for a quote', () => {
    const doc = parse('Title\tDuties\nPM\t"1. Own the ""wallet"" roadmap.\n2. Ship it."\n', 'a.tsv');
    expect(doc.postings[0].duties).toEqual(['Own the "wallet" roadmap.', 'Ship it.']);
    expect(doc.warnings).toEqual([]);
  });

  it('reports the rows before a table header instead of dropping them silently', () => {
    const doc = parse('Openings, spring\nnote\tthis row has a tab\nTitle\tDuties\nPM\tOwn the roadmap.\n', 'a.tsv');
    expect(doc.postings).toHaveLength(1);
    expect(doc.warnings).toEqual([
      expect.objectContaining({ code: 'rows-before-header', line: 1, params: expect.objectContaining({ count: 2 }) }),
    ]);
  });

  it('finds a table whose header comes after line 50', () => {
    const preamble = Array.from({ length: 60 }, (_, i) => `Note ${i + 1}.`).join('\n');
    const doc = parse(`${preamble}\n岗位\t工作职责\n产品经理\t负责产品规划。\n`);
    expect(doc.format).toBe('tsv');
    expect(doc.postings.map((p) => p.title)).toEqual(['产品经理']);
    expect(doc.warnings[0]).toMatchObject({ code: 'rows-before-header', params: { count: 60, header: 61 } });
  });

  it('reads `1、3年以上Java开发经验。` as item 1 about three years, not the decimal 1.3', () => {
    const doc = parse('后端工程师\n岗位职责：\n1、负责开发。\n任职要求：\n1、3年以上Java开发经验。\n2、熟悉MySQL。\n');
    expect(doc.postings[0].requirements).toEqual(['3年以上Java开发经验。', '熟悉MySQL。']);
  });

  it('keeps numbered items past 50 in an unlabelled document, and says the sections were guessed', () => {
    const items = Array.from({ length: 60 }, (_, i) => `${i + 1}. Reconcile batch ${i + 1}.`).join('\n');
    const doc = parse(`Reconciliation Clerk\n${items}\n`);
    expect(doc.postings[0].duties).toHaveLength(60);
    expect(doc.postings[0].duties[59]).toBe('Reconcile batch 60.');
    expect(codes(`Reconciliation Clerk\n${items}\n`)).toEqual(['sections-guessed']);
  });

  it('keeps a numbered duty that ends in a colon as a duty, not a sub-heading', () => {
    const doc = parse('风控专家\n岗位职责：\n1. 负责风控策略，包括以下方面：\n2. 负责模型监控。\n');
    expect(doc.postings[0].duties).toEqual(['负责风控策略，包括以下方面：', '负责模型监控。']);
    expect(doc.postings[0].groups).toBeUndefined();
  });

  it('reports a sub-heading with nothing under it in a table cell instead of dropping it', () => {
    const doc = parse('岗位\t工作职责\n开发工程师\t"**核心**\n技术能力\n1、负责开发。\n2、负责测试。"\n', 'a.tsv');
    expect(doc.postings[0]).toMatchObject({
      duties: ['负责开发。', '负责测试。'],
      groups: [{ kind: 'duty', label: '技术能力', start: 0, count: 2 }],
    });
    expect(doc.warnings).toEqual([
      expect.objectContaining({ code: 'line-not-placed', posting: 0, line: 2, params: { text: '核心' } }),
    ]);
  });

  it('keeps `Map<String, List>` in a table cell as written', () => {
    const doc = parse('Title\tDuties\nJava Engineer\tDesign caches keyed by Map<String, List> values.\n', 'a.tsv');
    expect(doc.postings[0].duties).toEqual(['Design caches keyed by Map<String, List> values.']);
  });

  it('keeps `Map<String, List>` in an HTML page too, where it is not a tag', () => {
    const doc = parse('<h1>Java Engineer</h1><h2>Duties</h2><ul><li>Use Map<String, List> well.</li></ul>');
    expect(doc.postings[0].duties).toEqual(['Use Map<String, List> well.']);
  });

  it('leaves `&lt;script&gt;` as written in text and TSV, and decodes it only in HTML', () => {
    const text = 'Web Engineer\nResponsibilities:\n- Escape &lt;script&gt; in templates.\n';
    expect(parse(text, 'a.txt').postings[0].duties).toEqual(['Escape &lt;script&gt; in templates.']);
    expect(parse(text, 'a.md').postings[0].duties).toEqual(['Escape &lt;script&gt; in templates.']);
    const table = 'Title\tDuties\nWeb Engineer\tEscape &lt;script&gt; in templates.\n';
    expect(parse(table, 'a.tsv').postings[0].duties).toEqual(['Escape &lt;script&gt; in templates.']);
    const html = '<h1>Web Engineer</h1><h2>Duties</h2><ul><li>Escape &lt;script&gt; in templates.</li></ul>';
    expect(parse(html, 'a.html').postings[0].duties).toEqual(['Escape <script> in templates.']);
  });

  it('never cuts an emoji in half when it derives a title', () => {
    const title = deriveTitle(['负责👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻工作。']);
    expect(title).toBe(`${'👩‍💻'.repeat(12)}岗位`);
    // A lone surrogate would not survive UTF-8: the title stores as it reads.
    expect(Buffer.from(title, 'utf8').toString('utf8')).toBe(title);
  });

  it('reports the introduction and a benefits section instead of dropping them', () => {
    const doc = parse(
      [
        'Payments Engineer',
        'We move money for 3 million merchants.',
        'Responsibilities',
        '- Build the ledger.',
        'Requirements',
        '- Go or Java.',
        'Benefits',
        '- Gym.',
        '- Lunch.',
      ].join('\n'),
    );
    expect(doc.postings[0]).toMatchObject({ duties: ['Build the ledger.'], requirements: ['Go or Java.'] });
    expect(doc.warnings.map((w) => [w.code, w.line, w.params.count])).toEqual([
      ['intro-skipped', 2, 1],
      ['section-skipped', 7, 2],
    ]);
  });

  it('reads a posting whose title is followed by a paragraph before its duties', () => {
    const doc = parse(
      [
        'Payments Engineer',
        'Responsibilities',
        '- Build the ledger.',
        'Risk Analyst',
        'You will protect our merchants from fraud.',
        'Responsibilities',
        '- Tune the rules.',
      ].join('\n'),
    );
    expect(doc.postings.map((p) => [p.title, p.duties])).toEqual([
      ['Payments Engineer', ['Build the ledger.']],
      ['Risk Analyst', ['Tune the rules.']],
    ]);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'intro-skipped', posting: 1, line: 5 })]);
  });
});
