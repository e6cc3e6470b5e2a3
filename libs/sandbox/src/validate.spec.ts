import { InvalidRunError } from './errors';
import { DEFAULT_LIMITS } from './types';
import { validateRunRequest } from './validate';

const base = { language: 'javascript', code: 'function solve(x) { return x; }', tests: [{ input: 1, expected: 1 }] };

describe(validateRunRequest.name, () => {
  it('fills in default limits, comparator and weights', () => {
    const job = validateRunRequest(base);
    expect(job.limits).toEqual(DEFAULT_LIMITS);
    expect(job.comparator).toEqual({ kind: 'exact' });
    expect(job.tests[0]).toEqual({ input: 1, expected: 1, hidden: false, weight: 1 });
    expect(job.entry).toBe('solve');
  });

  it('applies per-question limit overrides within their ranges', () => {
    expect(validateRunRequest({ ...base, limits: { timeMs: 500, memoryMb: 32 } }).limits.timeMs).toBe(500);
    expect(() => validateRunRequest({ ...base, limits: { memoryMb: 4096 } })).toThrow(
      /memoryMb must be a whole number from 8 to 512/,
    );
    expect(() => validateRunRequest({ ...base, limits: { cpu: 1 } })).toThrow(/Unknown limit "cpu"/);
  });

  it('rejects unsupported languages, empty code and oversized code with a human message', () => {
    expect(() => validateRunRequest({ ...base, language: 'ruby' })).toThrow(
      'Unsupported language "ruby": use javascript, typescript or python.',
    );
    expect(() => validateRunRequest({ ...base, code: '   ' })).toThrow('The code is empty.');
    expect(() => validateRunRequest({ ...base, code: 'x'.repeat(64 * 1024 + 1) })).toThrow(
      /65537 bytes; the limit is 65536/,
    );
  });

  it('counts code size in UTF-8 bytes, so Chinese text counts three bytes per character', () => {
    const code = `// ${'注'.repeat(22_000)}\nfunction solve(x) { return x; }`;
    expect(() => validateRunRequest({ ...base, code })).toThrow(InvalidRunError);
  });

  it('rejects zero tests, more than 100 tests and non-JSON inputs without echoing them', () => {
    expect(() => validateRunRequest({ ...base, tests: [] })).toThrow(/at least one test/);
    const many = Array.from({ length: 101 }, () => ({ input: 1, expected: 1 }));
    expect(() => validateRunRequest({ ...base, tests: many })).toThrow(/at most 100 tests/);
    expect(() => validateRunRequest({ ...base, tests: [{ input: 10n, expected: 1 }] })).toThrow(
      'Test 1: input is not a JSON value.',
    );
  });

  it('accepts an entry function name and rejects anything that is not an identifier', () => {
    expect(validateRunRequest({ ...base, entry: 'main' }).entry).toBe('main');
    expect(() => validateRunRequest({ ...base, entry: 'solve; process' })).toThrow('entry must be a function name.');
  });

  it('accepts the bank comparators and rejects unknown ones', () => {
    expect(validateRunRequest({ ...base, comparator: { kind: 'numeric' } }).comparator).toEqual({
      kind: 'numeric',
      tolerance: 1e-6,
    });
    expect(validateRunRequest({ ...base, comparator: { kind: 'unordered' } }).comparator).toEqual({
      kind: 'unordered',
    });
    expect(() => validateRunRequest({ ...base, comparator: { kind: 'fuzzy' } })).toThrow(/Unknown comparator "fuzzy"/);
  });
});
