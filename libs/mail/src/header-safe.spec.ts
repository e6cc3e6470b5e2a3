import fc from 'fast-check';
import { headerSafe } from './header-safe';

describe('headerSafe', () => {
  it.each([
    ['Eve\r\nBcc: x@evil.test', 'Eve Bcc: x@evil.test'],
    ['a\rb\nc\td\u0000e', 'a b c d e'],
    ['del\u007Fc1\u0080\u0085\u009Fend', 'del c1 end'],
    ['line\u2028para\u2029end', 'line para end'],
    ['  lots   of \n\n  space  ', 'lots of space'],
    ['张三\u3000丰', '张三 丰'],
    ['', ''],
    ['\r\n\t', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(headerSafe(input)).toBe(expected);
  });

  it('clips to max code points with an ellipsis that counts towards max', () => {
    expect(headerSafe('abcdefghij', 5)).toBe('abcd…');
    expect(headerSafe('abcde', 5)).toBe('abcde');
    expect(headerSafe('ab cdef', 4)).toBe('ab…');
  });

  it('never splits a surrogate pair', () => {
    const clipped = headerSafe('😀😀😀😀', 3);
    expect(clipped).toBe('😀😀…');
    expect(Array.from(clipped)).toHaveLength(3);
  });

  it('replaces a lone surrogate, which UTF-8 cannot carry', () => {
    expect(headerSafe('a\uD800b')).toBe('a\uFFFDb');
  });

  it('refuses a max below 1', () => {
    expect(() => headerSafe('x', 0)).toThrow(RangeError);
  });

  it('gives one trimmed line within max for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 50 }), (text, max) => {
        const out = headerSafe(text, max);
        // eslint-disable-next-line no-control-regex -- looking for control characters
        expect(out).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s{2}/);
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
        expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out); // no lone surrogate
      }),
    );
  });
});
