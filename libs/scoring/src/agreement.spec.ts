import { agreement, agreementOfUnits, byUnit, calibration, calibrationOfUnits, type Rating } from './agreement';
import { krippendorffAlpha } from './alpha';
import { SHROUT_FLEISS } from './testing/examples';

// Shrout & Fleiss (1979), Table 2 (icc.spec.ts checks the six forms on it).
const TABLE_2 = SHROUT_FLEISS;
const asRatings = (table: number[][]): Rating[] =>
  table.flatMap((row, t) => row.map((level, j) => ({ unit: `t${t}`, rater: `j${j}`, level })));

describe('agreement', () => {
  it('gives the published ICCs when every unit has the same raters', () => {
    const figures = agreement(asRatings(TABLE_2));
    expect(figures.units).toBe(6);
    expect(figures.icc).toMatchObject({ k: 4, units: 6 });
    expect(figures.icc!.values['ICC(2,1)']).toBeCloseTo(0.29, 2);
    expect(figures.icc!.values['ICC(3,k)']).toBeCloseTo(0.91, 2);
    expect(figures.iccBand).toBe('poor');
  });

  it('computes alpha over every unit with two or more levels, the same as krippendorffAlpha', () => {
    const ratings = [
      ...asRatings(TABLE_2),
      { unit: 'lonely', rater: 'j0', level: 3 },
      { unit: 'pair', rater: 'j1', level: 2 },
      { unit: 'pair', rater: 'j3', level: 2 },
    ];
    const units = [...byUnit(ratings).values()].filter((u) => u.size >= 2).map((u) => [...u.values()]);
    const figures = agreement(ratings);
    expect(figures.units).toBe(7);
    expect(figures.alphaOrdinal).toBeCloseTo(krippendorffAlpha(units, 'ordinal').alpha!, 12);
    expect(figures.alphaInterval).toBeCloseTo(krippendorffAlpha(units, 'interval').alpha!, 12);
  });

  it('takes the ICC over the most common rater set only, and has none with fewer than two such units', () => {
    const mixed: Rating[] = [
      ...asRatings(TABLE_2.slice(0, 3)).filter((r) => r.rater === 'j0' || r.rater === 'j1'),
      { unit: 'x', rater: 'j2', level: 4 },
      { unit: 'x', rater: 'j3', level: 5 },
    ];
    expect(agreement(mixed).icc).toMatchObject({ k: 2, units: 3 });
    expect(agreement(mixed.slice(-4)).icc).toBeNull();
    expect(agreement([])).toMatchObject({ units: 0, alphaOrdinal: null, icc: null, iccBand: null, alphaBand: null });
  });

  it('groups once: the grouped forms give the same figures as the flat ones', () => {
    const ratings = asRatings(TABLE_2);
    const grouped = [...byUnit(ratings).values()];
    expect(agreementOfUnits(grouped)).toEqual(agreement(ratings));
    expect(calibrationOfUnits(grouped)).toEqual(calibration(ratings));
  });
});
