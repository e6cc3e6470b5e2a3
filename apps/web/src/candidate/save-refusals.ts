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

/** This page's session is over: another window took over (session-replaced), or the link changed or was withdrawn. */
export type SessionEnd = Extract<CandidateErrorCode, 'session-replaced' | 'session-ended'>;
const SESSION_ENDS: ReadonlySet<ErrorCode> = new Set<SessionEnd>(['session-replaced', 'session-ended']);

export function sessionEndOf(code: ErrorCode | undefined): SessionEnd | undefined {
  return code !== undefined && SESSION_ENDS.has(code) ? (code as SessionEnd) : undefined;
}

/** A save with no code (a proxy's error page, a lost connection) is worth retrying; one from an ended session never is. */
export function isFinalSaveRefusal(code: ErrorCode | undefined): boolean {
  return code !== undefined && (FINAL.has(code) || SESSION_ENDS.has(code));
}

export function isStaleSave(code: ErrorCode | undefined): boolean {
  return code !== undefined && STALE.has(code);
}
