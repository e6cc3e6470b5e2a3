import { loadQuestionBank, QuestionBank } from '../bank';
import { tagLine } from '../tagging/tag-line';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { parseFolder, POSTING_FIXTURES_DIR, SEEDS_DIR } from '../testing/postings';
import { realBankOrWarn } from '../testing/real-bank';
import { classifyRoleFamily } from './role-family';

// Tags only break ties, so the fixture bank serves until the real one is complete.
const bank: QuestionBank = realBankOrWarn() ?? loadQuestionBank(FIXTURE_BANK_DIR);

function classify(p: { title: string; duties: string[]; requirements: string[] }) {
  return classifyRoleFamily(
    p.title,
    p.duties.map((d) => tagLine(d, bank)),
    p.requirements.map((r) => tagLine(r, bank)),
  );
}

describe(classifyRoleFamily.name, () => {
  it('classifies all 19 seed postings into sensible families', () => {
    const got = Object.fromEntries(parseFolder(SEEDS_DIR).map((p) => [p.title, classify(p).family]));
    expect(Object.keys(got)).toHaveLength(19);
    // AI风险应用 names both AI and risk in its title: its duty tags decide.
    expect(['ai', 'risk']).toContain(got['AI风险应用']);
    delete got['AI风险应用'];
    expect(got).toEqual({
      'AI Algorithm Engineer': 'ai',
      业务经理: 'business',
      工程管理岗: 'management',
      产品经理: 'product',
      开发工程师: 'developer',
      云计算开发: 'developer',
      网络管理: 'operations',
      '人工智能开发 (技术运营方向)': 'ai',
      '人工智能开发 (大模型及智能应用方向)': 'ai',
      大数据开发: 'data',
      技术开发: 'developer',
      架构规划: 'architecture',
      市场经理: 'business',
      风险策略经理: 'risk',
      技术管理: 'management',
      '人工智能开发 (大模型方向)': 'ai',
      解决方案工程师: 'solutions',
      // Its duties are about the audit system: compliance, with product as the second family.
      '产品经理 (审计方向)': 'compliance',
    });
  });

  it('classifies unseen fixture postings in other layouts', () => {
    const got = Object.fromEntries(parseFolder(POSTING_FIXTURES_DIR).map((p) => [p.title, classify(p).family]));
    expect(['ai', 'data']).toContain(got['ML Platform Engineer (Data Pipelines)']);
    expect(got).toMatchObject({
      'Customer Success Manager, Merchant Acquiring': 'business',
      '数据库管理员（DBA）': 'operations',
      'Machine Learning Platform Engineer': 'ai',
      'Senior Mobile App Developer': 'developer',
      'Backend Engineer, Payments Gateway': 'developer',
      风控策略分析师: 'risk',
      // No family keyword in the title: its settlement tags (DOM.SETTLE) make it a business role.
      清算结算运营分析师: 'business',
    });
  });

  it('gives reasons HR can read, in both languages, naming the words that decided', () => {
    const r = classify({ title: '网络管理', duties: ['负责数据中心网络设施设备的运营管理。'], requirements: [] });
    expect(r.family).toBe('operations');
    expect(r.reasons).toEqual([
      {
        zh: '职位名称中的“网络”表明这是运维与运营岗位。',
        en: 'The title\'s "网络" puts the role in the operations family.',
      },
      {
        zh: '没有一条职责写到亲自开发软件，因此不出编程题。',
        en: 'No duty line says the person builds software, so there are no coding tasks.',
      },
    ]);
  });

  it.each([
    ['负责智能客服系统的后端功能开发和接口调试', true],
    ['Design idempotent payment APIs that handle retries', true],
    ['Build an AI platform and tool chain', true],
    ['负责数据中心网络领域的规划、建设和运营工作。', false],
    ['负责市场开发与客户拓展', false],
    ['Develop relationships with acquiring banks', false],
  ])('reads from %p whether the role builds software (%p)', (duty, builds) => {
    expect(classify({ title: '工程师', duties: [duty], requirements: [] }).buildsSoftware.value).toBe(builds);
  });

  it('gives no coding to families that do not write code, whatever the duties say', () => {
    const r = classify({ title: '产品经理', duties: ['负责后端接口开发'], requirements: [] });
    expect(r.buildsSoftware.value).toBe(false);
    expect(r.reasons[1].en).toBe('Roles in the product family get no coding tasks.');
  });

  it('names a second family from the title for one extra question', () => {
    const r = classify({
      title: 'AI风险应用',
      duties: ['负责基于大模型的智能体开发', '负责反欺诈策略'],
      requirements: [],
    });
    expect([r.family, r.secondary]).toEqual(['ai', 'risk']);
  });

  it('lets the duties decide when the title only says "engineer"', () => {
    const r = classify({
      title: '数据中心基础设施工程师',
      duties: ['负责数据中心供配电、UPS与精密空调的运行维护和应急演练'],
      requirements: [],
    });
    expect(r.family).not.toBe('developer');
    expect(r.reasons[0].en).toMatch(
      /^The title's "工程师" says only that it is an engineering role; the duties' competency tags lean most to/,
    );
    expect(
      classify({ title: 'QA Engineer', duties: ['Build API automation suites in Java'], requirements: [] }).family,
    ).toBe('developer');
  });

  it('reads a pre-sales solutions consultant as solutions, not sales', () => {
    expect(classify({ title: 'Payments Solutions Consultant (Pre-sales)', duties: [], requirements: [] }).family).toBe(
      'solutions',
    );
  });

  it('explains the decision with the title keywords and tag weights', () => {
    const r = classify({ title: '大数据开发工程师', duties: ['负责智能客服的接口联调'], requirements: [] });
    expect(r.family).toBe('data');
    expect(r.evidence.title.map((t) => t.keyword)).toEqual(['大数据', '开发']);
    expect(r.evidence.tags.developer).toBeGreaterThan(0);
  });

  it('lets the tags decide when the title has no family keyword', () => {
    const fixture = loadQuestionBank(FIXTURE_BANK_DIR);
    const r = classifyRoleFamily('岗位A', [tagLine('设计盗刷与异常交易的交易监控规则', fixture)], []);
    expect(r).toMatchObject({ family: 'risk', evidence: { rule: 'no title keyword: strongest tags' } });
  });

  it('lets the tags settle a title that names two specialised families', () => {
    const fixture = loadQuestionBank(FIXTURE_BANK_DIR);
    const duties = ['负责智能客服对话机器人的意图识别与多轮对话', '参与风控'].map((d) => tagLine(d, fixture));
    expect(classifyRoleFamily('AI风险应用', duties, []).family).toBe('ai');
    expect(classifyRoleFamily('AI风险应用', [tagLine('负责反欺诈与交易监控、异常交易识别', fixture)], []).family).toBe(
      'risk',
    );
  });
});
