import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostingsDocument } from './index';

const fixture = (name: string) => {
  const filename = join(__dirname, '../test-fixtures', name);
  return parsePostingsDocument({ content: readFileSync(filename), filename: name });
};

describe(`${parsePostingsDocument.name} on hand-written postings`, () => {
  it('reads an English Markdown posting with headings, fields and a "Nice to have" section', () => {
    const doc = fixture('mobile-developer.en.md');
    expect(doc.format).toBe('markdown');
    const [posting] = doc.postings;
    expect(posting).toMatchObject({
      title: 'Senior Mobile App Developer',
      department: 'Consumer Payments',
      location: 'Shanghai',
      headcount: 2,
    });
    expect(posting.duties).toHaveLength(5);
    // 4 numbered requirements + 2 "Nice to have" bullets.
    expect(posting.requirements).toHaveLength(6);
    expect(posting.duties[3]).toBe(
      'Keep crash rate below 0.1% and cold start under 1.5 s by profiling and fixing performance issues.',
    );
    expect(posting.requirements[5]).toBe('Knowledge of EMV, tokenisation or NFC payments.');
    // The introduction paragraph is not a duty; it is said so, with its line.
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        code: 'intro-skipped',
        posting: 0,
        line: 7,
        params: expect.objectContaining({ count: 1 }),
      }),
    ]);
  });

  it('reads a Chinese TXT posting with 岗位职责/任职要求 labels and 1、 numbering', () => {
    const [posting] = fixture('dba.zh.txt').postings;
    expect(posting).toMatchObject({
      title: '数据库管理员（DBA）',
      department: '基础架构部',
      location: '北京',
      headcount: 1,
    });
    expect(posting.duties).toHaveLength(5);
    expect(posting.requirements).toHaveLength(4);
    // `5.7` and `8.0` inside an item are versions, not item numbers.
    expect(posting.duties[4]).toBe('配合开发团队完成数据库变更评审、版本升级（如MySQL 5.7升级至8.0）和数据迁移。');
  });

  it('reads an HTML posting with <ul>/<ol> items and decodes entities', () => {
    const doc = fixture('settlement-analyst.zh.html');
    expect(doc.format).toBe('html');
    const [posting] = doc.postings;
    expect(posting).toMatchObject({
      title: '清算结算运营分析师',
      department: '清算运营中心',
      location: '上海',
      headcount: 3,
    });
    expect(posting.duties).toEqual([
      '负责每日清算文件的核对与差错处理，跟踪长短款 & 挂账款项直至销账。',
      '分析跨境交易的汇率差异与手续费分润，编制日/月度结算报表。',
      '优化对账规则与自动化脚本，将人工对账比例降至<5%。',
      '配合审计与监管报送，提供结算数据与说明。',
    ]);
    expect(posting.requirements).toHaveLength(3);
  });

  it('reads a TSV with English headers and quoted multi-line cells', () => {
    const doc = fixture('ml-platform.en.tsv');
    expect(doc.format).toBe('tsv');
    expect(
      doc.postings.map((p) => [p.title, p.department, p.location, p.headcount, p.duties.length, p.requirements.length]),
    ).toEqual([
      ['Machine Learning Platform Engineer', 'AI Infrastructure', 'Singapore', 2, 4, 3],
      ['ML Platform Engineer (Data Pipelines)', 'AI Infrastructure', 'Shanghai', 1, 2, 2],
    ]);
    expect(doc.postings[0].requirements[2]).toBe(
      'Understands model serving trade-offs (batching, quantisation, "shadow" deployments).',
    );
    expect(doc.postings[1].duties[0]).toBe(
      'Maintain Spark and Flink pipelines that turn 2.5 billion daily card transactions into training features.',
    );
  });

  it('reads an English TXT posting with plain-text labels and skips the "About us" section', () => {
    const [posting] = fixture('customer-success.en.txt').postings;
    expect(posting).toMatchObject({
      title: 'Customer Success Manager, Merchant Acquiring',
      location: 'London',
      headcount: 1,
    });
    expect(posting.duties).toHaveLength(5);
    expect(posting.requirements).toHaveLength(4);
    expect(posting.duties[0]).toBe('Own a portfolio of 60-80 mid-market merchants from onboarding to renewal.');
    expect([...posting.duties, ...posting.requirements].join(' ')).not.toContain('40,000 merchants');
  });

  it('reads two postings from one Markdown document, one English and one Chinese', () => {
    const doc = fixture('two-postings.mixed.md');
    expect(doc.postings.map((p) => [p.title, p.duties.length, p.requirements.length])).toEqual([
      ['Backend Engineer, Payments Gateway', 2, 2],
      ['风控策略分析师', 3, 2],
    ]);
  });

  it('reads several HTML sections as several postings', () => {
    const html = `<section><h2>Risk Analyst</h2><h3>Responsibilities</h3><ul><li>Review alerts.</li><li>Tune rules.</li></ul>
      <h3>Requirements</h3><ul><li>SQL.</li></ul></section>
      <section><h2>客服机器人产品经理</h2><p><b>岗位职责：</b></p><p>1.设计对话流程。2.分析机器人解决率。</p></section>`;
    const doc = parsePostingsDocument({ content: html });
    expect(doc.format).toBe('html');
    expect(doc.postings).toEqual([
      { title: 'Risk Analyst', duties: ['Review alerts.', 'Tune rules.'], requirements: ['SQL.'] },
      { title: '客服机器人产品经理', duties: ['设计对话流程。', '分析机器人解决率。'], requirements: [] },
    ]);
  });

  it('accepts a BOM, CRLF line ends and a pasted string without a filename', () => {
    const text =
      '\uFEFFJunior DBA\r\nResponsibilities:\r\n- Run backups.\r\n- Patch MySQL.\r\nRequirements:\r\n- Linux.\r\n';
    const doc = parsePostingsDocument({ content: text });
    expect(doc.postings).toEqual([
      { title: 'Junior DBA', duties: ['Run backups.', 'Patch MySQL.'], requirements: ['Linux.'] },
    ]);
  });

  it('splits items after a label on the same line and keeps circled and bracketed numbers apart', () => {
    const text = '风险分析师\n岗位职责：①监控交易。②复盘案件。\n任职要求：（1）熟悉SQL；（2）2年经验。';
    const [posting] = parsePostingsDocument({ content: text, filename: 'risk.txt' }).postings;
    expect(posting.duties).toEqual(['监控交易。', '复盘案件。']);
    expect(posting.requirements).toEqual(['熟悉SQL；', '2年经验。']);
  });

  it('reports a headcount that is not a number as a warning and leaves it empty', () => {
    const tsv = '职位\t工作职责\t招聘人数\n清算专员\t1.对账。\t若干\n';
    const doc = parsePostingsDocument({ content: tsv, filename: 'a.tsv' });
    expect(doc.postings[0].headcount).toBeUndefined();
    expect(doc.postings[0].duties).toEqual(['对账。']);
    expect(doc.warnings).toEqual([
      {
        code: 'headcount-invalid',
        message: 'Row 2 (清算专员): headcount “若干” is not a number; it was left empty.',
        params: { row: 2, value: '若干' },
        posting: 0,
        line: 2,
      },
    ]);
  });

  it('joins a wrapped list item back into one line', () => {
    const md =
      '# Settlement Operations Analyst\n\n## What you’ll do\n- Reconcile scheme files against\n  internal ledgers.\n- Investigate breaks and\nescalate them.\n\n## Preferred\n- Python.\n';
    const [posting] = parsePostingsDocument({ content: md, filename: 'a.md' }).postings;
    expect(posting.duties).toEqual([
      'Reconcile scheme files against internal ledgers.',
      'Investigate breaks and escalate them.',
    ]);
    expect(posting.requirements).toEqual(['Python.']);
  });

  it('keeps a short unpunctuated duty line as a duty rather than a new posting title', () => {
    const [posting, ...rest] = parsePostingsDocument({
      content: '岗位：支付产品经理\n工作职责\n负责收单产品规划\n任职要求\n3年以上经验\n',
    }).postings;
    expect(rest).toEqual([]);
    expect(posting).toEqual({ title: '支付产品经理', duties: ['负责收单产品规划'], requirements: ['3年以上经验'] });
  });
});
