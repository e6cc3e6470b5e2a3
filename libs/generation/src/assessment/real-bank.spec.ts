import { parseFolder, SEEDS_DIR } from '../testing/postings';
import { realBankOrWarn } from '../testing/real-bank';
import { generateAssessment } from './generate-assessment';
import type { GenerationResult } from './types';

// The content is written alongside this code; until every part of it exists these tests skip loudly.
const bank = realBankOrWarn();
const describeReal = bank ? describe : describe.skip;
const seeds = parseFolder(SEEDS_DIR);
const generate = (seed?: number) => seeds.map((p) => generateAssessment(p, bank!, { seed }));
const kinds = (r: GenerationResult) => r.assessment.sections.map((s) => s.kind);
const form = (r: GenerationResult) =>
  r.assessment.sections.map((s) => s.questions.map((q) => q.id).join(',')).join('|');
const shape = (r: GenerationResult) => r.assessment.sections.map((s) => `${s.kind}x${s.questions.length}`).join(' ');

describeReal('the real question bank', () => {
  it('gives every competency 10-30 synonyms per language and unique question ids', () => {
    for (const c of bank!.competencies) {
      expect([c.id, c.synonyms.zh.length >= 10 && c.synonyms.zh.length <= 30]).toEqual([c.id, true]);
      expect([c.id, c.synonyms.en.length >= 10 && c.synonyms.en.length <= 30]).toEqual([c.id, true]);
    }
    const ids = bank!.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('assesses every competency with at least one question', () => {
    const assessed = new Set(bank!.questions.flatMap((q) => q.competencies));
    expect(bank!.competencies.map((c) => c.id).filter((id) => !assessed.has(id))).toEqual([]);
  });
});

describeReal(`${generateAssessment.name} on the seed postings and the real bank`, () => {
  const results = bank ? generate() : [];
  const byTitle = (title: string) => results.find((r) => r.assessment.posting.title === title)!;

  // Each test lists every offending posting at once, so a content gap is reported in one run.
  const offenders = (bad: (r: GenerationResult) => unknown) =>
    results.flatMap((r) => {
      const why = bad(r);
      return why ? [`${r.assessment.posting.title}: ${JSON.stringify(why)}`] : [];
    });

  it('gives developer, data and ai roles auto-graded coding tasks', () => {
    const technical = results.filter((r) => ['developer', 'data', 'ai'].includes(r.assessment.roleFamily));
    expect(technical.length).toBeGreaterThanOrEqual(8);
    expect(offenders((r) => technical.includes(r) && kinds(r)[0] !== 'coding' && kinds(r))).toEqual([]);
  });

  it('gives product, risk, business and market roles case prompts and no coding', () => {
    const titles = ['业务经理', '产品经理', '市场经理', '风险策略经理', '产品经理 (审计方向)'];
    expect(titles.map((t) => [t, kinds(byTitle(t))])).toEqual(titles.map((t) => [t, ['case', 'behavioral']]));
  });

  it('gives the architecture role scenario questions', () => {
    const arch = byTitle('架构规划');
    expect(arch.assessment.roleFamily).toBe('architecture');
    expect(arch.assessment.sections.find((s) => s.kind === 'scenario')!.questions.length).toBe(2);
  });

  it('adds the optional coding task to the network role only from a question on its duties', () => {
    const net = byTitle('网络管理');
    expect(net.assessment.roleFamily).toBe('operations');
    const coding = net.assessment.sections.find((s) => s.kind === 'coding')!.questions;
    expect(coding).toHaveLength(1);
    expect(coding[0].competencies).toContain('INF.NET');
  });

  it('fills every blueprint slot and gives every role behavioural questions', () => {
    expect(offenders((r) => r.detail.unfilled.length > 0 && r.detail.unfilled)).toEqual([]);
    expect(offenders((r) => !kinds(r).includes('behavioral') && kinds(r))).toEqual([]);
  });

  it('covers at least 95% of the assessable duty lines of every posting', () => {
    const lineTags = (r: GenerationResult, text: string) =>
      r.detail.duties.find((d) => d.text === text)!.competencies.map((c) => c.id);
    expect(
      offenders(
        (r) =>
          r.detail.coveragePercent < 95 && {
            coverage: r.detail.coveragePercent,
            uncovered: r.detail.uncoveredDuties.map((u) => [u.slice(0, 40), lineTags(r, u)]),
          },
      ),
    ).toEqual([]);
  });

  it('gives no question without a source line', () => {
    expect(
      offenders((r) =>
        r.detail.questions
          .filter((q) => q.sourceDuties.length + q.sourceRequirements.length === 0)
          .map((q) => q.id)
          .join(','),
      ),
    ).toEqual([]);
  });

  it('produces byte-identical JSON across runs', () => {
    expect(JSON.stringify(generate(42))).toBe(JSON.stringify(generate(42)));
    expect(JSON.stringify(generate().map((r) => r.assessment))).toBe(JSON.stringify(results.map((r) => r.assessment)));
  });

  it('gives two seeds different forms with the same blueprint for every posting', () => {
    const forms = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => generate(seed));
    const perPosting = seeds.map((p, i) => ({ title: p.title, results: forms.map((f) => f[i]) }));
    expect(perPosting.filter((p) => new Set(p.results.map(shape)).size !== 1).map((p) => p.title)).toEqual([]);
    expect(perPosting.filter((p) => new Set(p.results.map(form)).size < 2).map((p) => p.title)).toEqual([]);
  });
});
