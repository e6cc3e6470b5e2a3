import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostingsDocument, type LineGroup, type ParseWarningCode, type PostingFormat } from './index';

/**
 * Invented postings in the layouts real employers use (test-fixtures/layouts). Every expectation
 * below was counted by hand from the document, not copied from a parser run.
 */
const layout = (name: string) =>
  parsePostingsDocument({ content: readFileSync(join(__dirname, '../test-fixtures/layouts', name)), filename: name });

/** What one posting should look like: meta fields, list sizes, the first and last duty, groups. */
interface PostingSummary {
  title: string;
  department?: string;
  location?: string;
  headcount?: number;
  duties: number;
  requirements: number;
  firstDuty: string;
  lastDuty: string;
  groups?: LineGroup[];
}

interface LayoutCase {
  format: PostingFormat;
  postings: PostingSummary[];
  /** `'none'`: the document is clean and must produce no warning at all. */
  warnings: 'none' | ParseWarningCode[];
}

const CASES: Record<string, LayoutCase> = {
  'hk-risk-analyst.zh-hant.txt': {
    format: 'txt',
    postings: [
      {
        title: '高級風險分析師（支付風控）',
        location: '香港',
        headcount: 2,
        duties: 4,
        requirements: 5,
        firstDuty: '監察跨境支付交易，識別可疑模式並及時跟進。',
        lastDuty: '與合規團隊合作，回應金管局（HKMA）的監管查詢。',
      },
    ],
    warnings: 'none',
  },
  'hk-clearing-engineer.zh-hant.html': {
    format: 'html',
    postings: [
      {
        title: '清算系統工程師',
        department: '支付基礎設施部',
        location: '香港',
        duties: 4,
        requirements: 3,
        firstDuty: '設計及開發轉數快（FPS）的清算與對賬模組。',
        lastDuty: '參與值班，處理生產環境事故並撰寫事後檢討。',
      },
    ],
    warnings: 'none',
  },
  'sg-fraud-ops-lead.fullwidth-brackets.en.txt': {
    format: 'txt',
    postings: [
      {
        title: 'Fraud Operations Lead',
        location: 'Singapore',
        duties: 4,
        requirements: 3,
        firstDuty: 'Lead a team of 8 analysts reviewing card-not-present fraud alerts around the clock.',
        lastDuty: 'Report weekly fraud losses and recoveries to the Head of Risk.',
      },
    ],
    warnings: 'none',
  },
  'remote-payments-sre.benefits.en.md': {
    format: 'markdown',
    postings: [
      {
        title: 'Site Reliability Engineer, Payments Platform',
        location: 'Remote (EU time zones)',
        duties: 5,
        // 3 Qualifications + 2 Nice to have; the 3 Benefits are skipped.
        requirements: 5,
        firstDuty: 'Own the uptime of our authorisation and capture services (99.99% target).',
        lastDuty: 'Join an on-call rotation of six engineers, one week in six.',
      },
    ],
    warnings: ['intro-skipped', 'section-skipped'],
  },
  'risk-modeling-two-roles.zh.txt': {
    format: 'txt',
    postings: [
      {
        title: '风控建模工程师（策略岗）',
        duties: 3,
        requirements: 3,
        firstDuty: '负责支付交易反欺诈策略的设计、上线与迭代。',
        lastDuty: '结合黑产情报，快速响应新型欺诈手法。',
      },
      {
        title: '风控建模工程师（模型岗）',
        duties: 5,
        requirements: 4,
        firstDuty: '负责信用评分卡与反欺诈模型的开发、验证与上线。',
        lastDuty: '保障样本与特征数据的质量与时效。',
        groups: [
          { kind: 'duty', label: '模型全生命周期管理', start: 0, count: 2 },
          { kind: 'duty', label: '数据与特征工程', start: 2, count: 3 },
        ],
      },
    ],
    warnings: ['role-split'],
  },
  'java-acquiring-subheadings.zh.txt': {
    format: 'txt',
    postings: [
      {
        title: '高级Java开发工程师（收单核心）',
        department: '收单技术部',
        location: '杭州',
        headcount: 3,
        duties: 4,
        requirements: 5,
        firstDuty: '负责收单核心系统的设计与开发，支撑日均千万级交易。',
        lastDuty: '排查线上问题，持续提升系统稳定性。',
        // Labels as written in the document, prefix included.
        groups: [
          { kind: 'requirement', label: '技术能力', start: 0, count: 3 },
          { kind: 'requirement', label: '业务能力', start: 3, count: 2 },
        ],
      },
    ],
    warnings: 'none',
  },
  'data-platform-mixed-markers.zh.txt': {
    format: 'txt',
    postings: [
      {
        title: '数据平台开发工程师',
        location: '深圳',
        duties: 4,
        // 3 under 任职要求 + 2 under 加分项 (a requirements section, not a group).
        requirements: 5,
        firstDuty: '负责支付数据仓库的建设与维护，包括以下方面：',
        lastDuty: '支持风控、财务等部门的数据需求。',
      },
    ],
    warnings: 'none',
  },
  'payments-ops-55-unlabelled.en.txt': {
    format: 'txt',
    postings: [
      {
        title: 'Payments Operations Specialist',
        duties: 55,
        requirements: 0,
        firstDuty: 'Check the overnight settlement files from every acquiring bank before 9 am.',
        lastDuty: 'Join quarterly planning to prioritise operations improvements.',
      },
    ],
    warnings: ['sections-guessed'],
  },
  'hk-openings-captions.zh-hant.tsv': {
    format: 'tsv',
    postings: [
      {
        title: '後端工程師（清算）',
        location: '香港',
        duties: 3,
        requirements: 2,
        firstDuty: '開發清算批處理服務。',
        lastDuty: '參與清算系統遷移上雲。',
      },
      {
        title: '合規分析師',
        location: '香港',
        duties: 2,
        requirements: 3,
        firstDuty: '審閱商戶KYC資料。',
        lastDuty: '跟進可疑交易報告（STR）。',
      },
      {
        title: '產品經理（錢包）',
        location: '深圳',
        duties: 1,
        requirements: 1,
        firstDuty: '負責電子錢包產品規劃。',
        lastDuty: '負責電子錢包產品規劃。',
      },
    ],
    warnings: ['rows-before-header'],
  },
  'stray-quote.en.tsv': {
    format: 'tsv',
    postings: [
      {
        title: 'Card Issuing Analyst',
        location: 'London',
        duties: 1,
        requirements: 1,
        firstDuty: '"Monitor BIN sponsorship reports.',
        lastDuty: '"Monitor BIN sponsorship reports.',
      },
      {
        title: 'Acquiring Pricing Analyst',
        location: 'Amsterdam',
        duties: 1,
        requirements: 1,
        firstDuty: 'Model interchange++ pricing for merchants.',
        lastDuty: 'Model interchange++ pricing for merchants.',
      },
      {
        title: 'Disputes Specialist',
        location: 'Dublin',
        duties: 1,
        requirements: 1,
        firstDuty: 'Handle "friendly fraud" chargeback representments.',
        lastDuty: 'Handle "friendly fraud" chargeback representments.',
      },
      {
        title: 'Treasury Operations Analyst',
        location: 'London',
        duties: 1,
        requirements: 1,
        firstDuty: 'Forecast daily liquidity needs.',
        lastDuty: 'Forecast daily liquidity needs.',
      },
    ],
    warnings: ['quote-unclosed'],
  },
  'three-openings.bold-labels.en.md': {
    format: 'markdown',
    postings: [
      {
        title: 'Payment Gateway Engineer',
        duties: 2,
        requirements: 2,
        firstDuty: 'Build REST and ISO 8583 connectors to acquiring banks.',
        lastDuty: 'Keep gateway p99 latency under 150 ms.',
      },
      {
        title: 'Merchant Onboarding Specialist',
        duties: 3,
        requirements: 1,
        firstDuty: 'Review merchant applications against our risk appetite.',
        lastDuty: 'Explain onboarding status to sales colleagues.',
      },
      {
        title: 'Treasury Analyst',
        duties: 1,
        requirements: 2,
        firstDuty: 'Forecast daily liquidity across 14 settlement currencies.',
        lastDuty: 'Forecast daily liquidity across 14 settlement currencies.',
      },
    ],
    // Separately titled postings are not a role split.
    warnings: 'none',
  },
  'card-issuing-pm.strong-br.en.html': {
    format: 'html',
    postings: [
      {
        title: 'Product Manager, Card Issuing',
        location: 'Berlin',
        duties: 4,
        requirements: 3,
        firstDuty: 'Own the roadmap for virtual and physical card issuing.',
        lastDuty: 'Track activation, spend and decline metrics for every card programme.',
      },
    ],
    warnings: 'none',
  },
  'frontend-mixed-emoji.zh-en.txt': {
    format: 'txt',
    postings: [
      {
        title: 'Senior Frontend Engineer 前端高级工程师 🚀',
        location: 'Shanghai / 上海',
        duties: 4,
        requirements: 3,
        firstDuty: 'Build the merchant dashboard with React and TypeScript 💻.',
        lastDuty: 'Improve the Lighthouse performance score of the checkout page to 90+ ⚡.',
      },
    ],
    warnings: 'none',
  },
  'cs-lead-numbered-headings.zh.txt': {
    format: 'txt',
    postings: [
      {
        title: '客服主管（跨境支付）',
        location: '广州',
        duties: 3,
        requirements: 2,
        firstDuty: '管理20人的多语种客服团队，制定排班与质检标准。',
        lastDuty: '建设知识库与客服机器人话术。',
      },
    ],
    warnings: ['section-skipped'],
  },
};

describe(`${parsePostingsDocument.name} on real-world layouts`, () => {
  it.each(Object.entries(CASES))('reads %s', (name, expected) => {
    const doc = layout(name);
    expect(doc.format).toBe(expected.format);
    expect(
      doc.postings.map((p): PostingSummary => ({
        title: p.title,
        department: p.department,
        location: p.location,
        headcount: p.headcount,
        duties: p.duties.length,
        requirements: p.requirements.length,
        firstDuty: p.duties[0],
        lastDuty: p.duties[p.duties.length - 1],
        groups: p.groups,
      })),
    ).toEqual(expected.postings);
    if (expected.warnings === 'none') expect(doc.warnings).toEqual([]);
    else expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(expected.warnings));
    // A warning that points at a posting points at one that exists.
    for (const warning of doc.warnings) {
      if (warning.posting !== undefined) expect(warning.posting).toBeLessThan(doc.postings.length);
      if (warning.line !== undefined) expect(warning.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads circled-number items in traditional Chinese and keeps the original characters', () => {
    const [posting] = layout('hk-risk-analyst.zh-hant.txt').postings;
    expect(posting.requirements).toEqual([
      '持有金融、統計或相關學科學士學位。',
      '3年以上支付或銀行風險管理經驗。',
      '熟悉SQL及Python，能獨立完成數據分析。',
      '良好的中英文溝通能力，懂普通話者優先。',
      '持有CAMS證書者優先。',
    ]);
  });

  it('decodes entities in an HTML document and keeps them as text', () => {
    const [hk] = layout('hk-clearing-engineer.zh-hant.html').postings;
    expect(hk.duties[2]).toBe('與銀行及卡組織對接，處理報文格式（ISO 8583 & ISO 20022）。');
    const [pm] = layout('card-issuing-pm.strong-br.en.html').postings;
    expect(pm.duties[2]).toBe(
      'Write specs engineers can build from, e.g. a rule that rejects <script> in cardholder names.',
    );
    // One requirement per <br>-separated line of the paragraph.
    expect(pm.requirements).toEqual([
      '3+ years of product management in fintech.',
      'Understanding of card scheme rules (Visa, Mastercard).',
      'Fluent English; German is a plus.',
    ]);
  });

  it('skips the intro and the benefits of a Markdown posting but keeps "Nice to have"', () => {
    const [posting] = layout('remote-payments-sre.benefits.en.md').postings;
    expect(posting.requirements.slice(3)).toEqual([
      'Experience with PCI DSS audits.',
      'Debugged a TLS handshake with Wireshark at least once.',
    ]);
    const lines = [...posting.duties, ...posting.requirements].join('\n');
    expect(lines).not.toContain('holiday');
    expect(lines).not.toContain('12,000 online shops');
  });

  it('splits a two-role document into one posting per role with sub-headings as groups', () => {
    const doc = layout('risk-modeling-two-roles.zh.txt');
    const model = doc.postings[1];
    expect(model.duties).toEqual([
      '负责信用评分卡与反欺诈模型的开发、验证与上线。',
      '监控模型稳定性（PSI、KS），及时发起模型迭代。',
      '从交易、设备与行为数据中挖掘有效特征。',
      '搭建特征平台，沉淀可复用的特征库。',
      '保障样本与特征数据的质量与时效。',
    ]);
    expect(model.requirements[3]).toBe('能阅读英文论文并快速复现。');
    expect(doc.postings[0].requirements[1]).toBe('2年以上风控策略经验，熟练使用SQL。');
    expect(doc.warnings.filter((w) => w.code === 'role-split')).toHaveLength(1);
  });

  it('reads `1、3年…` as item 3年… and （一）/（二） as requirement groups', () => {
    const [posting] = layout('java-acquiring-subheadings.zh.txt').postings;
    expect(posting.requirements).toEqual([
      '3年以上Java开发经验。',
      '精通Spring Boot、MyBatis，熟悉Dubbo或Spring Cloud。',
      '熟悉MySQL索引优化与Redis缓存设计。',
      '有第三方支付、银行或清结算系统开发经验者优先。',
      '具备良好的沟通能力和责任心。',
    ]);
  });

  it('keeps a numbered duty ending in `：` as a duty and reads ▪, 1) and (1) items', () => {
    const [posting] = layout('data-platform-mixed-markers.zh.txt').postings;
    expect(posting.duties).toEqual([
      '负责支付数据仓库的建设与维护，包括以下方面：',
      '设计交易、账务、清算主题的数据模型。',
      '开发实时与离线数据同步任务，保障数据时效。',
      '支持风控、财务等部门的数据需求。',
    ]);
    expect(posting.requirements[0]).toBe('本科及以上学历，计算机相关专业。');
    expect(posting.requirements[4]).toBe('熟悉Doris、ClickHouse等OLAP引擎。');
    expect(posting.groups).toBeUndefined();
  });

  it('keeps items numbered past 50 in an unlabelled list', () => {
    const [posting] = layout('payments-ops-55-unlabelled.en.txt').postings;
    expect(posting.duties[49]).toBe('Confirm safeguarding reconciliations are signed off daily.');
    expect(posting.duties[50]).toBe('Track open breaks older than five days and escalate them.');
    expect(posting.duties.filter((d) => /^\d/.test(d))).toEqual([]);
  });

  it('reads a TSV after its caption lines and keeps `Map<String, List>` verbatim', () => {
    const doc = layout('hk-openings-captions.zh-hant.tsv');
    expect(doc.postings[0].duties[1]).toBe('使用 Map<String, List> 等結構整理對賬結果。');
    expect(doc.postings[0].requirements).toEqual(['3年以上Java經驗。', '熟悉Kafka或RocketMQ。']);
    expect(doc.postings[1].requirements[2]).toBe('能以粵語及英語溝通。');
    expect(doc.postings.map((p) => p.title)).not.toContain('雲付科技（香港）有限公司 2025年招聘計劃');
  });

  it('reads a stray opening quote as text without swallowing the rows after it', () => {
    const doc = layout('stray-quote.en.tsv');
    expect(doc.postings.map((p) => p.requirements)).toEqual([
      ['SQL and Excel.'],
      ['2+ years in payments pricing.'],
      ['Knowledge of Visa and Mastercard dispute rules.'],
      ['Degree in finance."'],
    ]);
  });

  it('reads requirements given on the `Job Requirements:` line itself, with emoji kept', () => {
    const [posting] = layout('frontend-mixed-emoji.zh-en.txt').postings;
    expect(posting.duties[1]).toBe('与设计团队合作，打磨收银台（checkout）的交互细节。');
    // Only HTML documents decode entities: in a text file `&lt;` is what the author typed.
    expect(posting.duties[2]).toBe(
      'Sanitise merchant-supplied names (old exports still contain &lt;script&gt; pasted as text).',
    );
    expect(posting.requirements).toEqual([
      '3+ years of React experience.',
      '熟悉 Webpack / Vite 等构建工具。',
      'Good English reading and writing ✅.',
    ]);
  });

  it('splits `1.… 2.…` on one line and skips 一、公司介绍 and 四、福利待遇', () => {
    const doc = layout('cs-lead-numbered-headings.zh.txt');
    const [posting] = doc.postings;
    expect(posting.duties).toEqual([
      '管理20人的多语种客服团队，制定排班与质检标准。',
      '跟进商户投诉，推动产品与运营改进。',
      '建设知识库与客服机器人话术。',
    ]);
    expect(posting.requirements).toEqual(['大专及以上学历，3年以上客服管理经验。', '英语或泰语可作为工作语言。']);
    expect(doc.warnings.filter((w) => w.code === 'section-skipped')).toHaveLength(2);
  });
});
