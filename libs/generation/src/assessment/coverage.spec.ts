import { loadQuestionBank } from '../bank';
import { tagLine } from '../tagging/tag-line';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { alternativesFor, dutyCoverage, rankReplacements } from './coverage';

const bank = loadQuestionBank(FIXTURE_BANK_DIR);
const q = (id: string) => bank.questions.find((x) => x.id === id)!;

describe(dutyCoverage.name, () => {
  it('maps each duty line to the questions sharing a competency with it', () => {
    const duties = ['负责接口调试', '负责反欺诈规则', '完成领导交办的其他工作'].map((d) => tagLine(d, bank));
    const coverage = dutyCoverage(duties, [q('coding.retry-client'), q('scenario.payment-gateway')]);
    expect(coverage).toEqual({
      questionIds: [['coding.retry-client', 'scenario.payment-gateway'], [], []],
      coveragePercent: 50,
      uncoveredDuties: ['负责反欺诈规则'],
    });
  });

  it('reports 100% when no duty line is assessable', () => {
    expect(dutyCoverage([tagLine('其他工作', bank)], []).coveragePercent).toBe(100);
  });
});

describe(alternativesFor.name, () => {
  it('offers same-kind questions sharing a competency, closest first, never ones already used', () => {
    const alts = alternativesFor(bank, q('coding.intent-router'), 'developer', ['coding.retry-client']);
    expect(alts.map((a) => a.id)).toEqual(['coding.fraud-velocity']);
    expect(alternativesFor(bank, q('case.bot-handoff'), 'product').map((a) => a.id)).toEqual([
      'case.requirements-triage',
      'case.fraud-rules',
    ]);
  });
});

describe(rankReplacements.name, () => {
  const duties = ['负责接口调试', '负责反欺诈规则', '完成领导交办的其他工作'].map((d) => tagLine(d, bank));

  it('ranks candidates by the duty lines they assess, gives those lines, and puts those covering none last', () => {
    // Given closest-first as intent-router, bot-handoff, fraud-velocity, retry-client.
    const candidates = ['coding.intent-router', 'case.bot-handoff', 'coding.fraud-velocity', 'coding.retry-client'].map(
      q,
    );
    expect(rankReplacements(duties, candidates).map((r) => [r.question.id, r.dutyIndexes])).toEqual([
      ['coding.fraud-velocity', [1]],
      ['coding.retry-client', [0]],
      ['coding.intent-router', []],
      ['case.bot-handoff', []],
    ]);
  });

  it('gives each candidate exactly the lines dutyCoverage maps it to', () => {
    for (const r of rankReplacements(duties, bank.questions)) {
      const mapped = dutyCoverage(duties, [r.question]).questionIds.flatMap((ids, i) => (ids.length ? [i] : []));
      expect([r.question.id, r.dutyIndexes]).toEqual([r.question.id, mapped]);
    }
  });
});
