import { detectSeniority } from './seniority';

describe(detectSeniority.name, () => {
  it.each([
    ['开发工程师', ['具有3年以上Java开发经验'], 3],
    ['开发工程师', ['5年大型系统经验'], 3],
    ['Backend developer', ['5+ years building payment APIs'], 3],
    ['Senior Mobile App Developer', [], 3],
    ['资深产品经理', [], 3],
    ['业务经理', ['具有2年及以上工作经验'], 2],
    ['工程管理岗', ['持有专业资格证书者或高级职称者优先'], 2],
    ['开发工程师', ['欢迎应届毕业生'], 1],
    ['Junior developer', [], 1],
  ] as const)('rates %p with %p as difficulty %p', (title, lines, difficulty) => {
    expect(detectSeniority(title, [...lines]).difficulty).toBe(difficulty);
  });

  it('returns the cues it found', () => {
    expect(detectSeniority('高级工程师', ['3年以上经验']).cues).toEqual(['3年以上', '高级']);
  });
});
