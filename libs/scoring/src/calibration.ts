export interface CalibrationRating {
  unit: string;
  rater: string;
  value: number;
}

export interface CalibrationRow {
  rater: string;
  /** Units this rater scored that at least one other rater scored too. */
  n: number;
  /** Mean over those units of (this rater's value - the mean of every rater's value on the unit); null when n = 0. */
  meanOffset: number | null;
  /** Mean of all this rater's values, shared units or not. */
  meanLevel: number | null;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function push(lists: Map<string, number[]>, key: string, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * How lenient or severe each rater is compared with the panel on the same answers: for every unit
 * scored by at least 2 different raters, each of them gets the offset (their value - the mean of all
 * the raters' values on that unit); `meanOffset` is the mean of a rater's offsets (+ lenient,
 * - severe), `n` how many there were. The offsets on one unit sum to zero, so with two raters they
 * are opposite. `meanLevel` is the mean of every value the rater gave, on any unit. Rows are sorted
 * by rater id (code-unit order, the same everywhere). A rater may give one value per unit: a second
 * one for the same unit, or a non-finite value, is a RangeError.
 */
export function raterCalibration(ratings: readonly CalibrationRating[]): CalibrationRow[] {
  const units = new Map<string, Map<string, number>>();
  const levels = new Map<string, number[]>();
  for (const { unit, rater, value } of ratings) {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new RangeError(`rater ${rater} on unit ${unit}: value is not a finite number`);
    const byRater = units.get(unit) ?? new Map<string, number>();
    if (byRater.has(rater)) throw new RangeError(`rater ${rater} has two values for unit ${unit}`);
    byRater.set(rater, value);
    units.set(unit, byRater);
    push(levels, rater, value);
  }
  return calibrationOfUnits(units.values(), levels);
}

/**
 * The same, from ratings already grouped by unit (rater -> value): what `agreement` has at hand, so
 * a posting's ratings are grouped once. `levels` (each rater's values, any unit) is derived when absent.
 */
export function calibrationOfUnits(
  units: Iterable<ReadonlyMap<string, number>>,
  levels?: Map<string, number[]>,
): CalibrationRow[] {
  const all = [...units];
  if (!levels) {
    levels = new Map<string, number[]>();
    for (const byRater of all) for (const [rater, value] of byRater) push(levels, rater, value);
  }
  const given = levels;
  const offsets = new Map<string, number[]>();
  for (const byRater of all) {
    if (byRater.size < 2) continue;
    const panel = mean([...byRater.values()]);
    for (const [rater, value] of byRater) push(offsets, rater, value - panel);
  }
  return [...given.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((rater) => {
      const own = offsets.get(rater) ?? [];
      return {
        rater,
        n: own.length,
        meanOffset: own.length > 0 ? mean(own) : null,
        meanLevel: mean(given.get(rater)!),
      };
    });
}
