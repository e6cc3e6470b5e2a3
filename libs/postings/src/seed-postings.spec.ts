import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostingsDocument } from './index';

const seed = (name: string) => {
  const filename = join(__dirname, '../../../seeds', name);
  return parsePostingsDocument({ content: readFileSync(filename), filename });
};

/*
 * Counted by hand from the cells of seeds/002_3fa3a3a715c8f286.txt: numbered cells (rows 1-7)
 * by their `n.` markers; HTML cells (rows 8-18) by the sentences ending in `。 ` inside <ol>,
 * leaving out the `(一)`/`(二)` sub-headings of row 8.
 */
const CN_SEED: Array<[title: string, duties: number, requirements: number, headcount: number, location: string]> = [
  ['业务经理', 4, 6, 1, '上海'],
  ['工程管理岗', 5, 5, 1, '上海'],
  ['产品经理', 5, 5, 1, '上海'],
  ['开发工程师', 5, 5, 1, '上海'],
  ['云计算开发', 5, 6, 2, '上海或北京 (可由应聘人员选择)'],
  ['网络管理', 5, 4, 2, '上海或北京 (可由应聘人员选择)'],
  ['人工智能开发 (技术运营方向)', 5, 7, 2, '上海或北京 (可由应聘人员选择)'],
  ['人工智能开发 (大模型及智能应用方向)', 11, 7, 4, '上海'],
  ['大数据开发', 5, 6, 1, '上海'],
  ['技术开发', 4, 4, 1, '上海'],
  ['架构规划', 6, 5, 1, '上海'],
  ['市场经理', 5, 5, 1, '上海'],
  ['风险策略经理', 4, 4, 1, '上海'],
  ['技术管理', 6, 5, 1, '上海'],
  ['人工智能开发 (大模型方向)', 5, 6, 1, '上海'],
  ['解决方案工程师', 7, 7, 1, '上海'],
  ['AI风险应用', 5, 6, 1, '上海'],
  ['产品经理 (审计方向)', 5, 4, 1, '上海'],
];

const ITEM_NUMBER = /^\s*(\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①-⑳]|[-*•·]\s)/;

describe(`${parsePostingsDocument.name} on the Chinese seed table`, () => {
  const doc = seed('002_3fa3a3a715c8f286.txt');
  const lines = doc.postings.flatMap((p) => [...p.duties, ...p.requirements]);

  it('reads the .txt seed as a TSV table, reporting only its caption line above the header', () => {
    expect(doc.format).toBe('tsv');
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        code: 'rows-before-header',
        line: 3,
        params: { count: 1, header: 5, text: '中国银联2026年度社会招聘岗位及要求' },
      }),
    ]);
  });

  it('returns the 18 postings in table order with their titles, headcounts and locations', () => {
    expect(doc.postings.map((p) => [p.title, p.headcount, p.location])).toEqual(
      CN_SEED.map(([title, , , headcount, location]) => [title, headcount, location]),
    );
  });

  it.each(CN_SEED.map((row, i) => [i + 1, ...row] as const))(
    'splits posting %i (%s) into %i duty and %i requirement lines',
    (index, _title, duties, requirements) => {
      const posting = doc.postings[index - 1];
      expect([posting.duties.length, posting.requirements.length]).toEqual([duties, requirements]);
    },
  );

  it('leaves no tags, entities, empty lines or item numbers in any line', () => {
    for (const line of lines) {
      expect(line).not.toMatch(/<\/?[a-z][^>]*>|[<>]|&[a-z#0-9]+;/i);
      expect(line.trim()).not.toBe('');
      expect(line).toBe(line.trim());
      expect(line).not.toMatch(ITEM_NUMBER);
    }
  });

  it('keeps items after a (一)/(二) sub-heading and drops the sub-heading itself', () => {
    const { duties } = doc.postings[7];
    expect(duties[0]).toBe('负责 AI 技术在银联核心业务场景的应用落地实施。');
    expect(duties[5]).toBe('完成领导交办的其他工作。');
    expect(duties[6]).toBe(
      '负责金融支付垂域大模型建设，与业界头部大模型研发单位开展后训练合作，提升大模型在金融领域的应用能力。',
    );
    expect(duties.some((line) => line.includes('方向'))).toBe(false);
  });

  it('keeps a `标签：sentence。sentence。` item whole', () => {
    expect(doc.postings[14].duties[0]).toBe(
      '平台与应用研发：负责大模型相关平台与应用的架构设计及核心开发工作。重点包括低代码开发平台与高代码智能体（Agent）应用的建设，并深度参与智能客服、智能运营、智能推荐等核心业务场景的AI解决方案落地。',
    );
  });

  it('splits an HTML cell whose <li> tags were lost into sentences', () => {
    expect(doc.postings[11].duties).toEqual([
      '开展“Nihao China”APP的市场推广和用户经营。',
      '围绕“Nihao China”引入跨境服务内容，丰富服务能力。',
      '扎口对接境内分公司，银联国际和境外分公司，促进“Nihao China”和云闪付跨境业务发展。',
      '跟进境内外跨境支付市场动向、发展趋势和政策动向。',
      '完成领导交办的其他工作。',
    ]);
  });

  it('does not mistake `3.3年` for two item numbers', () => {
    expect(doc.postings[4].requirements[2]).toMatch(
      /^3年及以上云平台（OpenStack\/Kubernetes）或运维开发相关工作经验。/,
    );
    expect(doc.postings[4].requirements[4]).toContain('主流运维工具中的2-3种');
  });
});

describe(`${parsePostingsDocument.name} on the English seed posting`, () => {
  const doc = seed('000_06d985f9c91018e2.txt');
  const [posting] = doc.postings;

  it('finds one posting and derives its title from the first duty line, with a warning', () => {
    expect(doc.format).toBe('txt');
    expect(doc.postings).toHaveLength(1);
    expect(posting.title).toBe('AI Algorithm Engineer');
    expect(doc.warnings.map((w) => [w.code, w.posting])).toEqual([
      ['title-derived', 0],
      ['sections-guessed', 0],
    ]);
    expect(doc.warnings[0].message).toContain('“AI Algorithm Engineer” was derived');
  });

  // Hand count: duties 4 + 2 bullets; requirements 2 + 3 + 2 bullets and 2 preferred items.
  it('takes the first numbered groups as 6 duties and everything after the restart as 9 requirements', () => {
    expect(posting.duties).toHaveLength(6);
    expect(posting.requirements).toHaveLength(9);
  });

  it('treats "1. Technology development and optimization" style lines as group headings, not items', () => {
    const all = [...posting.duties, ...posting.requirements];
    expect(all).not.toContain('Technology development and optimization');
    expect(all).not.toContain('Basic requirements');
    expect(all).not.toContain('Soft Skills');
    expect(all.every((line) => !ITEM_NUMBER.test(line))).toBe(true);
  });

  it('keeps the bullet text verbatim and the preferred qualifications as requirements', () => {
    expect(posting.duties[5]).toBe(
      'Cooperate with the business department to complete technical verification and results transformation, and support the intelligent upgrade of financial payment scenarios.',
    );
    expect(posting.requirements[0]).toBe(
      "Education: Bachelor's degree or above in computer science, mathematics, electronic engineering and other related majors;",
    );
    expect(posting.requirements[8]).toBe(
      'Has published papers in the field of AI, owned patents or led large open source projects.',
    );
  });
});
