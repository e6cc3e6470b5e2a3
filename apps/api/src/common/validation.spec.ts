import { nestsDeeperThan } from './validation';

const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('nestsDeeperThan', () => {
  it('counts each object and array as a level, the outermost as the first', () => {
    expect(nestsDeeperThan({ a: nested(63) }, 64)).toBe(false);
    expect(nestsDeeperThan({ a: nested(64) }, 64)).toBe(true);
    expect(nestsDeeperThan({ a: [1, { b: 'x' }], c: nested(2) }, 3)).toBe(false);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
  });

  it('measures any depth without overflowing the stack, and does not walk bytes', () => {
    expect(nestsDeeperThan(nested(200_000), 64)).toBe(true);
    expect(nestsDeeperThan({ file: Buffer.alloc(1_000_000) }, 1)).toBe(false);
  });
});
