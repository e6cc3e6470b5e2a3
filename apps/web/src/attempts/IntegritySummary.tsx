import type { AttemptDetail } from '@rubricon/contracts';

export function IntegritySummary(_: { detail: AttemptDetail }) {
  return null;
}
