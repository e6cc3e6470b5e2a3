import fc from 'fast-check';
import { raterCalibration, type CalibrationRating } from './calibration';

describe('raterCalibration', () => {
  it('a hand-computed panel: offsets from the unit mean, averaged; levels over every unit', () => {
    // u1: a 4, b 2, c 3 -> mean 3: a +1, b -1, c 0
    // u2: a 5, b 3     -> mean 4: a +1, b -1
    // u3: c 1 alone    -> no offsets; counts for c's level only
    // u4: b 4, c 5     -> mean 4.5: b -0.5, c +0.5
    const ratings: CalibrationRating[] = [
      { unit: 'u1', rater: 'a', value: 4 },
      { unit: 'u1', rater: 'b', value: 2 },
      { unit: 'u1', rater: 'c', value: 3 },
      { unit: 'u2', rater: 'a', value: 5 },
      { unit: 'u2', rater: 'b', value: 3 },
      { unit: 'u3', rater: 'c', value: 1 },
      { unit: 'u4', rater: 'b', value: 4 },
      { unit: 'u4', rater: 'c', value: 5 },
    ];
    expect(raterCalibration(ratings)).toEqual([
      { rater: 'a', n: 2, meanOffset: 1, meanLevel: 4.5 },
      { rater: 'b', n: 3, meanOffset: -2.5 / 3, meanLevel: 3 },
      { rater: 'c', n: 2, meanOffset: 0.25, meanLevel: 3 },
    ]);
  });

  it('a rater who never shares a unit: n 0, meanOffset null, meanLevel still given; rows sorted by id', () => {
    expect(
      raterCalibration([
        { unit: 'x', rater: 'zoe', value: 2 },
        { unit: 'y', rater: 'Bob', value: 4 },
        { unit: 'y', rater: 'amy', value: 2 },
      ]),
    ).toEqual([
      { rater: 'Bob', n: 1, meanOffset: 1, meanLevel: 4 },
      { rater: 'amy', n: 1, meanOffset: -1, meanLevel: 2 },
      { rater: 'zoe', n: 0, meanOffset: null, meanLevel: 2 },
    ]);
    expect(raterCalibration([])).toEqual([]);
  });

  it('two values from one rater on one unit, or a non-finite value, is a RangeError', () => {
    expect(() =>
      raterCalibration([
        { unit: 'u', rater: 'a', value: 1 },
        { unit: 'u', rater: 'a', value: 2 },
      ]),
    ).toThrow(RangeError);
    expect(() => raterCalibration([{ unit: 'u', rater: 'a', value: NaN }])).toThrow(RangeError);
  });

  it('a panel of two on one unit has opposite offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (x, y) => {
        const [a, b] = raterCalibration([
          { unit: 'u', rater: 'a', value: x },
          { unit: 'u', rater: 'b', value: y },
        ]);
        expect(a.meanOffset! + b.meanOffset!).toBeCloseTo(0, 12);
        expect(a.meanOffset).toBeCloseTo((x - y) / 2, 12);
      }),
    );
  });

  it("on any one unit the raters' offsets sum to zero", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }),
        (raters, values) => {
          const rows = raterCalibration(raters.map((rater, i) => ({ unit: 'u', rater, value: values[i] })));
          if (raters.length < 2) expect(rows[0].meanOffset).toBeNull();
          else expect(rows.reduce((s, r) => s + r.meanOffset!, 0)).toBeCloseTo(0, 9);
        },
      ),
    );
  });

  it('the order of the ratings changes nothing', () => {
    const rating = fc.record({
      unit: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      rater: fc.constantFrom('a', 'b', 'c'),
      value: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc
          .uniqueArray(rating, { selector: (r) => `${r.unit}/${r.rater}`, maxLength: 12 })
          .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([rs, shuffled]) => {
          const a = raterCalibration(rs);
          const b = raterCalibration(shuffled);
          expect(b.map((r) => [r.rater, r.n])).toEqual(a.map((r) => [r.rater, r.n]));
          b.forEach((r, i) => {
            expect(r.meanLevel).toBeCloseTo(a[i].meanLevel!, 12);
            if (r.meanOffset === null) expect(a[i].meanOffset).toBeNull();
            else expect(r.meanOffset).toBeCloseTo(a[i].meanOffset!, 12);
          });
        },
      ),
    );
  });
});
