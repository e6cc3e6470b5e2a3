import { IsString, validateSync } from 'class-validator';
import { clipCodePoints, MaxCodePoints, nestsDeeperThan } from './validation';

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

describe('MaxCodePoints', () => {
  class Named {
    @IsString()
    @MaxCodePoints(4)
    name: string;
  }
  const errors = (name: string) => validateSync(Object.assign(new Named(), { name })).map((e) => e.constraints);

  it('counts code points as MariaDB does: a variation selector is one, a surrogate pair is one', () => {
    expect(errors('❤️❤️')).toEqual([]);
    expect(errors('😀😀😀😀')).toEqual([]);
    expect(errors('❤️❤️❤')).toEqual([{ maxCodePoints: 'name must be shorter than or equal to 4 characters' }]);
  });
});

describe('clipCodePoints', () => {
  it('keeps the first n code points, never half of a surrogate pair', () => {
    expect(clipCodePoints('abc', 5)).toBe('abc');
    expect(clipCodePoints('😀😀😀', 2)).toBe('😀😀');
    expect(clipCodePoints('a😀', 1)).toBe('a');
    expect(clipCodePoints('❤️❤️', 3)).toBe('❤️❤');
    expect([...clipCodePoints('😀'.repeat(300), 200)]).toHaveLength(200);
  });
});
