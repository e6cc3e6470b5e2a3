import { escapeHtml, wrap } from './layout';

describe('wrap', () => {
  it('breaks English at spaces within the width', () => {
    const lines = wrap('one two three four five six', '', '', 10);
    expect(lines).toEqual(['one two', 'three four', 'five six']);
  });

  it('puts a piece longer than the width on a line of its own, unbroken', () => {
    const url = 'https://example.test/' + 'x'.repeat(100);
    expect(wrap(`see ${url} now`, '', '', 20)).toEqual(['see', url, 'now']);
  });

  it('indents continuation lines', () => {
    expect(wrap('aaa bbb ccc', '- ', '  ', 8)).toEqual(['- aaa', '  bbb', '  ccc']);
  });

  it('breaks Chinese after clause punctuation, never inside a word or a date', () => {
    const text = '请于2026年12月8日前完成测评，谢谢。目前您尚未开始作答；如有疑问，请联系我们。';
    const lines = wrap(text, '', '', 20);
    expect(lines).toEqual(['请于2026年12月8日前完成测评，', '谢谢。目前您尚未开始作答；如有疑问，', '请联系我们。']);
  });

  it('lets a Chinese clause longer than the width run over rather than split a word', () => {
    expect(wrap('一二三四五六七八九十，好。', '', '', 5)).toEqual(['一二三四五六七八九十，', '好。']);
  });

  it('keeps Latin words whole between Chinese characters', () => {
    const lines = wrap('请使用较新版本的 Chrome、Edge 或 Firefox 浏览器', '', '', 10);
    expect(lines.join('\n')).toMatch(/Chrome/);
    expect(lines.join('\n')).toMatch(/Firefox/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
