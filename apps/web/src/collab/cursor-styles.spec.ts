import { describe, expect, it } from '@jest/globals';
import { cssString, cursorCss, remoteCursors, safeColour } from './cursor-styles';

describe('remote cursor styles', () => {
  it('lists the other clients with their stamped name and colour, not our own', () => {
    const states = new Map<number, Record<string, unknown>>([
      [7, { user: { name: 'Li Na', colour: '#1f77b4' }, selection: {} }],
      [3, { user: { name: '王伟', colour: 'hsl(140, 60%, 35%)' } }],
      [9, { user: { name: 'Me', colour: '#000' } }],
      [11, {}],
    ]);
    expect(remoteCursors(states, 9)).toEqual([
      { clientId: 3, name: '王伟', colour: 'hsl(140, 60%, 35%)' },
      { clientId: 7, name: 'Li Na', colour: '#1f77b4' },
      { clientId: 11, name: '', colour: '#6b7280' },
    ]);
  });

  it('refuses colours that could carry other CSS', () => {
    expect(safeColour('#abcdef')).toBe('#abcdef');
    expect(safeColour('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
    expect(safeColour('red; } body { display: none')).toBe('#6b7280');
    expect(safeColour('url(https://evil.example/x.png)')).toBe('#6b7280');
    expect(safeColour(42)).toBe('#6b7280');
  });

  it('escapes names so they stay one string literal', () => {
    expect(cssString('Ann Lee')).toBe('"Ann Lee"');
    expect(cssString('王伟')).toBe('"王伟"');
    const hostile = cssString('x"; } * { color: red } .a::after { content: "');
    // Only letters, digits, spaces and hex escapes remain inside the quotes.
    expect(hostile.slice(1, -1)).toMatch(/^([\p{L}\p{N} _.@-]|\\[0-9a-f]+ )*$/u);
    expect(hostile).toContain('\\22 ');
    expect(cssString('a\\b\nc')).toBe('"a\\5c b\\a c"');
  });

  it('writes one rule set per cursor, keyed by client id', () => {
    const css = cursorCss([{ clientId: 5, name: 'Ann', colour: '#123456' }]);
    expect(css).toContain('.yRemoteSelection-5 { background-color: color-mix(in srgb, #123456 28%, transparent); }');
    expect(css).toContain('.yRemoteSelectionHead-5 { border-left: 2px solid #123456; }');
    expect(css).toContain('.yRemoteSelectionHead-5::after { content: "Ann"; background: #123456; }');
  });
});
