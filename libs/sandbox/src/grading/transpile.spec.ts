import { lineMapFromSourceMap } from './source-map';
import { transpileTypeScript } from './transpile';

describe(transpileTypeScript.name, () => {
  it('strips types and keeps the code a plain script', () => {
    const { js, syntaxError } = transpileTypeScript('function solve(x: number): number {\n  return x + 1;\n}\n');
    expect(syntaxError).toBeUndefined();
    expect(js).toContain('function solve(x) {');
    expect(js).not.toMatch(/exports|require|sourceMappingURL/);
  });

  it('maps lines of the emitted JavaScript back to the TypeScript lines after removed declarations', () => {
    const code = [
      'interface Point {',
      '  x: number;',
      '}',
      'type Id = string;',
      '',
      'function solve(p: Point): number {',
      '  const q: any = null;',
      '  return q.x;',
      '}',
    ].join('\n');
    const { js, mapLine } = transpileTypeScript(code);
    const jsLine = js.split('\n').findIndex((l) => l.includes('return q.x')) + 1;
    expect(jsLine).toBeLessThan(8);
    expect(mapLine(jsLine)).toBe(8);
  });

  it('reports a TypeScript syntax error with its line', () => {
    const { syntaxError } = transpileTypeScript('function solve(x: number) {\n  return x +;\n}');
    expect(syntaxError).toEqual({ message: 'SyntaxError: Expression expected.', line: 2 });
  });
});

describe(lineMapFromSourceMap.name, () => {
  it('decodes relative source lines across generated lines', () => {
    // Generated line 1 -> source line 1, generated line 2 -> source line 4 (delta +3), line 3 unmapped.
    const map = lineMapFromSourceMap('AAAA;AAGA;');
    expect([map(1), map(2), map(3)]).toEqual([1, 4, 4]);
  });
});
