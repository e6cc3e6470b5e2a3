import { parseFolder, POSTING_FIXTURES_DIR } from '../testing/postings';
import { realBankOrWarn } from '../testing/real-bank';
import { generateAssessment } from './generate-assessment';

// Postings the generator was not written against (other roles, other layouts): the same promises
// as for the seeds must hold, or the generator is only tuned to the seeds.
const bank = realBankOrWarn();
const describeReal = bank ? describe : describe.skip;

const EXPECTED: Record<string, { family: string; kinds: string[] }> = {
  'Customer Success Manager, Merchant Acquiring': { family: 'business', kinds: ['case', 'behavioral'] },
  '数据库管理员（DBA）': { family: 'operations', kinds: ['scenario', 'behavioral'] },
  'Machine Learning Platform Engineer': { family: 'ai', kinds: ['coding', 'scenario', 'behavioral'] },
  'ML Platform Engineer (Data Pipelines)': { family: 'data', kinds: ['coding', 'scenario', 'behavioral'] },
  'Senior Mobile App Developer': { family: 'developer', kinds: ['coding', 'scenario', 'behavioral'] },
  清算结算运营分析师: { family: 'business', kinds: ['case', 'behavioral'] },
  'Backend Engineer, Payments Gateway': { family: 'developer', kinds: ['coding', 'scenario', 'behavioral'] },
  风控策略分析师: { family: 'risk', kinds: ['case', 'behavioral'] },
};

describeReal(`${generateAssessment.name} on postings it has never seen`, () => {
  const results = bank ? parseFolder(POSTING_FIXTURES_DIR).map((p) => generateAssessment(p, bank)) : [];

  it('classifies each role and gives it the sections its family calls for', () => {
    const got = Object.fromEntries(
      results.map((r) => [
        r.assessment.posting.title,
        {
          family: r.assessment.roleFamily,
          kinds: r.assessment.sections
            .map((s) => s.kind)
            .filter((k) => k !== 'coding' || r.assessment.roleFamily !== 'operations'),
        },
      ]),
    );
    expect(got).toEqual(EXPECTED);
  });

  it('covers at least 95% of the assessable duty lines of each posting', () => {
    expect(
      results
        .filter((r) => r.detail.coveragePercent < 95)
        .map((r) => [r.assessment.posting.title, r.detail.uncoveredDuties]),
    ).toEqual([]);
  });

  it('takes every question from a duty or requirement line of the posting', () => {
    const sourceless = results.flatMap((r) =>
      r.detail.questions
        .filter((q) => !q.sourceDuties.length && !q.sourceRequirements.length)
        .map((q) => `${r.assessment.posting.title}: ${q.id}`),
    );
    expect(sourceless).toEqual([]);
  });

  it('never repeats the central competency of a question within a section when the bank has alternatives', () => {
    const repeats = results.flatMap((r) =>
      r.assessment.sections.flatMap((s) => {
        const firsts = s.questions.map((q) => q.competencies[0]);
        return firsts.length !== new Set(firsts).size && s.kind === 'behavioral'
          ? [`${r.assessment.posting.title}: ${firsts.join(', ')}`]
          : [];
      }),
    );
    expect(repeats).toEqual([]);
  });
});
