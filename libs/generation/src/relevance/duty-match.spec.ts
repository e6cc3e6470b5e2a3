import { loadQuestionBank } from '../bank';
import { tagLine } from '../tagging/tag-line';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { contentTerms, foldPlural } from '../text/terms';
import { contentIndex, contentMatch, queryTerms, withoutInner } from './content-index';
import { dutyQuery, matchDuty } from './duty-match';

const bank = loadQuestionBank(FIXTURE_BANK_DIR);
const index = contentIndex(bank);
const q = (id: string) => bank.questions.find((x) => x.id === id)!;

describe(contentTerms.name, () => {
  it('gives jieba search-mode words for Chinese and Latin words with plurals folded, without boilerplate', () => {
    expect(contentTerms('负责反诈分析与guardrails、agents的设计')).toEqual(
      expect.arrayContaining(['反诈', '分析', 'guardrail', 'agent']),
    );
    expect(contentTerms('负责技术平台的落地实施 and ensure the development')).toEqual([]);
  });

  it.each([
    ['agents', 'agent'],
    ['policies', 'policy'],
    ['boxes', 'box'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['api', 'api'],
  ])('folds %p to %p', (word, folded) => expect(foldPlural(word)).toBe(folded));
});

describe(withoutInner.name, () => {
  it('drops words inside a longer one of the list', () => {
    expect(withoutInner(['机器', '机器人', '智能客服', '客服', 'rag'])).toEqual(['机器人', '智能客服', 'rag']);
  });
});

describe(contentMatch.name, () => {
  it('scores what a question says about a line, with the share and the words', () => {
    const terms = queryTerms('设计反欺诈规则和阈值');
    const rules = contentMatch(index, terms, q('case.fraud-rules'));
    const router = contentMatch(index, terms, q('coding.intent-router'));
    expect(rules.score).toBeGreaterThan(router.score);
    expect(rules.words).toEqual(expect.arrayContaining(['反欺诈', '规则']));
    expect(rules.share).toBeGreaterThan(0.3);
    expect(router.words).toEqual([]);
  });
});

describe(matchDuty.name, () => {
  const match = (line: string, id: string) => matchDuty(index, dutyQuery(tagLine(line, bank)), q(id));

  it('is direct when the question is about what the line says and assesses its competency', () => {
    expect(match('负责反欺诈规则', 'case.fraud-rules')).toEqual({
      strength: 'direct',
      words: ['规则', '反欺诈'],
      competencies: ['RISK.FRAUD'],
      score: expect.any(Number),
    });
  });

  it('is partial when they only share a competency, and null when they share nothing', () => {
    expect(match('负责反欺诈规则', 'coding.fraud-velocity')).toMatchObject({
      strength: 'partial',
      competencies: ['RISK.FRAUD'],
    });
    expect(match('负责反欺诈规则', 'behavioral.explain-to-business')).toBeNull();
  });

  it('never matches a line that is not assessable', () => {
    expect(match('完成领导交办的其他工作', 'case.fraud-rules')).toBeNull();
  });
});
