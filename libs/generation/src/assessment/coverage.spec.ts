import { loadQuestionBank } from '../bank';
import { composeDutyQuestion } from '../compose/compose-question';
import { tagLine } from '../tagging/tag-line';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { alternativesFor, dutyCoverage, rankReplacements } from './coverage';

const bank = loadQuestionBank(FIXTURE_BANK_DIR);
const q = (id: string) => bank.questions.find((x) => x.id === id)!;
const duties = ['负责接口调试', '负责反欺诈规则', '完成领导交办的其他工作'].map((d) => tagLine(d, bank));

describe(dutyCoverage.name, () => {
  it('says for each duty line which questions assess it, how strongly and by which words', () => {
    const coverage = dutyCoverage(duties, [q('coding.retry-client'), q('case.fraud-rules')], bank);
    expect(coverage.matches).toEqual([
      [{ questionId: 'coding.retry-client', strength: 'partial', words: ['接口'], competencies: ['SE.API'] }],
      [{ questionId: 'case.fraud-rules', strength: 'direct', words: ['规则', '反欺诈'], competencies: ['RISK.FRAUD'] }],
      [],
    ]);
    expect(coverage).toMatchObject({
      questionIds: [['coding.retry-client'], ['case.fraud-rules'], []],
      coveragePercent: 100,
      directPercent: 50,
      uncoveredDuties: [],
      indirectDuties: ['负责接口调试'],
    });
  });

  it('does not take a shared competency alone for a direct match', () => {
    // coding.fraud-velocity assesses RISK.FRAUD but its text is about velocity, not rules.
    const coverage = dutyCoverage([duties[1]], [q('coding.fraud-velocity')], bank);
    expect(coverage.matches[0][0]).toMatchObject({ strength: 'partial', competencies: ['RISK.FRAUD'] });
    expect(coverage.indirectDuties).toEqual(['负责反欺诈规则']);
  });

  it('counts a composed question as direct for its own line only', () => {
    const line = tagLine('负责商户入网资料的审核', bank);
    const composed = composeDutyQuestion(line, bank, 2);
    const other = tagLine('负责商户入网流程的优化', bank);
    const coverage = dutyCoverage([line, other], [composed], bank);
    expect(coverage.matches[0][0].strength).toBe('direct');
    expect(coverage.matches[1].every((m) => m.strength === 'partial')).toBe(true);
  });

  it('reports 100% when no duty line is assessable', () => {
    expect(dutyCoverage([tagLine('其他工作', bank)], [], bank)).toMatchObject({
      coveragePercent: 100,
      directPercent: 100,
    });
  });
});

describe(alternativesFor.name, () => {
  it('offers same-kind questions, those sharing competencies first, never ones already used', () => {
    const alts = alternativesFor(bank, q('coding.intent-router'), 'developer', ['coding.retry-client']);
    expect(alts.map((a) => a.id)).toEqual(['coding.fraud-velocity']);
    expect(alternativesFor(bank, q('case.bot-handoff'), 'product').map((a) => a.id)).toEqual([
      'case.requirements-triage',
      'case.fraud-rules',
    ]);
  });
});

describe(rankReplacements.name, () => {
  it('ranks candidates by the duty lines they assess directly, then at all, and leaves out those assessing none', () => {
    const candidates = ['coding.intent-router', 'case.bot-handoff', 'coding.fraud-velocity', 'case.fraud-rules'].map(q);
    const ranked = rankReplacements(duties, candidates, bank);
    expect(ranked.map((r) => [r.question.id, r.dutyIndexes, r.matches.map((m) => m.strength)])).toEqual([
      ['case.fraud-rules', [1], ['direct']],
      ['coding.fraud-velocity', [1], ['partial']],
    ]);
    expect(ranked[0].matches[0].words).toEqual(['规则', '反欺诈']);
  });

  it('gives each candidate exactly the lines and reasons dutyCoverage gives it', () => {
    for (const r of rankReplacements(duties, bank.questions, bank)) {
      const coverage = dutyCoverage(duties, [r.question], bank);
      const mapped = coverage.matches.flatMap((ms, i) => (ms.length ? [i] : []));
      expect([r.question.id, r.dutyIndexes, r.matches]).toEqual([
        r.question.id,
        mapped,
        mapped.map((i) => coverage.matches[i][0]),
      ]);
    }
  });
});
