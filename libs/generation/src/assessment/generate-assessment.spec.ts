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
    expect(Object.keys(assessment.coverage[0])).toEqual(['duty', 'competencies', 'questionIds', 'matches']);
    expect(assessment.roleFamily).toBe('developer');
    // The questions' minutes, rounded up to 5: the estimate always fits.
    const minutes = assessment.sections.flatMap((s) =>
      s.questions.map((q) => bank.questions.find((b) => b.id === q.id)?.minutes ?? 10),
    );
    expect(assessment.durationMinutes).toBe(Math.ceil(minutes.reduce((a, b) => a + b, 0) / 5) * 5);
  });

  it('gives byte-identical JSON for the same input and seed, also from a fresh bank load', () => {
    const a = JSON.stringify(generateAssessment(developer, bank, { seed: 7 }));
    const b = JSON.stringify(generateAssessment(developer, loadQuestionBank(FIXTURE_BANK_DIR), { seed: 7 }));
    expect(b).toBe(a);
  });

  it('gives every assessable duty line a direct question, composing one where the bank has none', () => {
    const { assessment, detail } = generateAssessment(developer, bank);
    expect(detail.coveragePercent).toBe(100);
    expect(detail.directPercent).toBe(100);
    expect(assessment.coverage.map((c) => c.matches.some((m) => m.strength === 'direct'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(assessment.coverage[3]).toEqual({
      duty: '完成领导交办的其他工作',
      competencies: [],
      questionIds: [],
      matches: [],
    });
    expect(detail.duties[3]).toMatchObject({ assessable: false, reason: 'generic' });
    // The small test bank has nothing on architecture and technology selection: that line gets a
    // question composed from it, in the behavioural section, marked for HR's review.
    const composed = assessment.sections
      .find((s) => s.kind === 'behavioral')!
      .questions.find((q) => q.composedFrom?.duty === '负责系统架构设计与技术选型')!;
    expect(composed.id).toMatch(/^behavioral\.duty-[0-9a-f]{10}$/);
    expect(assessment.coverage[2].matches[0]).toEqual({
      questionId: composed.id,
      strength: 'direct',
      words: ['技术选型', '系统架构设计'],
    });
    expect(detail.composed.map((q) => q.id)).toContain(composed.id);
    expect(detail.questions.find((q) => q.id === composed.id)!.phase).toBe('composed');
  });

  it('keeps a bank question whose words match the line as the direct one', () => {
    const r = generateAssessment(
      { title: '风控策略经理', duties: ['负责反欺诈规则的设计与调优'], requirements: [] },
      bank,
    );
    expect(r.assessment.coverage[0].matches[0]).toMatchObject({ questionId: 'case.fraud-rules', strength: 'direct' });
  });

  it('gives every question a source line', () => {
    const { detail } = generateAssessment(developer, bank, { seed: 3 });
    for (const q of detail.questions) expect(q.sourceDuties.length + q.sourceRequirements.length).toBeGreaterThan(0);
  });

  it('gives two seeds different forms with the same blueprint', () => {
    const forms = [1, 2, 3, 4, 5, 6].map((seed) => generateAssessment(developer, bank, { seed }));
    expect(new Set(forms.map((f) => ids(f).join('|'))).size).toBeGreaterThan(1);
    for (const f of forms) {
      expect(shape(f)).toEqual(shape(forms[0]));
      expect(f.detail.directPercent).toBe(100);
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

  it('gives a network role that builds nothing scenarios and no coding, and times it by its questions', () => {
    const r = generateAssessment(
      { title: '网络运维工程师', duties: ['负责系统架构设计'], requirements: ['沟通能力'] },
      bank,
    );
    expect(r.assessment.roleFamily).toBe('operations');
    expect(r.assessment.sections.map((s) => s.kind)).not.toContain('coding');
    expect(r.detail.family.reasons[1].en).toBe(
      'No duty line says the person builds software, so there are no coding tasks.',
    );
    expect(r.assessment.durationMinutes).toBe(Math.ceil(r.detail.questionMinutes / 5) * 5);
  });

  it('leaves a slot unfilled rather than pick a question with no source line', () => {
    const r = generateAssessment({ title: '架构规划', duties: ['负责架构设计'], requirements: [] }, bank);
    expect(r.detail.unfilled).toEqual([
      { kind: 'scenario', missing: 1 },
      { kind: 'behavioral', missing: 2 },
    ]);
    // The scenario shares the line's competency but is about something else: the line also gets a
    // question composed from it, and no bank behavioural question without a source line.
    expect(r.assessment.sections.map((s) => [s.kind, s.questions.length])).toEqual([
      ['scenario', 1],
      ['behavioral', 1],
    ]);
    expect(r.detail.questions.map((q) => q.phase)).toEqual(['fill', 'composed']);
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
