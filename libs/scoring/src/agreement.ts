import type { AgreementFigures } from '@rubricon/contracts';
import { alphaCoincidences, alphaOfCoincidences } from './alpha';
import { alphaBand, iccBand } from './bands';
import { calibrationOfUnits, raterCalibration } from './calibration';
import { icc } from './icc';

/** One rater's level on one rated answer (a unit: subject, question, criterion). No-evidence is not a level. */
export interface Rating {
  unit: string;
  rater: string;
  level: number;
}

/** Ratings grouped by unit: unit -> rater -> level. */
export function byUnit(ratings: readonly Rating[]): Map<string, Map<string, number>> {
  const units = new Map<string, Map<string, number>>();
  for (const r of ratings) {
    let unit = units.get(r.unit);
    if (!unit) units.set(r.unit, (unit = new Map()));
    unit.set(r.rater, r.level);
  }
  return units;
}

const finite = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * Agreement over a set of ratings:
 * - Krippendorff's alpha (ordinal, interval) over every unit with two or more levels: it allows any
 *   rater on any unit and missing ratings.
 * - ICC in all six Shrout & Fleiss forms over the units rated by the most common *set* of raters (the
 *   same k people on each unit, so the two-way forms mean what they say); null with fewer than two
 *   such units.
 * The band of ICC(2,1) (single rater, absolute agreement) is given because a candidate's level from
 * one rater is what the panel mean is built from and absolute levels are what rank candidates.
 */
export function agreement(ratings: readonly Rating[]): AgreementFigures {
  return agreementOfUnits(byUnit(ratings).values());
}

/** The same from ratings already grouped by unit (rater -> level), so that a posting's are grouped once. */
export function agreementOfUnits(grouped: Iterable<ReadonlyMap<string, number>>): AgreementFigures {
  const units = [...grouped].filter((u) => u.size >= 2);
  // One coincidence matrix serves both levels of measurement.
  const coincidences = alphaCoincidences(units.map((u) => [...u.values()]));
  const ordinal = units.length > 0 ? finite(alphaOfCoincidences(coincidences, 'ordinal').alpha) : null;
  const interval = units.length > 0 ? finite(alphaOfCoincidences(coincidences, 'interval').alpha) : null;

  const bySet = new Map<string, ReadonlyMap<string, number>[]>();
  for (const unit of units) {
    const key = [...unit.keys()].sort().join('\u0000');
    const list = bySet.get(key) ?? [];
    list.push(unit);
    bySet.set(key, list);
  }
  let best: { raters: string[]; units: ReadonlyMap<string, number>[] } | null = null;
  for (const [key, list] of bySet) {
    const raters = key.split('\u0000');
    if (
      !best ||
      list.length > best.units.length ||
      (list.length === best.units.length && raters.length > best.raters.length)
    ) {
      best = { raters, units: list };
    }
  }
  let iccFigures: AgreementFigures['icc'] = null;
  if (best && best.units.length >= 2) {
    const matrix = best.units.map((u) => best.raters.map((r) => u.get(r) as number));
    const result = icc(matrix);
    iccFigures = { k: best.raters.length, units: best.units.length, values: result.values };
  }
  const icc21 = finite(iccFigures?.values['ICC(2,1)']);
  return {
    units: units.length,
    alphaOrdinal: ordinal,
    alphaInterval: interval,
    alphaBand: ordinal === null ? null : alphaBand(ordinal),
    icc: iccFigures,
    iccBand: icc21 === null ? null : iccBand(icc21),
  };
}

/** Each rater's mean offset from the panel on the units they share with someone. */
export function calibration(ratings: readonly Rating[]) {
  return raterCalibration(ratings.map((r) => ({ unit: r.unit, rater: r.rater, value: r.level })));
}

export { calibrationOfUnits };
