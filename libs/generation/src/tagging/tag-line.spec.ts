import { loadQuestionBank } from '../bank';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { tagLine } from './tag-line';

const bank = loadQuestionBank(FIXTURE_BANK_DIR);
const ids = (text: string) => tagLine(text, bank).competencies.map((c) => c.id);

describe(tagLine.name, () => {
  it('tags a Chinese duty line with every competency it names, strongest first', () => {
    const line = tagLine('参与智能客服系统、对话机器人的后端功能开发、接口调试与系统联调工作。', bank);
    expect(line.assessable).toBe(true);
    expect(line.lowConfidence).toBe(false);
    expect(line.competencies.map((c) => c.id)).toEqual(['AI.NLP', 'SE.API', 'SE.BACKEND']);
    expect(line.competencies[0]).toEqual({ id: 'AI.NLP', score: 2, evidence: ['智能客服', '对话机器人'] });
  });

  it('tags an English line, case- and width-insensitively', () => {
    expect(ids('Design idempotent REST APIs and integrate with the fraud monitoring of the ＡＣＱＵＩＲＥＲ')).toEqual([
      'RISK.FRAUD',
      'SE.API',
    ]);
    expect(
      tagLine('Build the Chatbot NLP pipeline', bank).competencies.find((c) => c.id === 'AI.NLP')!.evidence,
    ).toEqual(['chatbot', 'nlp']);
  });

  it('lets a longer synonym consume the shorter ones inside it', () => {
    const api = tagLine('负责接口调试', bank).competencies;
    expect(api).toEqual([{ id: 'SE.API', score: 1, evidence: ['接口调试'] }]);
    // "api gateway" is one term: it must not also count "api" (and so score 2).
    expect(tagLine('operate the api gateway', bank).competencies).toEqual([
      { id: 'SE.API', score: 1, evidence: ['api gateway'] },
    ]);
  });

  it('matches Latin terms on word boundaries only', () => {
    expect(ids('熟悉JavaScript与TypeScript')).not.toContain('SE.BACKEND');
    expect(ids('熟悉Java与Spring')).toEqual(['SE.BACKEND']);
  });

  it('matches English plurals and either spelling of a hyphenated compound', () => {
    expect(tagLine('Review chargebacks and escalate suspicious transactions', bank).competencies).toEqual([
      { id: 'RISK.FRAUD', score: 2, evidence: ['chargeback', 'suspicious transaction'] },
    ]);
    expect(ids('operate the api-gateway')).toEqual(['SE.API']);
    expect(ids('Build the customer-service bot')).toEqual(['AI.NLP']);
  });

  it('does not tag the teams a line works with or the subjects it lists, unless nothing else is named', () => {
    expect(ids('配合风控团队完成接口调试')).toEqual(['CORE.COLLAB', 'SE.API']);
    expect(ids('Work with the fraud and risk-control teams on the API design')).toEqual(['SE.API']);
    expect(ids('针对盗刷、套现等问题开展数据分析')).toEqual(['PM.METRICS']);
    // Coordinating is a skill whoever it is with; the teams are not.
    expect(ids('协调研发、风控等团队')).toEqual(['CORE.COLLAB']);
    expect(ids('负责风控团队')).toEqual(['RISK.FRAUD']);
  });

  it('drops a competency the line names only in passing beside a stronger one', () => {
    expect(ids('设计反欺诈、盗刷与套现的识别规则，使用Java')).toEqual(['RISK.FRAUD']);
    // Once beside twice: kept only when the bank's questions on it match the line too.
    expect(ids('设计盗刷与套现识别规则，跟踪转化率')).toEqual(['RISK.FRAUD', 'PM.METRICS']);
    expect(ids('设计盗刷与套现识别规则，设计接口')).toEqual(['RISK.FRAUD']);
    // A core skill is another side of the line, never a passing mention.
    expect(ids('设计反欺诈、盗刷与套现的识别规则，并向管理层汇报')).toEqual(['RISK.FRAUD', 'CORE.COMM']);
  });

  it('requires two-character Chinese terms to be whole words', () => {
    // 指标 is a PM.METRICS synonym; inside 指标准 ("points at the standard") it is not a word.
    expect(ids('手指标准动作')).not.toContain('PM.METRICS');
    expect(ids('制定指标体系')).toContain('PM.METRICS');
  });

  it.each([
    ['完成领导交办的其他工作。', 'generic'],
    ['完成部门负责人交办的其他审计工作。', 'generic'],
    ['完成上级领导安排的其他工作', 'generic'],
    ['其他工作', 'generic'],
    ['Other duties as assigned.', 'generic'],
    ['Perform other related duties as required by the manager', 'generic'],
    ['大学本科及以上学历，需取得相应学位，计算机类、软件工程类等理工类相关专业。', 'education'],
    ["Education: Bachelor's degree or above in computer science, mathematics or related majors;", 'education'],
    ['具有2年及以上工作经验。', 'experience-years'],
    ['5+ years of experience.', 'experience-years'],
  ])('marks the generic line %p as not assessable (%s)', (text, reason) => {
    expect(tagLine(text, bank)).toEqual({ text, assessable: false, reason, lowConfidence: false, competencies: [] });
  });

  it('keeps the skill of a years-of-experience line', () => {
    const line = tagLine('3年以上Java后端开发经验', bank);
    expect(line.assessable).toBe(true);
    expect(line.competencies.map((c) => c.id)).toEqual(['SE.BACKEND']);
  });

  it('falls back to BM25 over question text, marked low-confidence', () => {
    const line = tagLine('设计盗刷拦截的阈值', bank);
    // 盗刷 is a synonym, so this one is a dictionary hit ...
    expect(line.lowConfidence).toBe(false);
    // ... while "阈值与交易数据" appear only in the text of case.fraud-rules.
    const fallback = tagLine('根据交易数据设计阈值', bank);
    expect(fallback.assessable).toBe(true);
    expect(fallback.lowConfidence).toBe(true);
    expect(fallback.competencies.map((c) => c.id)).toEqual(['RISK.FRAUD', 'PM.METRICS']);
    expect(fallback.competencies[0].evidence).toEqual(['bm25:case.fraud-rules']);
  });

  it('leaves a line with no dictionary or BM25 evidence untagged but assessable', () => {
    expect(tagLine('照顾办公室的绿植', bank)).toEqual({
      text: '照顾办公室的绿植',
      assessable: true,
      lowConfidence: true,
      competencies: [],
    });
  });
});
