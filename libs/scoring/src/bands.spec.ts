import { alphaBand, iccBand } from './bands';

/** The next double below and above `x`. */
const below = (x: number) => x - Number.EPSILON * Math.max(1, Math.abs(x));
const above = (x: number) => x + Number.EPSILON * Math.max(1, Math.abs(x));

describe('iccBand (Koo & Li 2016)', () => {
  it.each([
    [-1, 'poor'],
    [0, 'poor'],
    [below(0.5), 'poor'],
    [0.5, 'moderate'],
    [0.6, 'moderate'],
    [below(0.75), 'moderate'],
    [0.75, 'good'],
    [0.8, 'good'],
    [0.9, 'good'],
    [above(0.9), 'excellent'],
    [0.95, 'excellent'],
    [1, 'excellent'],
  ])('%p is %s', (value, band) => {
    expect(iccBand(value)).toBe(band);
  });

  it('an undefined ICC (NaN) has no band', () => {
    expect(() => iccBand(NaN)).toThrow(RangeError);
  });
});

describe('alphaBand (Krippendorff 2004)', () => {
  it.each([
    [-0.2, 'unreliable'],
    [0, 'unreliable'],
    [0.666, 'unreliable'],
    [below(0.667), 'unreliable'],
    [0.667, 'tentative'],
    [0.7, 'tentative'],
    [below(0.8), 'tentative'],
    [0.8, 'reliable'],
    [0.95, 'reliable'],
    [1, 'reliable'],
  ])('%p is %s', (value, band) => {
    expect(alphaBand(value)).toBe(band);
  });

  it('an undefined alpha (NaN) has no band', () => {
    expect(() => alphaBand(NaN)).toThrow(RangeError);
  });
});
