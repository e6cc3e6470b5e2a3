import type { CandidateErrorCode, ErrorCode } from '@rubricon/contracts';

/**
 * What the page does about a refused save, decided by its code (both transports, socket ack and
 * REST, carry the same codes). Free of React and sockets so a unit test can read it.
 */

/** The server would repeat these on retry: stop retrying and reconcile with its view instead. */
const FINAL: ReadonlySet<ErrorCode> = new Set<CandidateErrorCode>([
  'stale-version',
  'version-skipped',
  'time-up',
  'already-submitted',
  'not-started',
]);

/** Another tab saved this answer first: rebase on the saved version and save this text again. */
const STALE: ReadonlySet<ErrorCode> = new Set<CandidateErrorCode>(['stale-version', 'version-skipped']);

/** A save with no code (a proxy's error page, a lost connection) is worth retrying. */
export function isFinalSaveRefusal(code: ErrorCode | undefined): boolean {
  return code !== undefined && FINAL.has(code);
}

export function isStaleSave(code: ErrorCode | undefined): boolean {
  return code !== undefined && STALE.has(code);
}
