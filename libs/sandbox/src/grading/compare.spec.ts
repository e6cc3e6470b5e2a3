import { compareResult } from './compare';

describe(compareResult.name, () => {
  it('compares objects deeply regardless of key order', () => {
    expect(compareResult({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(compareResult({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
  });

  it('does not confuse missing keys, arrays and objects', () => {
    expect(compareResult({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(compareResult([], {})).toBe(false);
    expect(compareResult(undefined, null)).toBe(false);
    expect(compareResult('1', 1)).toBe(false);
  });

  it('accepts numbers within an absolute or relative tolerance when numeric', () => {
    const numeric = { kind: 'numeric', tolerance: 1e-6 } as const;
    expect(compareResult(0.1 + 0.2, 0.3)).toBe(false);
    expect(compareResult(0.1 + 0.2, 0.3, numeric)).toBe(true);
    expect(compareResult({ rate: [1e9 + 1] }, { rate: [1e9] }, numeric)).toBe(true);
    expect(compareResult(1.01, 1, numeric)).toBe(false);
  });

  it('ignores the order of top-level array items when unordered', () => {
    const unordered = { kind: 'unordered' } as const;
    expect(compareResult([{ id: 2 }, { id: 1 }], [{ id: 1 }, { id: 2 }], unordered)).toBe(true);
    expect(compareResult([1, 1, 2], [1, 2, 2], unordered)).toBe(false);
    expect(compareResult([[2, 1]], [[1, 2]], unordered)).toBe(false);
  });

  it('treats a result nested too deeply to compare as wrong instead of throwing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(compareResult(deep, [1])).toBe(false);
  });
});
