import type { IntegrityEventType, IntegrityEventView, IntegritySummary } from '@rubricon/contracts';

const KINDS: IntegrityEventType[] = ['paste', 'blur', 'focus', 'resize', 'hidden', 'visible', 'hidden-run'];
const LEAVES: IntegrityEventType[] = ['blur', 'hidden'];
const RETURNS: IntegrityEventType[] = ['focus', 'visible'];

/**
 * What HR reads first about the signals of an attempt (the full timeline stays available):
 * pastes and their characters, times away and how long, hidden-test runs, and every kind counted.
 * A time away starts when the page loses focus or is hidden and ends when it is back; blur and
 * hidden usually come together, so they open one time away, not two. One still open at the end
 * counts until `end` (the submission, or now).
 */
export function summariseIntegrity(timeline: IntegrityEventView[], end: Date): IntegritySummary {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<IntegrityEventType, number>;
  let pasteChars = 0;
  let awayCount = 0;
  let awayMs = 0;
  let awaySince: number | null = null;
  for (const event of timeline) {
    byKind[event.type] = (byKind[event.type] ?? 0) + 1;
    const at = Date.parse(event.at);
    if (event.type === 'paste') pasteChars += event.detail.size ?? 0;
    if (LEAVES.includes(event.type) && awaySince === null) {
      awaySince = at;
      awayCount++;
    } else if (RETURNS.includes(event.type) && awaySince !== null) {
      awayMs += Math.max(0, at - awaySince);
      awaySince = null;
    }
  }
  if (awaySince !== null) awayMs += Math.max(0, end.getTime() - awaySince);
  return {
    pastes: { count: byKind.paste, totalCharacters: pasteChars },
    away: { count: awayCount, totalMs: awayMs },
    runs: { count: byKind['hidden-run'] },
    byKind,
  };
}
