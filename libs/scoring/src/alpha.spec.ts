/**
 * Krippendorff's alpha against the published worked examples, then the invariances it promises.
 */
import fc from 'fast-check';
import { ALPHA_LEVELS, alphaCoincidences, krippendorffAlpha, type AlphaLevel } from './alpha';

/** Reliability data as printed: one row per observer, one column per unit, null = no value. */
function byUnit(observers: (number | null)[][]): (number | null)[][] {
  return observers[0].map((_, u) => observers.map((row) => row[u]));
}

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, Departmental Papers (ASC), 43. Section C: 4 observers (A-D), 12 units, missing data.
 * Published: alpha nominal .743, ordinal .815, interval .849, ratio .797. The same table is used, with
 * these values, by the tests of the R package krippendorff (jucor, nominal .743) and of the Python
 * package krippendorff (pln-fing-udelar/fast-krippendorff, ordinal .815, ratio .797).
 */
const K2011 = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
]);

/**
 * Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), section
 * 11.3.1: two observers (Jon and Han) mark 10 newspaper articles 1 (a reference to the US) or 0.
 * Published alpha = .095 (the R package krippendorff tests .0952 on it).
 */
const K2004_BINARY = byUnit([
  [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
]);

/**
 * The computational example of Wikipedia's "Krippendorff's alpha" article: 3 coders, 15 units, much
 * missing. The Python package krippendorff tests nominal 0.691358 and interval 0.810845 on it.
 */
const WIKIPEDIA = byUnit([
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
]);

const level = fc.constantFrom<AlphaLevel>(...ALPHA_LEVELS);
const value = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
const units = fc.array(fc.array(value, { maxLength: 5 }), { minLength: 1, maxLength: 15 });

function same(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
}

describe('krippendorffAlpha', () => {
  it('Krippendorff (2011), 4 observers x 12 units with missing data: nominal .743, ordinal .815, interval .849, ratio .797', () => {
    expect(krippendorffAlpha(K2011, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(K2011, 'ordinal').alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(K2011, 'interval').alpha).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(K2011, 'ratio').alpha).toBeCloseTo(0.797, 3);
  });

  it('Krippendorff (2011): unit 12 (one value) is left out: 40 pairable values in 11 units, marginals 9, 13, 10, 5, 3', () => {
    const r = krippendorffAlpha(K2011, 'nominal');
    expect(r.pairable).toBe(40);
    expect(r.units).toBe(11);
    const m = alphaCoincidences(K2011);
    expect(m.values).toEqual([1, 2, 3, 4, 5]);
    expect(m.marginals.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
    // The matrix is symmetric.
    m.o.forEach((row, c) => row.forEach((x, k) => expect(x).toBeCloseTo(m.o[k][c], 12)));
  });

  it('Krippendorff (2004) section 11.3.1, two observers, binary, no missing data: nominal .095', () => {
    const r = krippendorffAlpha(K2004_BINARY, 'nominal');
    expect(r.alpha).toBeCloseTo(0.095, 3);
    // By hand: 4 disagreeing units, n0 = 14, n1 = 6, n = 20: 1 - (n - 1) * o01 / (n0 * n1) = 1 - 19 * 4 / 84.
    expect(r.alpha).toBeCloseTo(1 - 76 / 84, 12);
    expect(r.pairable).toBe(20);
  });

  it("Wikipedia's computational example: nominal 0.691358, interval 0.810845 (as the Python package krippendorff)", () => {
    expect(krippendorffAlpha(WIKIPEDIA, 'nominal').alpha).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA, 'interval').alpha).toBeCloseTo(0.810845, 6);
  });

  it('undefined cases: nothing pairable, or one value only, give alpha null', () => {
    const none = krippendorffAlpha([[1], [2, null], [], [null, null]], 'interval');
    expect(none).toEqual({ alpha: null, pairable: 0, units: 0, observedDisagreement: 0, expectedDisagreement: 0 });
    const constant = krippendorffAlpha([[3, 3], [3, 3, 3], [4]], 'ordinal');
    expect(constant.alpha).toBeNull();
    expect(constant.pairable).toBe(5);
    expect(constant.units).toBe(2);
  });

  it('ratio: 0 and 0 agree; negative values, non-finite values and unknown levels are a RangeError', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
        'ratio',
      ).alpha,
    ).toBe(1);
    expect(() => krippendorffAlpha([[-1, 1]], 'ratio')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, NaN]], 'interval')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, Infinity]], 'interval')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, 2]], 'circular' as AlphaLevel)).toThrow(RangeError);
  });

  it('systematic disagreement is below chance: negative alpha', () => {
    // Two coders who always pick opposite ends.
    const r = krippendorffAlpha(
      [
        [1, 5],
        [5, 1],
        [1, 5],
      ],
      'interval',
    );
    expect(r.alpha).toBeLessThan(0);
  });

  it('perfect agreement gives 1 at every level (null when every value is the same)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 2, max: 5 })), {
          minLength: 1,
          maxLength: 12,
        }),
        level,
        (spec, lvl) => {
          const data = spec.map(([v, m]) => Array<number>(m).fill(v));
          const r = krippendorffAlpha(data, lvl);
          if (new Set(spec.map(([v]) => v)).size === 1) expect(r.alpha).toBeNull();
          else expect(r.alpha).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('the order of units, and of coders within a unit, changes nothing', () => {
    fc.assert(
      fc.property(
        units.chain((u) =>
          fc.tuple(
            fc.constant(u),
            fc
              .shuffledSubarray(u, { minLength: u.length })
              .chain((shuffled) =>
                fc.tuple(...shuffled.map((unit) => fc.shuffledSubarray(unit, { minLength: unit.length }))),
              ),
          ),
        ),
        level,
        ([u, shuffled], lvl) => {
          const a = krippendorffAlpha(u, lvl);
          const b = krippendorffAlpha(shuffled, lvl);
          expect(same(a.alpha, b.alpha)).toBe(true);
          expect(b.pairable).toBe(a.pairable);
          expect(b.units).toBe(a.units);
        },
      ),
    );
  });

  it('a missing value written as null or left out is the same', () => {
    fc.assert(
      fc.property(units, level, (u, lvl) => {
        const dense = u.map((unit) => unit.filter((v) => v !== null));
        expect(same(krippendorffAlpha(u, lvl).alpha, krippendorffAlpha(dense, lvl).alpha)).toBe(true);
      }),
    );
  });

  it('interval alpha is unchanged by adding a constant to every value', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: -50, max: 50 }), (u, c) => {
        const shifted = u.map((unit) => unit.map((v) => (v === null ? null : v + c)));
        expect(same(krippendorffAlpha(u, 'interval').alpha, krippendorffAlpha(shifted, 'interval').alpha)).toBe(true);
      }),
    );
  });

  it('ordinal alpha depends only on the order of the values: unchanged by a monotone relabelling', () => {
    fc.assert(
      fc.property(units, (u) => {
        const relabelled = u.map((unit) => unit.map((v) => (v === null ? null : v * v + 10)));
        expect(same(krippendorffAlpha(u, 'ordinal').alpha, krippendorffAlpha(relabelled, 'ordinal').alpha)).toBe(true);
      }),
    );
  });
});
