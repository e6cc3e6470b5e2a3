import type { IccForm } from '@rubricon/contracts';

/** The two-way ANOVA of a complete targets x judges table, as Shrout & Fleiss (1979, Table 1) lay it out. */
export interface IccAnova {
  /** Between-targets mean square, df n - 1. */
  bms: number;
  /** Within-target mean square (judges and residual pooled, the one-way model), df n(k - 1). */
  wms: number;
  /** Between-judges mean square, df k - 1. */
  jms: number;
  /** Residual (error) mean square, df (n - 1)(k - 1). */
  ems: number;
  /** Grand mean of all ratings. */
  mean: number;
  dfTargets: number;
  dfWithin: number;
  dfJudges: number;
  dfError: number;
}

export interface IccResult {
  /** Targets (rows). */
  n: number;
  /** Judges (columns). */
  k: number;
  /** The six Shrout & Fleiss forms; NaN where a form is undefined (see `icc`). */
  values: Record<IccForm, number>;
  anova: IccAnova;
}

/**
 * Mean squares smaller than this fraction of the total mean square are rounding noise (the
 * residual of a table whose judges agree exactly comes out as 1e-31, not 0) and count as 0.
 */
const NOISE = 1e-12;

/** The matrix as given, checked: at least 2 x 2, every row as long as the first, every value finite. */
function checkMatrix(matrix: number[][]): { n: number; k: number } {
  const n = matrix.length;
  if (n < 2) throw new RangeError(`ICC needs at least 2 targets (rows), got ${n}`);
  const k = matrix[0].length;
  if (k < 2) throw new RangeError(`ICC needs at least 2 judges (columns), got ${k}`);
  matrix.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`row ${i} has ${row.length} ratings, row 0 has ${k}`);
    row.forEach((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new RangeError(`rating [${i}][${j}] is not a finite number`);
    });
  });
  return { n, k };
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * A sum of terms, 0 when it is rounding noise: within 1e-9 of the terms' own size (0.25 + (0.9 - 2.15) / 5
 * comes out as 1e-17, and would turn a form that is undefined into 10^16).
 */
function total(terms: number[]): number {
  const sum = terms.reduce((s, t) => s + t, 0);
  const size = terms.reduce((s, t) => s + Math.abs(t), 0);
  return Math.abs(sum) <= 1e-9 * size ? 0 : sum;
}

/** The sum of `num` over the sum of `den`, or NaN when the denominator is 0 (undefined, not infinite). */
function ratio(num: number[], den: number[]): number {
  const d = total(den);
  return d === 0 ? NaN : total(num) / d;
}

/**
 * The two-way ANOVA mean squares. Sums of squares are sums of squared deviations (not the
 * "sum of squares minus correction" shortcut, which loses digits), the residual computed cell by cell.
 */
export function iccAnova(matrix: number[][]): IccAnova {
  const { n, k } = checkMatrix(matrix);
  const grand = mean(matrix.map(mean));
  const rowMeans = matrix.map(mean);
  const colMeans = Array.from({ length: k }, (_, j) => mean(matrix.map((row) => row[j])));
  let ssTotal = 0;
  let ssError = 0;
  matrix.forEach((row, i) =>
    row.forEach((x, j) => {
      ssTotal += (x - grand) ** 2;
      ssError += (x - rowMeans[i] - colMeans[j] + grand) ** 2;
    }),
  );
  const ssTargets = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssJudges = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssWithin = matrix.reduce((s, row, i) => s + row.reduce((t, x) => t + (x - rowMeans[i]) ** 2, 0), 0);
  const dfTargets = n - 1;
  const dfWithin = n * (k - 1);
  const dfJudges = k - 1;
  const dfError = (n - 1) * (k - 1);
  const floor = (NOISE * ssTotal) / (n * k - 1);
  const ms = (ss: number, df: number) => (ss / df < floor ? 0 : ss / df);
  return {
    bms: ms(ssTargets, dfTargets),
    wms: ms(ssWithin, dfWithin),
    jms: ms(ssJudges, dfJudges),
    ems: ms(ssError, dfError),
    mean: grand,
    dfTargets,
    dfWithin,
    dfJudges,
    dfError,
  };
}

/**
 * Intraclass correlations of a complete targets (rows, n >= 2) x judges (columns, k >= 2) table, the
 * six forms of Shrout, P. E., & Fleiss, J. L. (1979), Psychological Bulletin 86(2), 420-428:
 *
 * - ICC(1,1) = (BMS - WMS) / (BMS + (k-1) WMS): each target rated by different random judges (one-way).
 * - ICC(2,1) = (BMS - EMS) / (BMS + (k-1) EMS + k (JMS - EMS) / n): random judges, absolute agreement
 *   (McGraw & Wong's ICC(A,1)); a judge who is harsher than the others lowers it.
 * - ICC(3,1) = (BMS - EMS) / (BMS + (k-1) EMS): these fixed judges, consistency (ICC(C,1)); a judge's
 *   constant offset does not lower it.
 * - ICC(1,k), ICC(2,k), ICC(3,k): the same for the mean of the k judges (Spearman-Brown stepped up):
 *   (BMS - WMS) / BMS, (BMS - EMS) / (BMS + (JMS - EMS) / n), (BMS - EMS) / BMS.
 *
 * A form whose denominator is 0 (to rounding) is NaN: every rating equal (all six NaN), targets
 * that do not differ at all (BMS = 0: the average forms), or an ICC(2,k) whose BMS + (JMS - EMS) / n
 * cancels out. Callers show NaN as "not available" (the API sends null). Estimates can be negative (judges disagree more than chance). A ragged, empty or
 * non-finite table throws a RangeError.
 */
export function icc(matrix: number[][]): IccResult {
  const anova = iccAnova(matrix);
  const n = matrix.length;
  const k = matrix[0].length;
  const { bms, wms, jms, ems } = anova;
  const values: Record<IccForm, number> = {
    'ICC(1,1)': ratio([bms, -wms], [bms, (k - 1) * wms]),
    'ICC(2,1)': ratio([bms, -ems], [bms, (k - 1) * ems, (k * jms) / n, (-k * ems) / n]),
    'ICC(3,1)': ratio([bms, -ems], [bms, (k - 1) * ems]),
    'ICC(1,k)': ratio([bms, -wms], [bms]),
    'ICC(2,k)': ratio([bms, -ems], [bms, jms / n, -ems / n]),
    'ICC(3,k)': ratio([bms, -ems], [bms]),
  };
  return { n, k, values, anova };
}
