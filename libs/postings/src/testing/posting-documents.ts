/**
 * Posting documents with known contents, for round-trip properties: a model (postings, their duty
 * and requirement lines, sub-headings), fast-check arbitraries that build realistic models in
 * simplified Chinese, traditional Chinese and English from word pools, and renderers that write a
 * model as TXT, Markdown, HTML or TSV in the layouts real postings use. No test framework here:
 * a spec parses what a renderer wrote and compares it with `expectedPostings(model)`.
 *
 * The generators avoid what is genuinely ambiguous (and say so where they do); anything else a
 * parser gets wrong is a parser bug.
 */
import fc from 'fast-check';
import type { LineGroup, ParsedPosting } from '../types';

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';

/** Lines under an optional sub-heading (`模型全生命周期管理`, `Backend`). */
export interface GroupModel {
  label?: string;
  lines: string[];
}

export interface PostingModel {
  title: string;
  location?: string;
  headcount?: number;
  /**
   * Only the first group may be unlabelled: lines after a labelled group belong to it in any
   * layout, so an unlabelled group after it could not be told apart.
   */
  duties: GroupModel[];
  requirements: GroupModel[];
}

export interface DocumentModel {
  lang: Lang;
  postings: PostingModel[];
}

/** Things a real document has around its postings, none of which may end up among the lines. */
interface PostingNoise {
  /** A paragraph between the title (and fields) and the first section: intro-skipped. */
  intro?: string;
  /** A benefits section (section-skipped), before the duties, between the lists, or after them. */
  benefits?: { where: 'before' | 'between' | 'after'; items: string[] };
}

/**
 * Noise as drawn, language-free (texts are indexes into the document language's pools), so it is
 * drawn independently of the document and both shrink well. One entry per possible posting (4).
 */
export interface NoiseChoice {
  intro?: number;
  benefits?: { where: 'before' | 'between' | 'after'; items: number[] };
}

export interface DocumentNoise {
  postings: NoiseChoice[];
  /** Source lines (modulo the line count) after which a blank line is inserted. */
  blankAfter: number[];
  /** Source lines (modulo the line count) that get trailing spaces. */
  trailingSpaces: number[];
}

export type Layout = 'txt' | 'markdown' | 'html' | 'tsv';

export interface RenderedDocument {
  content: string;
  filename: string;
}

/**
 * Choices a renderer makes for each posting (label wording, list markers, blank lines). Numbers
 * index the variant lists modulo their length, so one arbitrary serves every language.
 */
export interface PostingStyle {
  dutyLabel: number;
  requirementLabel: number;
  dutyMarker: number;
  requirementMarker: number;
  /** Numbering starts again at 1 under each sub-heading instead of running on. */
  restartNumbering: boolean;
  /** Blank lines between the blocks (title, fields, sections), or none at all. */
  blankLines: boolean;
  /** TXT: `职位名称：X` / `Title: X` instead of a bare title line. */
  titleField: boolean;
  /** Markdown/HTML: sub-headings as `### X` / `<h3>`, or bold `**X**` / `<p><strong>`. */
  boldGroupLabels: boolean;
  /** HTML: newlines and indentation between tags, or all on one line. */
  prettyHtml: boolean;
}

export interface DocumentStyle {
  postings: PostingStyle[];
  /** TSV header wording. */
  header: number;
  /** Windows line ends. */
  crlf: boolean;
}

// ---------------------------------------------------------------------------------------------
// Word pools. No `"` (TSV quoting), `*` `_` `` ` `` (Markdown emphasis), `:`/`：` (a line ending
// in one is a legitimate label), and no `(2)` `3、` `二、` inside a line (an inline item number).

interface Pool {
  dutyStarts: string[];
  dutyObjects: string[];
  requirementStarts: string[];
  requirementObjects: string[];
  extras: string[];
  ends: string[];
  titles: string[];
  groupLabels: string[];
  locations: string[];
  intros: string[];
  benefits: string[];
}

const POOLS: Record<Lang, Pool> = {
  'zh-Hans': {
    dutyStarts: ['负责', '参与', '主导', '推动', '协助完成', '设计并实现', '持续优化', '维护'],
    dutyObjects: [
      '支付系统的架构设计与开发',
      '风控模型的迭代与监控',
      '清算对账流程的自动化',
      '数据仓库与指标体系建设',
      '核心交易链路的稳定性保障',
      '反欺诈规则的配置与评估',
      '跨部门的需求沟通与评审',
      '监管报送材料的准备',
      '接口性能调优，响应时间<200ms',
      'R&D团队的技术方案评审',
    ],
    requirementStarts: ['3年以上', '5年以上', '熟悉', '精通', '具备', '有'],
    requirementObjects: [
      'Java或Go后端开发经验',
      'Spring Boot、MySQL与Redis',
      '金融或支付行业工作经验',
      '良好的沟通与协作能力',
      'Python与SQL数据分析能力',
      '分布式系统设计经验',
      '机器学习模型的上线与监控经验',
    ],
    extras: [
      '，将故障率降低20%',
      '，覆盖2024年全部新业务',
      '（如MySQL 5.7升级至8.0）',
      '及相关文档编写',
      '，准确率不低于99.5%',
      '，本科及以上学历',
    ],
    ends: ['。', '；', ''],
    titles: [
      '支付系统架构师',
      '风控策略分析师',
      '清算运营专员',
      '数据库管理员（DBA）',
      '高级Java开发工程师',
      '数据产品经理',
    ],
    groupLabels: ['模型全生命周期管理', '技术能力', '业务理解', '系统建设', '数据治理', '团队协作'],
    locations: ['上海', '北京', '深圳', '杭州'],
    intros: [
      '我们是一家专注于跨境支付的金融科技公司，服务超过300万商户。',
      '团队正处于快速发展期，欢迎有志之士加入我们。',
    ],
    benefits: ['五险一金', '弹性工作时间', '年度体检与带薪年假', '餐补与交通补贴'],
  },
  'zh-Hant': {
    dutyStarts: ['負責', '參與', '主導', '推動', '協助完成', '設計並實現', '持續優化', '維護'],
    dutyObjects: [
      '支付系統的架構設計與開發',
      '風險模型的監控與迭代',
      '清算對帳流程的自動化',
      '數據倉庫與指標體系建設',
      '核心交易鏈路的穩定性保障',
      '跨部門的需求溝通與評審',
      '監管報送資料的準備',
    ],
    requirementStarts: ['3年以上', '5年以上', '熟悉', '精通', '具備', '有'],
    requirementObjects: [
      'Java或Go後端開發經驗',
      '金融或支付產業工作經驗',
      '良好的溝通與協作能力',
      'Python與SQL資料分析能力',
      '分散式系統設計經驗',
    ],
    extras: ['，將故障率降低20%', '，涵蓋2024年全部新業務', '及相關文件撰寫', '，準確率不低於99.5%', '，大學以上學歷'],
    ends: ['。', '；', ''],
    titles: ['風險分析師', '支付系統架構師', '清算營運專員', '資深後端工程師', '資料產品經理'],
    groupLabels: ['技術能力', '業務理解', '系統建設', '資料治理', '團隊協作'],
    locations: ['台北', '香港', '新竹'],
    intros: ['我們是一家專注於跨境支付的金融科技公司，服務超過300萬商戶。', '團隊正處於快速發展期，歡迎加入我們。'],
    benefits: ['勞健保與團保', '彈性工時', '年度健康檢查', '年終獎金'],
  },
  en: {
    dutyStarts: ['Design', 'Build and operate', 'Own', 'Maintain', 'Improve', 'Lead the work on', 'Review'],
    dutyObjects: [
      'the payments API and its SDKs',
      'fraud detection rules for card transactions',
      'settlement reconciliation jobs',
      'P&L reporting for the cards team',
      'latency budgets, keeping p99 <200 ms',
      'the risk data pipeline on Kafka & Flink',
      'incident reviews with the on-call team',
    ],
    requirementStarts: ['5+ years of', '3+ years of', 'Solid', 'Hands-on', 'Proven'],
    requirementObjects: [
      'experience with Java or Go',
      'knowledge of SQL and data modelling',
      'experience in payments or banking',
      'English and Mandarin communication skills',
      'experience running services on Kubernetes',
      'understanding of PCI DSS & SOX controls',
    ],
    extras: [
      ' by 20%',
      ' for 2024 launches',
      ' within 3.5 hours of an alert',
      ' across 12 markets',
      ' in a regulated setting',
    ],
    ends: ['.', ';', ''],
    titles: ['Senior Payments Engineer', 'Risk Analyst', 'Data Platform Lead', 'Settlement Operations Specialist'],
    groupLabels: ['Backend', 'Data platform', 'Risk and compliance', 'Team leadership', 'Delivery'],
    locations: ['London', 'Singapore', 'Shanghai'],
    intros: [
      'We are a fintech company building cross-border payments for 3 million merchants.',
      'Our team is growing fast and we would love to hear from you.',
    ],
    benefits: ['Annual bonus', 'Flexible hours', 'Private health insurance', '25 days of paid leave'],
  },
};

const LABELS: Record<Lang, { duties: string[]; requirements: string[]; benefits: string[] }> = {
  'zh-Hans': {
    duties: ['岗位职责：', '工作职责', '【岗位职责】', '一、岗位职责', '职位描述：', '主要职责:'],
    requirements: ['任职要求：', '【任职要求】', '二、任职要求', '岗位要求：', '任职资格'],
    benefits: ['福利待遇：', '【福利待遇】', '我们提供'],
  },
  'zh-Hant': {
    duties: ['崗位職責', '崗位職責：', '【工作職責】', '職位描述：'],
    requirements: ['任職要求：', '【任職資格】', '技能要求', '任職要求'],
    benefits: ['福利待遇：', '【福利待遇】'],
  },
  en: {
    duties: ['Responsibilities:', '【Core Responsibilities】', 'Key Responsibilities', "What you'll do:", 'Duties'],
    requirements: ['Requirements:', 'Qualifications', '【Requirements】', 'Skills:', 'Job Requirements'],
    benefits: ['Benefits:', 'What we offer', 'Perks'],
  },
};

const FIELDS: Record<Lang, { title: string; location: string; headcount: string; colon: string }> = {
  'zh-Hans': { title: '职位名称', location: '工作地点', headcount: '招聘人数', colon: '：' },
  'zh-Hant': { title: '職位名稱', location: '工作地點', headcount: '招聘人數', colon: '：' },
  en: { title: 'Title', location: 'Location', headcount: 'Headcount', colon: ': ' },
};

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** TXT item markers: numbered styles take the item number, bullets ignore it. */
const TXT_MARKERS: Array<(n: number) => string> = [
  (n) => `${n}. `,
  (n) => `${n}、`,
  (n) => `${n}) `,
  (n) => `（${n}）`,
  (n) => CIRCLED[n - 1],
  (n) => `${n}）`,
  (n) => `(${n}) `,
  () => '- ',
  () => '• ',
  () => '● ',
  () => '▪ ',
  () => '* ',
  () => '· ',
  () => '★ ',
  () => '➤ ',
  () => '■ ',
];

const MARKDOWN_MARKERS: Array<(n: number) => string> = [(n) => `${n}. `, () => '- ', () => '* ', () => '+ '];

const TSV_HEADERS: Record<Lang, string[][]> = {
  'zh-Hans': [
    ['岗位', '工作职责', '任职要求', '工作地点', '招聘人数'],
    ['职位名称', '岗位职责', '任职资格', '工作地点', '招聘人数'],
  ],
  'zh-Hant': [['職位名稱', '工作職責', '任職要求', '工作地點', '招聘人數']],
  en: [
    ['Title', 'Duties', 'Requirements', 'Location', 'Headcount'],
    ['Position', 'Responsibilities', 'Qualifications', 'Location', 'Headcount'],
  ],
};

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

// ---------------------------------------------------------------------------------------------
// Arbitraries.

function lineArb(pool: Pool, kind: 'duties' | 'requirements'): fc.Arbitrary<string> {
  const [starts, objects] =
    kind === 'duties' ? [pool.dutyStarts, pool.dutyObjects] : [pool.requirementStarts, pool.requirementObjects];
  return fc
    .tuple(
      fc.constantFrom(...starts),
      fc.constantFrom(...objects),
      fc.option(fc.constantFrom(...pool.extras), { nil: '' }),
      fc.constantFrom(...pool.ends),
    )
    .map(([start, object, extra, end]) => {
      const space = /[A-Za-z]$/.test(start) ? ' ' : '';
      return `${start}${space}${object}${extra}${end}`;
    });
}

/**
 * One list: optional lines before any sub-heading, then labelled groups of at least one line
 * each (a sub-heading with nothing under it is just a short line).
 */
function listArb(pool: Pool, kind: 'duties' | 'requirements', minLines: number): fc.Arbitrary<GroupModel[]> {
  const line = lineArb(pool, kind);
  const labelled = fc.record({
    label: fc.constantFrom(...pool.groupLabels),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
  });
  return fc
    .tuple(fc.array(line, { maxLength: 5 }), fc.array(labelled, { maxLength: 3 }))
    .map(([lead, groups]) => (lead.length > 0 ? [{ lines: lead }, ...groups] : groups))
    .filter((groups) => countLines(groups) >= minLines);
}

function postingArb(lang: Lang): fc.Arbitrary<PostingModel> {
  const pool = POOLS[lang];
  return fc.record(
    {
      title: fc.constantFrom(...pool.titles),
      location: fc.constantFrom(...pool.locations),
      headcount: fc.integer({ min: 1, max: 9 }),
      duties: listArb(pool, 'duties', 1),
      requirements: listArb(pool, 'requirements', 0),
    },
    { requiredKeys: ['title', 'duties', 'requirements'] },
  );
}

/** A document of 1–4 postings in one language, every line in it distinct. */
export function documentArb(options: { groups?: boolean } = {}): fc.Arbitrary<DocumentModel> {
  return fc
    .constantFrom<Lang>('zh-Hans', 'zh-Hant', 'en')
    .chain((lang) => fc.array(postingArb(lang), { minLength: 1, maxLength: 4 }).map((postings) => ({ lang, postings })))
    .map((doc) => (options.groups === false ? withoutGroupLabels(doc) : doc))
    .map(withDistinctLines)
    .filter((doc) => doc.postings.every((posting) => countLines(posting.duties) > 0));
}

const postingStyleArb: fc.Arbitrary<PostingStyle> = fc.record({
  dutyLabel: fc.nat(),
  requirementLabel: fc.nat(),
  dutyMarker: fc.nat(),
  requirementMarker: fc.nat(),
  restartNumbering: fc.boolean(),
  blankLines: fc.boolean(),
  titleField: fc.boolean(),
  boldGroupLabels: fc.boolean(),
  prettyHtml: fc.boolean(),
});

export const documentStyleArb: fc.Arbitrary<DocumentStyle> = fc.record({
  postings: fc.array(postingStyleArb, { minLength: 4, maxLength: 4 }),
  header: fc.nat(),
  crlf: fc.boolean(),
});

/**
 * Noise for the postings of a document. Without `laterHeads`, only the first posting gets an intro
 * or a benefits section before its duties: after the first posting, a title followed by anything
 * but a duties heading is where the parser has to look furthest ahead (a property of its own).
 */
export function noiseArb(options: { laterHeads?: boolean } = {}): fc.Arbitrary<DocumentNoise> {
  const benefits = fc.record({
    where: fc.constantFrom<'before' | 'between' | 'after'>('before', 'between', 'after'),
    items: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }),
  });
  const posting: fc.Arbitrary<NoiseChoice> = fc.record({ intro: fc.nat(), benefits }, { requiredKeys: [] });
  const head = (noise: NoiseChoice, i: number): NoiseChoice =>
    options.laterHeads || i === 0
      ? noise
      : noise.benefits && noise.benefits.where !== 'before'
        ? { benefits: noise.benefits }
        : {};
  return fc.record({
    postings: fc.array(posting, { minLength: 4, maxLength: 4 }).map((list) => list.map(head)),
    blankAfter: fc.array(fc.nat(), { maxLength: 2 }),
    trailingSpaces: fc.array(fc.nat(), { maxLength: 4 }),
  });
}

/** How many intro-skipped and section-skipped warnings the noise should cause in `doc`. */
export function expectedSkips(doc: DocumentModel, noise: DocumentNoise): { intros: number; sections: number } {
  const used = noise.postings.slice(0, doc.postings.length);
  return {
    intros: used.filter((p) => p.intro !== undefined).length,
    sections: used.filter((p) => p.benefits !== undefined).length,
  };
}

/** The noise's texts in the document's language. */
function noiseTexts(lang: Lang, noise: DocumentNoise | undefined): PostingNoise[] {
  const pool = POOLS[lang];
  return (noise?.postings ?? []).map((p) => ({
    ...(p.intro !== undefined ? { intro: pick(pool.intros, p.intro) } : {}),
    ...(p.benefits
      ? {
          benefits: {
            where: p.benefits.where,
            items: [...new Set(p.benefits.items.map((n) => pick(pool.benefits, n)))],
          },
        }
      : {}),
  }));
}

function countLines(groups: GroupModel[]): number {
  return groups.reduce((n, group) => n + group.lines.length, 0);
}

/** The same lines with the sub-headings dropped (layouts that cannot show them, such as TSV). */
function withoutGroupLabels(doc: DocumentModel): DocumentModel {
  const flat = (groups: GroupModel[]) => (countLines(groups) > 0 ? [{ lines: groups.flatMap((g) => g.lines) }] : []);
  return {
    ...doc,
    postings: doc.postings.map((p) => ({ ...p, duties: flat(p.duties), requirements: flat(p.requirements) })),
  };
}

/**
 * Keeps the first occurrence of each line in the document. The property is "every line exactly
 * once", so a line written twice could not say which copy came back.
 */
function withDistinctLines(doc: DocumentModel): DocumentModel {
  const seen = new Set<string>();
  const distinct = (groups: GroupModel[]) =>
    groups
      .map((group) => ({
        ...group,
        lines: group.lines.filter((line) => !seen.has(line) && (seen.add(line), true)),
      }))
      .filter((group) => group.lines.length > 0);
  return {
    ...doc,
    postings: doc.postings.map((p) => ({ ...p, duties: distinct(p.duties), requirements: distinct(p.requirements) })),
  };
}

// ---------------------------------------------------------------------------------------------
// What a parser should return.

export type ExpectedPosting = Pick<ParsedPosting, 'title' | 'location' | 'headcount' | 'duties' | 'requirements'> & {
  groups: LineGroup[];
};

/** Whitespace as the parser normalises it. */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function expectedPostings(doc: DocumentModel): ExpectedPosting[] {
  return doc.postings.map((posting) => {
    const groups: LineGroup[] = [];
    const lines = (kind: LineGroup['kind'], list: GroupModel[]) => {
      const out: string[] = [];
      for (const group of list) {
        if (group.label !== undefined)
          groups.push({ kind, label: group.label, start: out.length, count: group.lines.length });
        out.push(...group.lines.map(normalizeText));
      }
      return out;
    };
    const duties = lines('duty', posting.duties);
    const requirements = lines('requirement', posting.requirements);
    return {
      title: posting.title,
      ...(posting.location !== undefined ? { location: posting.location } : {}),
      ...(posting.headcount !== undefined ? { headcount: posting.headcount } : {}),
      duties,
      requirements,
      groups,
    };
  });
}

/** A parsed posting in the shape of `expectedPostings`, whitespace normalised, department dropped. */
export function comparable(posting: ParsedPosting): ExpectedPosting {
  return {
    title: normalizeText(posting.title),
    ...(posting.location !== undefined ? { location: posting.location } : {}),
    ...(posting.headcount !== undefined ? { headcount: posting.headcount } : {}),
    duties: posting.duties.map(normalizeText),
    requirements: posting.requirements.map(normalizeText),
    groups: posting.groups ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Renderers.

export function render(
  layout: Layout,
  doc: DocumentModel,
  style: DocumentStyle,
  noise?: DocumentNoise,
): RenderedDocument {
  const lines = {
    txt: () => withLineNoise(renderTxt(doc, style, noise), noise),
    markdown: () => withLineNoise(renderMarkdown(doc, style, noise), noise),
    html: () => renderHtml(doc, style, noise),
    tsv: () => renderTsv(doc, style),
  }[layout]();
  const filename = { txt: 'postings.txt', markdown: 'postings.md', html: 'postings.html', tsv: 'postings.tsv' }[layout];
  // Inside a quoted TSV cell a CRLF is part of the cell, as a spreadsheet writes it.
  return { content: lines.join(style.crlf ? '\r\n' : '\n'), filename };
}

/** Stray blank lines and trailing spaces, at positions taken modulo the line count. */
function withLineNoise(lines: string[], noise: DocumentNoise | undefined): string[] {
  if (!noise) return lines;
  const out = [...lines];
  for (const at of noise.trailingSpaces) {
    const i = at % out.length;
    if (out[i] !== '') out[i] += pick([' ', '  ', ' \t'], at);
  }
  const blanks = new Set(noise.blankAfter.map((at) => at % out.length));
  return out.flatMap((line, i) => (blanks.has(i) ? [line, ''] : [line]));
}

/** `${label}${colon}${value}` field lines under a title. */
function fieldLines(lang: Lang, posting: PostingModel): string[] {
  const f = FIELDS[lang];
  return [
    ...(posting.location !== undefined ? [`${f.location}${f.colon}${posting.location}`] : []),
    ...(posting.headcount !== undefined ? [`${f.headcount}${f.colon}${posting.headcount}`] : []),
  ];
}

/** Items of one list, a sub-heading as its own unmarked line before its items. */
function txtList(groups: GroupModel[], marker: (n: number) => string, restart: boolean): string[] {
  const out: string[] = [];
  let n = 0;
  for (const group of groups) {
    if (group.label !== undefined) {
      out.push(group.label);
      if (restart) n = 0;
    }
    for (const line of group.lines) out.push(`${marker(++n)}${line}`);
  }
  return out;
}

function blocks(parts: string[][], blankLines: boolean): string[] {
  return parts.filter((part) => part.length > 0).flatMap((part, i) => (blankLines && i > 0 ? ['', ...part] : part));
}

/** Sections in order, the benefits section (noise) where it was asked for. */
function sections(
  duties: string[],
  requirements: string[],
  benefits: string[] | undefined,
  where: PostingNoise['benefits'],
): string[][] {
  const b = benefits && where ? benefits : [];
  return [
    where?.where === 'before' ? b : [],
    duties,
    where?.where === 'between' ? b : [],
    requirements,
    where?.where === 'after' ? b : [],
  ];
}

function renderTxt(doc: DocumentModel, style: DocumentStyle, noise?: DocumentNoise): string[] {
  const labels = LABELS[doc.lang];
  const extras = noiseTexts(doc.lang, noise);
  const postings = doc.postings.map((posting, i) => {
    const s = style.postings[i];
    const extra = extras[i] ?? {};
    const f = FIELDS[doc.lang];
    const title = s.titleField ? `${f.title}${f.colon}${posting.title}` : posting.title;
    const list = (label: string, groups: GroupModel[], marker: number) =>
      countLines(groups) > 0 ? [label, ...txtList(groups, pick(TXT_MARKERS, marker), s.restartNumbering)] : [];
    const benefits = extra.benefits
      ? [pick(labels.benefits, s.dutyLabel), ...extra.benefits.items.map((item) => `- ${item}`)]
      : undefined;
    return blocks(
      [
        [title, ...fieldLines(doc.lang, posting)],
        extra.intro ? [extra.intro] : [],
        ...sections(
          list(pick(labels.duties, s.dutyLabel), posting.duties, s.dutyMarker),
          list(pick(labels.requirements, s.requirementLabel), posting.requirements, s.requirementMarker),
          benefits,
          extra.benefits,
        ),
      ],
      s.blankLines,
    );
  });
  return postings.flatMap((lines, i) => (i > 0 ? ['', ...lines] : lines));
}

/** `# 岗位职责：` → `岗位职责` (a Markdown heading carries no brackets or colon). */
function bareLabel(label: string): string {
  return label.replace(/[【】]/g, '').replace(/[:：]$/, '');
}

function renderMarkdown(doc: DocumentModel, style: DocumentStyle, noise?: DocumentNoise): string[] {
  const labels = LABELS[doc.lang];
  const extras = noiseTexts(doc.lang, noise);
  const postings = doc.postings.map((posting, i) => {
    const s = style.postings[i];
    const extra = extras[i] ?? {};
    const list = (label: string, groups: GroupModel[], markerIndex: number) => {
      if (countLines(groups) === 0) return [];
      const marker = pick(MARKDOWN_MARKERS, markerIndex);
      const out = [`## ${bareLabel(label)}`];
      let n = 0;
      for (const group of groups) {
        if (group.label !== undefined) {
          out.push('', s.boldGroupLabels ? `**${group.label}**` : `### ${group.label}`, '');
          if (s.restartNumbering) n = 0;
        } else out.push('');
        for (const line of group.lines) out.push(`${marker(++n)}${line}`);
      }
      return out;
    };
    const benefits = extra.benefits
      ? [`## ${bareLabel(pick(labels.benefits, s.dutyLabel))}`, '', ...extra.benefits.items.map((item) => `- ${item}`)]
      : undefined;
    // Markdown needs blank lines between blocks: a field line right under `# Title` is a paragraph.
    return blocks(
      [
        [`# ${posting.title}`],
        ...fieldLines(doc.lang, posting).map((line) => [line]),
        extra.intro ? [extra.intro] : [],
        ...sections(
          list(pick(labels.duties, s.dutyLabel), posting.duties, s.dutyMarker),
          list(pick(labels.requirements, s.requirementLabel), posting.requirements, s.requirementMarker),
          benefits,
          extra.benefits,
        ),
      ],
      true,
    );
  });
  return postings.flatMap((lines, i) => (i > 0 ? ['', ...lines] : lines));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderHtml(doc: DocumentModel, style: DocumentStyle, noise?: DocumentNoise): string[] {
  const labels = LABELS[doc.lang];
  const extras = noiseTexts(doc.lang, noise);
  const out: string[] = ['<!DOCTYPE html>', '<html><body>'];
  doc.postings.forEach((posting, i) => {
    const s = style.postings[i];
    const extra = extras[i] ?? {};
    const tags: string[] = [];
    const ul = (items: string[], ordered: boolean) => {
      const tag = ordered ? 'ol' : 'ul';
      const lis = items.map((item) => `${s.prettyHtml ? '  ' : ''}<li>${escapeHtml(item)}</li>`);
      tags.push(...(s.prettyHtml ? [`<${tag}>`, ...lis, `</${tag}>`] : [`<${tag}>${lis.join('')}</${tag}>`]));
    };
    const list = (label: string, groups: GroupModel[], marker: number) => {
      if (countLines(groups) === 0) return;
      tags.push(`<h2>${escapeHtml(bareLabel(label))}</h2>`);
      for (const group of groups) {
        if (group.label !== undefined) {
          const label = escapeHtml(group.label);
          tags.push(s.boldGroupLabels ? `<p><strong>${label}</strong></p>` : `<h3>${label}</h3>`);
        }
        ul(group.lines, marker % 2 === 0);
      }
    };
    const benefits = () => {
      if (!extra.benefits) return;
      tags.push(`<h2>${escapeHtml(bareLabel(pick(labels.benefits, s.dutyLabel)))}</h2>`);
      ul(extra.benefits.items, false);
    };
    tags.push(`<h1>${escapeHtml(posting.title)}</h1>`);
    for (const field of fieldLines(doc.lang, posting)) tags.push(`<p>${escapeHtml(field)}</p>`);
    if (extra.intro) tags.push(`<p>${escapeHtml(extra.intro)}</p>`);
    if (extra.benefits?.where === 'before') benefits();
    list(pick(labels.duties, s.dutyLabel), posting.duties, s.dutyMarker);
    if (extra.benefits?.where === 'between') benefits();
    list(pick(labels.requirements, s.requirementLabel), posting.requirements, s.requirementMarker);
    if (extra.benefits?.where === 'after') benefits();
    out.push(s.prettyHtml ? tags.join('\n') : tags.join(''));
  });
  out.push('</body></html>');
  return out;
}

/** A TSV cell: numbered lines joined by newlines, quoted when it spans lines. */
function tsvCell(lines: string[], marker: number, eol: string): string {
  if (lines.length <= 1) return lines[0] ?? '';
  const numbered = lines.map((line, i) => `${pick(TXT_MARKERS.slice(0, 7), marker)(i + 1)}${line}`);
  return `"${numbered.join(eol)}"`;
}

/** One row per posting. Sub-headings are not rendered: use a model from `documentArb({ groups: false })`. */
function renderTsv(doc: DocumentModel, style: DocumentStyle): string[] {
  const [title, duties, requirements, location, headcount] = pick(TSV_HEADERS[doc.lang], style.header);
  const eol = style.crlf ? '\r\n' : '\n';
  const rows = doc.postings.map((posting, i) => {
    const s = style.postings[i];
    return [
      posting.title,
      tsvCell(
        posting.duties.flatMap((g) => g.lines),
        s.dutyMarker,
        eol,
      ),
      tsvCell(
        posting.requirements.flatMap((g) => g.lines),
        s.requirementMarker,
        eol,
      ),
      posting.location ?? '',
      posting.headcount === undefined ? '' : String(posting.headcount),
    ].join('\t');
  });
  return [[title, duties, requirements, location, headcount].join('\t'), ...rows];
}
