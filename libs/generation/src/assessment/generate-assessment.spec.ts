import { loadQuestionBank } from '../bank';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { generateAssessment } from './generate-assessment';
import type { GenerationResult } from './types';

const bank = loadQuestionBank(FIXTURE_BANK_DIR);
const developer = {
  title: '开发工程师（智能客服）',
  duties: [
    '负责智能客服系统的后端功能开发和接口调试',
    '负责对话机器人的意图识别优化',
    '负责系统架构设计与技术选型',
    '完成领导交办的其他工作',
  ],
  requirements: ['本科及以上学历，计算机相关专业', '熟悉Java开发', '良好的沟通能力和团队协作精神'],
};
const ids = (r: GenerationResult) =>
  r.assessment.sections.map((s) => `${s.kind}:${s.questions.map((q) => q.id).join(',')}`);
const shape = (r: GenerationResult) => r.assessment.sections.map((s) => [s.kind, s.questions.length]);

describe(generateAssessment.name, () => {
  it('outputs exactly the contract fields', () => {
    const { assessment } = generateAssessment(developer, bank);
    expect(Object.keys(assessment)).toEqual(['posting', 'roleFamily', 'durationMinutes', 'sections', 'coverage']);
    expect(Object.keys(assessment.posting)).toEqual(['title', 'duties', 'requirements']);
    expect(Object.keys(assessment.sections[0].questions[0])).toEqual([
      'id',
      'title',
      'prompt',
      'competencies',
      'rubric',
    ]);
    expect(Object.keys(assessment.coverage[0])).toEqual(['duty', 'competencies', 'questionIds']);
    expect(assessment.roleFamily).toBe('developer');
    expect(assessment.durationMinutes).toBe(100);
  });

  it('gives byte-identical JSON for the same input and seed, also from a fresh bank load', () => {
    const a = JSON.stringify(generateAssessment(developer, bank, { seed: 7 }));
    const b = JSON.stringify(generateAssessment(developer, loadQuestionBank(FIXTURE_BANK_DIR), { seed: 7 }));
    expect(b).toBe(a);
  });

  it('covers every assessable duty line and maps each duty to its questions', () => {
    const { assessment, detail } = generateAssessment(developer, bank);
    expect(detail.coveragePercent).toBe(100);
    expect(assessment.coverage.map((c) => c.questionIds.length > 0)).toEqual([true, true, true, false]);
    expect(assessment.coverage[3]).toEqual({ duty: '完成领导交办的其他工作', competencies: [], questionIds: [] });
    expect(detail.duties[3]).toMatchObject({ assessable: false, reason: 'generic' });
    expect(assessment.coverage[2].questionIds).toContain('scenario.payment-gateway');
  });

  it('gives every question a source line', () => {
    const { detail } = generateAssessment(developer, bank, { seed: 3 });
    expect(detail.questions.length).toBe(5);
    for (const q of detail.questions) expect(q.sourceDuties.length + q.sourceRequirements.length).toBeGreaterThan(0);
    expect(detail.questions.find((q) => q.kind === 'behavioral')!.sourceRequirements).toEqual([
      '良好的沟通能力和团队协作精神',
    ]);
  });

  it('gives two seeds different forms with the same blueprint', () => {
    const forms = [1, 2, 3, 4, 5, 6].map((seed) => generateAssessment(developer, bank, { seed }));
    expect(new Set(forms.map((f) => ids(f).join('|'))).size).toBeGreaterThan(1);
    for (const f of forms) {
      expect(shape(f)).toEqual([
        ['coding', 2],
        ['scenario', 1],
        ['behavioral', 2],
      ]);
      expect(f.detail.coveragePercent).toBe(100);
    }
  });

  it('prefers the difficulty that the seniority cues ask for on equal scores', () => {
    const posting = (req: string) => ({ title: '后端开发工程师', duties: ['负责后端开发'], requirements: [req] });
    const coding = (r: GenerationResult) =>
      r.assessment.sections.find((s) => s.kind === 'coding')!.questions.map((q) => q.id);
    const senior = generateAssessment(posting('5年以上相关经验'), bank);
    expect(senior.detail.seniority).toEqual({ difficulty: 3, cues: ['5年以上', '5年'] });
    expect(coding(senior)[0]).toBe('coding.retry-client');
    expect(coding(generateAssessment(posting('沟通能力强'), bank))[0]).toBe('coding.fraud-velocity');
  });

  it('gives product roles case prompts and no coding', () => {
    const r = generateAssessment(
      { title: '产品经理', duties: ['负责智能客服的需求分析与指标设计'], requirements: ['良好的沟通能力'] },
      bank,
    );
    expect(r.assessment.roleFamily).toBe('product');
    expect(r.assessment.sections.map((s) => s.kind)).toEqual(['case', 'behavioral']);
  });

  it('falls back to another family for a kind when none of the family fits', () => {
    const r = generateAssessment(
      { title: '技术管理', duties: ['负责需求分析，推动跨部门协作'], requirements: ['沟通能力'] },
      bank,
    );
    expect(r.assessment.roleFamily).toBe('management');
    expect(r.detail.questions.find((q) => q.kind === 'case')).toMatchObject({
      id: 'case.requirements-triage',
      familyFallback: true,
    });
  });

  it('does not count the minutes of an optional section that stays empty', () => {
    // The fixture bank has no operations coding task, so the network role gets scenarios only.
    const r = generateAssessment(
      { title: '网络运维工程师', duties: ['负责系统架构设计'], requirements: ['沟通能力'] },
      bank,
    );
    expect(r.assessment.roleFamily).toBe('operations');
    expect(r.assessment.sections.map((s) => s.kind)).not.toContain('coding');
    expect(r.assessment.durationMinutes).toBe(75);
  });

  it('leaves a slot unfilled rather than pick a question with no source line', () => {
    const r = generateAssessment({ title: '架构规划', duties: ['负责架构设计'], requirements: [] }, bank);
    expect(r.detail.unfilled).toEqual([
      { kind: 'scenario', missing: 1 },
      { kind: 'behavioral', missing: 2 },
    ]);
    expect(r.assessment.sections.map((s) => s.kind)).toEqual(['scenario']);
  });

  it('writes titles and prompts in the posting language unless told otherwise', () => {
    const zh = generateAssessment(developer, bank);
    const en = generateAssessment(developer, bank, { lang: 'en' });
    expect(zh.detail.lang).toBe('zh');
    expect(zh.assessment.sections[0].questions[0].title).toBe('意图路由器');
    expect(en.assessment.sections[0].questions[0].title).toBe('Intent router');
    const english = generateAssessment(
      { title: 'Backend developer', duties: ['Build the chatbot backend'], requirements: [] },
      bank,
    );
    expect(english.detail.lang).toBe('en');
  });
});
