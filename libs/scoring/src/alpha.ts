/** Level of measurement: which difference between two values counts as how much disagreement. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const ALPHA_LEVELS: AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export interface AlphaResult {
  /** 1 - observed / expected disagreement; null when undefined (see `krippendorffAlpha`). */
  alpha: number | null;
  /** n: the pairable values, those in units with at least two values. */
  pairable: number;
  /** The pairable units: those with at least two values. */
  units: number;
  /** D_o: the mean squared difference within units (0 when nothing is pairable). */
  observedDisagreement: number;
  /** D_e: the mean squared difference between any two pairable values (0 when nothing varies). */
  expectedDisagreement: number;
}

/**
 * The coincidence matrix of the pairable values: `values` sorted ascending, `o[c][k]` the number of
 * c-k pairs within units, each unit's pairs weighted 1 / (m_u - 1) so that a unit with m_u values
 * contributes m_u in all (Krippendorff 2011, section C). Symmetric; row sums are the marginals n_c.
 */
export interface AlphaCoincidences {
  values: number[];
  o: number[][];
  /** n_c, the row sums of `o`. */
  marginals: number[];
  /** n, the sum of the marginals. */
  n: number;
  units: number;
}

/** The values of each unit that are there (not null, not absent), checked to be finite numbers. */
function present(units: (number | null)[][]): number[][] {
  return units.map((unit, u) =>
    unit.filter((v, i): v is number => {
      if (v === null || v === undefined) return false;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`unit ${u}, value ${i} is not a finite number`);
      return true;
    }),
  );
}

export function alphaCoincidences(units: (number | null)[][]): AlphaCoincidences {
  const pairable = present(units).filter((unit) => unit.length >= 2);
  const distinct = new Set<number>();
  for (const unit of pairable) for (const v of unit) distinct.add(v);
  const values = [...distinct].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  // Flat arrays and one reused count per value: a posting has tens of thousands of units to go through.
  const flat = new Float64Array(size * size);
  const counts = new Int32Array(size);
  const seen: number[] = [];
  let n = 0;
  for (const unit of pairable) {
    // Count each value once, then the ordered pairs of different coders: c-k pairs are count_c * count_k,
    // c-c pairs count_c * (count_c - 1).
    for (const v of unit) {
      const c = index.get(v)!;
      if (counts[c]++ === 0) seen.push(c);
    }
    const weight = 1 / (unit.length - 1);
    for (const c of seen) {
      const nc = counts[c];
      for (const k of seen) flat[c * size + k] += (c === k ? nc * (nc - 1) : nc * counts[k]) * weight;
    }
    for (const c of seen) counts[c] = 0;
    seen.length = 0;
    // n_c sums to the number of pairable values exactly; count them rather than sum weighted fractions.
    n += unit.length;
  }
  const o = values.map((_, c) => Array.from(flat.subarray(c * size, (c + 1) * size)));
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  return { values, o, marginals, n, units: pairable.length };
}

/**
 * The squared difference between the c-th and k-th of the sorted values (Krippendorff 2011, section E):
 * - nominal: 0 when equal, else 1;
 * - ordinal: (sum of n_g for g from c to k - (n_c + n_k) / 2)^2, with the marginals n_g of the
 *   coincidence matrix: how many pairable values lie between the two ranks, so it needs the whole matrix;
 * - interval: (c - k)^2;
 * - ratio: ((c - k) / (c + k))^2 (0 when both are 0).
 */
export function alphaDifferences(level: AlphaLevel, values: number[], marginals: number[]): number[][] {
  const cumulative = marginals.reduce<number[]>((acc, x) => [...acc, (acc.at(-1) ?? 0) + x], []);
  return values.map((c, i) =>
    values.map((k, j) => {
      if (i === j) return 0;
      switch (level) {
        case 'nominal':
          return 1;
        case 'ordinal': {
          const [lo, hi] = i < j ? [i, j] : [j, i];
          const between = cumulative[hi] - (lo > 0 ? cumulative[lo - 1] : 0);
          return (between - (marginals[lo] + marginals[hi]) / 2) ** 2;
        }
        case 'interval':
          return (c - k) ** 2;
        case 'ratio':
          return c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
      }
    }),
  );
}

/**
 * Krippendorff's alpha for one variable: `units` holds one array per unit (a rated answer) of the
 * values its coders gave, `null` (or absent) where a coder gave none; which coder gave which value
 * does not matter, only which values were given to the same unit. Following Krippendorff, K. (2011).
 * Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication, Departmental
 * Papers (ASC), 43:
 *
 *   alpha = 1 - D_o / D_e, D_o = (1/n) sum_c sum_k o_ck d2_ck, D_e = (1 / (n (n - 1))) sum_c sum_k n_c n_k d2_ck
 *
 * over the coincidence matrix o of the pairable values (units with fewer than two values are left
 * out: they say nothing about agreement) and the level's squared difference d2 (`alphaDifferences`).
 *
 * `alpha` is null when undefined: fewer than two pairable values, or no variation at all (D_e = 0:
 * every pairable value the same; perfect agreement on a single value says nothing about whether
 * coders could tell values apart). It is 1 for perfect agreement, about 0 for agreement at chance,
 * and negative below chance. Ratio values must be >= 0; any non-finite value is a RangeError.
 */
export function krippendorffAlpha(units: (number | null)[][], level: AlphaLevel): AlphaResult {
  return alphaOfCoincidences(alphaCoincidences(units), level);
}

/** Alpha at `level` from a coincidence matrix already built: several levels of one data set build it once. */
export function alphaOfCoincidences(m: AlphaCoincidences, level: AlphaLevel): AlphaResult {
  if (!ALPHA_LEVELS.includes(level)) throw new RangeError(`unknown level of measurement "${String(level)}"`);
  if (level === 'ratio' && m.values.some((v) => v < 0)) throw new RangeError('ratio values must not be negative');
  const d2 = alphaDifferences(level, m.values, m.marginals);
  let observed = 0;
  let expected = 0;
  m.values.forEach((_, c) =>
    m.values.forEach((_, k) => {
      observed += m.o[c][k] * d2[c][k];
      expected += m.marginals[c] * m.marginals[k] * d2[c][k];
    }),
  );
  const base = { pairable: m.n, units: m.units };
  if (m.n < 2) return { ...base, alpha: null, observedDisagreement: 0, expectedDisagreement: 0 };
  const observedDisagreement = observed / m.n;
  const expectedDisagreement = expected / (m.n * (m.n - 1));
  return {
    ...base,
    alpha: expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
  };
}
