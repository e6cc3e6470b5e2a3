import { normalise } from './normalise';
import { addTerms, segment } from './segmenter';

const words = (text: string) =>
  segment(normalise(text))
    .map((s) => s.word)
    .filter((w) => w.trim());

describe(normalise.name, () => {
  it('folds full-width forms, case and whitespace', () => {
    expect(normalise('  熟悉ＭｙＳＱＬ　和\tRedis\n')).toBe('熟悉mysql 和 redis');
  });
});

describe(segment.name, () => {
  it('splits 智能客服 and 接口调试 into whole terms once the taxonomy adds them', () => {
    addTerms(['智能客服', '接口调试']);
    expect(words('负责智能客服系统的接口调试')).toEqual(['负责', '智能客服', '系统', '的', '接口调试']);
  });

  it('keeps 组件 as one word between others', () => {
    expect(words('前端组件开发')).toEqual(['前端', '组件', '开发']);
  });

  it('reports UTF-16 offsets that slice back to the word, also after astral characters', () => {
    const text = normalise('😀负责接口调试React');
    for (const s of segment(text)) expect(text.slice(s.start, s.end)).toBe(s.word);
  });
});
