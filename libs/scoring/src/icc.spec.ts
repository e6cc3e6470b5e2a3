/**
 * ICC against published figures, then the invariances the definitions promise, on random tables.
 */
import fc from 'fast-check';
import { ICC_FORMS } from '@rubricon/contracts';
import { icc } from './icc';
import { SHROUT_FLEISS } from './testing/examples';

/** Equal to `digits` decimals, or both NaN. */
function same(a: number, b: number, digits = 9): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) < 10 ** -digits;
}

const rating = fc.integer({ min: 1, max: 5 });
/** A complete table: 2-8 targets x 2-5 judges of 1-5 levels. */
const table = fc
  .record({ n: fc.integer({ min: 2, max: 8 }), k: fc.integer({ min: 2, max: 5 }) })
  .chain(({ n, k }) => fc.array(fc.array(rating, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }));

describe('icc', () => {
  it('reproduces Shrout & Fleiss (1979) Table 2: the six forms to two decimals', () => {
    const r = icc(SHROUT_FLEISS);
    expect(r.n).toBe(6);
    expect(r.k).toBe(4);
    expect(r.values['ICC(1,1)']).toBeCloseTo(0.17, 2);
    expect(r.values['ICC(2,1)']).toBeCloseTo(0.29, 2);
    expect(r.values['ICC(3,1)']).toBeCloseTo(0.71, 2);
    expect(r.values['ICC(1,k)']).toBeCloseTo(0.44, 2);
    expect(r.values['ICC(2,k)']).toBeCloseTo(0.62, 2);
    expect(r.values['ICC(3,k)']).toBeCloseTo(0.91, 2);
  });

  it('reproduces the ANOVA of the same table: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02, and F = 1.79 (NAG g04gac)', () => {
    const { anova } = icc(SHROUT_FLEISS);
    expect(anova.bms).toBeCloseTo(11.24, 2);
    expect(anova.wms).toBeCloseTo(6.26, 2);
    expect(anova.jms).toBeCloseTo(32.49, 2);
    expect(anova.ems).toBeCloseTo(1.02, 2);
    expect(anova.bms / anova.wms).toBeCloseTo(1.79, 2);
    expect([anova.dfTargets, anova.dfWithin, anova.dfJudges, anova.dfError]).toEqual([5, 18, 3, 15]);
  });

  it('paired scores (2,4), (4,6), (6,8): consistency 1.00, absolute agreement 0.67 (McGraw & Wong 1996, as quoted by R package rel)', () => {
    // McGraw, K. O., & Wong, S. P. (1996). Forming inferences about some intraclass correlation
    // coefficients. Psychological Methods, 1(1), 30-46; the example as given in the documentation of
    // rel::icc ("ICC equals 1.00 for the paired scores (2,4), (4,6) and (6,8) for consistency, but only
    // 0.67 for absolute agreement").
    const r = icc([
      [2, 4],
      [4, 6],
      [6, 8],
    ]);
    expect(r.values['ICC(3,1)']).toBeCloseTo(1, 9);
    expect(r.values['ICC(2,1)']).toBeCloseTo(0.67, 2);
  });

  it('all ratings equal: every form is NaN (undefined), not 0 or 1', () => {
    const r = icc([
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    for (const form of ICC_FORMS) expect(r.values[form]).toBeNaN();
  });

  it('targets that do not differ but judges that do: single forms negative, average forms NaN', () => {
    const r = icc([
      [1, 3],
      [3, 1],
    ]);
    expect(r.anova.bms).toBe(0);
    expect(r.values['ICC(1,1)']).toBeCloseTo(-1, 9);
    expect(r.values['ICC(1,k)']).toBeNaN();
    expect(r.values['ICC(3,k)']).toBeNaN();
  });

  it('refuses ragged, too small and non-finite tables with a RangeError', () => {
    expect(() => icc([])).toThrow(RangeError);
    expect(() => icc([[1, 2]])).toThrow(RangeError);
    expect(() => icc([[1], [2]])).toThrow(RangeError);
    expect(() => icc([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      icc([
        [1, 2],
        [3, NaN],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      icc([
        [1, 2],
        [3, Infinity],
      ]),
    ).toThrow(RangeError);
  });

  it('perfect agreement (every judge gives each target the same rating, targets differ): every form is 1', () => {
    fc.assert(
      fc.property(
        fc.array(rating, { minLength: 2, maxLength: 8 }).filter((xs) => new Set(xs).size > 1),
        fc.integer({ min: 2, max: 5 }),
        (targets, k) => {
          const r = icc(targets.map((x) => Array<number>(k).fill(x)));
          for (const form of ICC_FORMS) expect(r.values[form]).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('adding a constant to every rating changes no form', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: -100, max: 100 }), (m, c) => {
        const a = icc(m).values;
        const b = icc(m.map((row) => row.map((x) => x + c))).values;
        for (const form of ICC_FORMS) expect(same(a[form], b[form])).toBe(true);
      }),
    );
  });

  it('putting the targets in another order changes no form', () => {
    fc.assert(
      fc.property(
        table.chain((m) => fc.tuple(fc.constant(m), fc.shuffledSubarray(m, { minLength: m.length }))),
        ([m, shuffled]) => {
          const a = icc(m).values;
          const b = icc(shuffled).values;
          for (const form of ICC_FORMS) expect(same(a[form], b[form])).toBe(true);
        },
      ),
    );
  });

  it("a constant added to one judge's ratings leaves ICC(3,1) (consistency) as it was", () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.integer({ min: -10, max: 10 }), (m, pick, c) => {
        const j = pick % m[0].length;
        const shifted = m.map((row) => row.map((x, col) => (col === j ? x + c : x)));
        expect(same(icc(m).values['ICC(3,1)'], icc(shifted).values['ICC(3,1)'])).toBe(true);
      }),
    );
  });

  it('making the most lenient judge more lenient still lowers ICC(2,1) (absolute agreement) when targets differ', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 10 }), (m, c) => {
        const before = icc(m);
        fc.pre(before.values['ICC(3,1)'] > 0); // BMS > EMS, read through the rounding-safe form
        const colMeans = m[0].map((_, j) => m.reduce((s, row) => s + row[j], 0));
        const j = colMeans.indexOf(Math.max(...colMeans));
        const after = icc(m.map((row) => row.map((x, col) => (col === j ? x + c : x))));
        expect(after.values['ICC(2,1)']).toBeLessThan(before.values['ICC(2,1)']);
        expect(same(after.values['ICC(3,1)'], before.values['ICC(3,1)'])).toBe(true);
      }),
    );
  });

  it('on the Shrout & Fleiss table, lifting judge 2 (the harshest) by 3 raises ICC(2,1) and leaves ICC(3,1)', () => {
    const before = icc(SHROUT_FLEISS).values;
    const after = icc(SHROUT_FLEISS.map((row) => row.map((x, j) => (j === 1 ? x + 3 : x)))).values;
    expect(after['ICC(2,1)']).toBeGreaterThan(before['ICC(2,1)'] + 0.1);
    expect(after['ICC(3,1)']).toBeCloseTo(before['ICC(3,1)'], 9);
  });
});
