import { describe, expect, it } from '@jest/globals';
import { parseInline, parseMarkdown, safeHref, type Block } from './parse-markdown';

describe(parseMarkdown.name, () => {
  it('reads headings, paragraphs and rules', () => {
    expect(parseMarkdown('## 背景 ##\n\nFirst line\nsecond line\n\n---')).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: '背景' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line second line' }] },
      { type: 'rule' },
    ]);
  });

  it('joins Chinese lines without a space and keeps hard breaks', () => {
    const [cjk] = parseMarkdown('你负责拓展\n中小商户');
    expect(cjk).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '你负责拓展中小商户' }] });
    const [hard] = parseMarkdown('line one  \nline two');
    expect(hard).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: 'line one' }, { type: 'br' }, { type: 'text', text: 'line two' }],
    });
  });

  it('keeps fenced code verbatim, Markdown and HTML included', () => {
    const [code] = parseMarkdown('```ts\nconst a = **b**;\n<script>x</script>\n```\nafter');
    expect(code).toEqual({ type: 'code', lang: 'ts', text: 'const a = **b**;\n<script>x</script>' });
  });

  it('reads a pipe table with alignment, escaped pipes and missing cells', () => {
    const [table] = parseMarkdown('| 渠道 | 成本 |\n|---|--:|\n| 直销 | **600** |\n| a \\| b |\n\nnext') as [
      Extract<Block, { type: 'table' }>,
    ];
    expect(table.type).toBe('table');
    expect(table.align).toEqual([null, 'right']);
    expect(table.header).toEqual([[{ type: 'text', text: '渠道' }], [{ type: 'text', text: '成本' }]]);
    expect(table.rows[0][1]).toEqual([{ type: 'strong', children: [{ type: 'text', text: '600' }] }]);
    expect(table.rows[1]).toEqual([[{ type: 'text', text: 'a | b' }], []]);
  });

  it('reads ordered lists with their start, continuation lines and nested lists', () => {
    const [list] = parseMarkdown('3. first\n   continued\n4. second\n   - inner a\n   - inner b\n\nafter') as [
      Extract<Block, { type: 'list' }>,
    ];
    expect(list).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'first continued' }] }]);
    expect(list.items[1][1]).toMatchObject({
      type: 'list',
      ordered: false,
      items: [[{ type: 'paragraph' }], [{ type: 'paragraph' }]],
    });
  });

  it('ends an unordered list where an ordered one starts', () => {
    const blocks = parseMarkdown('- a\n- b\n1. c');
    expect(blocks.map((b) => b.type === 'list' && b.ordered)).toEqual([false, true]);
  });

  it('reads block quotes recursively', () => {
    expect(parseMarkdown('> **Note** one\n> two')).toEqual([
      {
        type: 'quote',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'strong', children: [{ type: 'text', text: 'Note' }] },
              { type: 'text', text: ' one two' },
            ],
          },
        ],
      },
    ]);
  });
});

describe(parseInline.name, () => {
  it('reads bold, italic, strikethrough and code spans', () => {
    expect(parseInline('**目标** and *why* ~~old~~ `a*b`')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: '目标' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'why' }] },
      { type: 'text', text: ' ' },
      { type: 'del', children: [{ type: 'text', text: 'old' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'a*b' },
    ]);
  });

  it('leaves arithmetic, snake_case and unclosed markers as text', () => {
    expect(parseInline('5 * 3 * 2 uses max_retry_count and *open')).toEqual([
      { type: 'text', text: '5 * 3 * 2 uses max_retry_count and *open' },
    ]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*not em\\*')).toEqual([{ type: 'text', text: '*not em*' }]);
  });

  it('links only http, https and mailto targets', () => {
    expect(parseInline('[docs](https://example.com/a)')).toEqual([
      { type: 'link', href: 'https://example.com/a', children: [{ type: 'text', text: 'docs' }] },
    ]);
    const unsafe = parseInline('[click](javascript:alert(1))');
    expect(unsafe.map((n) => n.type)).toEqual(['text']);
    expect(JSON.stringify(unsafe)).not.toContain('javascript');
    expect(safeHref('data:text/html,x')).toBeNull();
  });

  it('keeps HTML as literal text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
