import { loadQuestionBank, QuestionSchema } from '../bank';
import { tagLine } from '../tagging/tag-line';
import { realBankOrWarn } from '../testing/real-bank';
import { FIXTURE_BANK_DIR } from '../testing/fixture-bank';
import { composeDutyQuestion, dutySubject } from './compose-question';

const bank = realBankOrWarn() ?? loadQuestionBank(FIXTURE_BANK_DIR);
const line = tagLine('负责商务报价、投标、合同签约等工作，确保前端市场工作合规。', bank);

describe(dutySubject.name, () => {
  it.each([
    ['负责商务报价、投标、合同签约等工作。', '商务报价、投标、合同签约'],
    ['新技术探索与 POC 验证：牵头设计并执行 POC 方案。', '新技术探索与 POC 验证'],
    ['Responsible for refund service design.', 'refund service design'],
    ['3. 参与制定银联业务规则，推动支付产业生态协同。', '制定银联业务规则'],
    ['负责相关代码编写、技术文档整理，保障系统稳定运行。', '代码编写、技术文档整理'],
  ])('finds the subject of %p', (duty, short) => {
    expect(dutySubject(duty).short).toBe(short);
  });
});

describe(composeDutyQuestion.name, () => {
  const q = composeDutyQuestion(line, bank, 2);

  it('asks about the duty line itself, past behaviour first, then the situational form', () => {
    expect(q.composedFrom).toEqual({ duty: line.text });
    expect(q.prompt.zh).toContain(`> ${line.text}`);
    expect(q.prompt.zh).toContain('请讲一次你亲身负责过“商务报价、投标、合同签约等工作，确保前端市场工作合规”');
    expect(q.prompt.zh).toContain('假设你入职后负责');
    expect(q.prompt.en).toMatch(/Tell us about a time you were responsible for/);
    expect(q.prompt.en).toMatch(/suppose you are responsible for/);
    expect(q.probes).toHaveLength(3);
  });

  it("builds the rubric from the line's competencies' anchored levels", () => {
    const [first] = line.competencies;
    const criterion = q.rubric.find((c) => c.id === `competency-${first.id.toLowerCase().replace('.', '-')}`)!;
    expect(criterion.anchors['3']).toEqual(bank.competencyById[first.id].anchors['3']);
    expect(q.competencies[0]).toBe(first.id);
    expect(q.rubric.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 9);
  });

  it('is a valid question apart from the composedFrom mark, which no bank file may carry', () => {
    const { composedFrom: _, ...plain } = q;
    expect(QuestionSchema.safeParse(plain).success).toBe(true);
    expect(QuestionSchema.safeParse(q).error?.issues.map((i) => i.path.join('.'))).toEqual(['composedFrom']);
  });

  it('is deterministic, id included, and differs between lines', () => {
    expect(composeDutyQuestion(line, bank, 2)).toEqual(q);
    expect(composeDutyQuestion(tagLine('负责市场宣传', bank), bank, 2).id).not.toBe(q.id);
  });
});
