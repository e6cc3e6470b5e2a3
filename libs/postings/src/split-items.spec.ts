import { leadingMarker, splitNumbered, splitSentences } from './split-items';

describe(splitNumbered.name, () => {
  it('splits numbered items in sequence and strips the numbers', () => {
    expect(splitNumbered('1.跟踪市场。 2.参与规划。 3.完成其他工作。')?.map((i) => i.text)).toEqual([
      '跟踪市场。',
      '参与规划。',
      '完成其他工作。',
    ]);
  });

  it('accepts 1、 （1） (1) and ① numbering', () => {
    expect(splitNumbered('1、甲；2、乙')?.map((i) => i.text)).toEqual(['甲；', '乙']);
    expect(splitNumbered('（1）甲。（2）乙。')?.map((i) => i.text)).toEqual(['甲。', '乙。']);
    expect(splitNumbered('(1) a; (2) b')?.map((i) => i.text)).toEqual(['a;', 'b']);
    expect(splitNumbered('①甲②乙③丙')?.map((i) => i.ordinal)).toEqual([1, 2, 3]);
  });

  it('does not split on decimals, versions or out-of-sequence numbers', () => {
    expect(splitNumbered('1. Cut latency by 3.5 ms on v2.0 APIs. 3. not next')?.map((i) => i.text)).toEqual([
      'Cut latency by 3.5 ms on v2.0 APIs. 3. not next',
    ]);
    expect(splitNumbered('1.升级至MySQL 8.0，2.0版本下线。')?.map((i) => i.text)).toEqual([
      '升级至MySQL 8.0，2.0版本下线。',
    ]);
  });

  it('takes `3.3年` after a sentence end as item 3 about three years', () => {
    expect(splitNumbered('1.甲。 2.乙。 3.3年及以上经验。')?.map((i) => i.text)).toEqual([
      '甲。',
      '乙。',
      '3年及以上经验。',
    ]);
  });

  it('returns undefined for text that does not start with an item number', () => {
    expect(splitNumbered('负责 2.0 平台')).toBeUndefined();
    expect(splitNumbered('1.5 years of experience')).toBeUndefined();
    expect(leadingMarker('2024年完成')).toBeUndefined();
  });
});

describe(splitSentences.name, () => {
  it('splits Chinese list text on a full stop followed by a space only', () => {
    expect(splitSentences(' 标签：甲。乙。 负责丙。  完成丁。 ')).toEqual(['标签：甲。乙。', '负责丙。', '完成丁。']);
  });

  it('splits English list text on a sentence end followed by a capital', () => {
    expect(splitSentences('Own the roadmap, e.g. fraud tools. Ship weekly. Talk to users.')).toEqual([
      'Own the roadmap, e.g. fraud tools.',
      'Ship weekly.',
      'Talk to users.',
    ]);
  });
});
