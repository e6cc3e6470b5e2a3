import type { AlphaBand, IccBand } from '@rubricon/contracts';

/**
 * Koo, T. K., & Li, M. Y. (2016). A guideline of selecting and reporting intraclass correlation
 * coefficients for reliability research. Journal of Chiropractic Medicine, 15(2), 155-163: below 0.5
 * poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent. The paper names the ranges
 * "between", so the boundaries are ours: a lower bound belongs to the band above it (0.5 is moderate,
 * 0.75 good), except 0.9, which stays good because the paper asks for "greater than 0.90" to call it
 * excellent (some tools, e.g. R's effectsize::interpret_icc, put 0.9 in excellent). NaN (an undefined
 * ICC) has no band: RangeError.
 */
export function iccBand(value: number): IccBand {
  if (Number.isNaN(value)) throw new RangeError('an undefined (NaN) ICC has no band');
  if (value < 0.5) return 'poor';
  if (value < 0.75) return 'moderate';
  if (value <= 0.9) return 'good';
  return 'excellent';
}

/**
 * Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), Sage: rely
 * on variables with alpha >= .800; those from .667 up to .800 only for tentative conclusions; below
 * .667, unreliable (his guidance, not a statistical test). Both boundaries belong to the band above them. NaN: RangeError.
 */
export function alphaBand(value: number): AlphaBand {
  if (Number.isNaN(value)) throw new RangeError('an undefined (NaN) alpha has no band');
  if (value >= 0.8) return 'reliable';
  if (value >= 0.667) return 'tentative';
  return 'unreliable';
}
