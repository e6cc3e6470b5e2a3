/**
 * How the API refuses. Every REST error is `ErrorResponse` with a 4xx or 5xx status; every socket
 * event the server refuses acknowledges `SocketErrorAck`. `message` is English, written for a
 * person. Refusals a candidate can meet also carry `code`, stable and machine-readable, so the
 * candidate page (Chinese or English) can say the same thing in the candidate's language; a page
 * that does not know a code shows `message`. Validation errors and staff routes carry no code.
 */
export const CANDIDATE_ERROR_CODES = [
  // Opening a session (POST /candidate/sessions) and starting.
  /** No invitation has this link (404). */
  'link-unknown',
  /** The link is spent: it started the assessment (a reload keeps its session; another browser needs a new link) (410). */
  'link-used',
  /** The invitation expired before the assessment was started (410). */
  'link-expired',
  /** HR withdrew the invitation (410). */
  'link-revoked',
  /** The assessment has been submitted: opening it again, saving into it (410, 409). */
  'already-submitted',
  /** The candidate access token is expired, replaced by a newer session, or withdrawn (401; socket connect_error). */
  'session-ended',
  /** The access token belongs to another attempt than the one named (403, 404). */
  'wrong-attempt',
  /** The attempt no longer exists (404). */
  'attempt-unknown',
  /** The assessment has no such question, or no such coding question (404). */
  'question-unknown',
  /** Saving or submitting before the Start button (409). */
  'not-started',
  /** Running code or recording signals when the attempt is not in progress (409). */
  'not-in-progress',
  /** The deadline has passed: the last saved answers are (or were) submitted automatically (409). */
  'time-up',
  // Saving answers.
  /** A newer version of this answer is already saved, e.g. from another tab (409). */
  'stale-version',
  /** The save's version is not one more than the saved one (409). */
  'version-skipped',
  /** Over MAX_ANSWER_BYTES in UTF-8 (400). */
  'answer-too-long',
  /** A coding answer without its language (400). */
  'language-required',
  /** Over the per-attempt save budget (429). */
  'too-many-saves',
  /** Over the per-attempt budget of integrity signals (429). */
  'too-many-signals',
  // Running code.
  /** Over the per-attempt cap on code runs a minute (429). */
  'too-many-runs',
  /** All MAX_HIDDEN_RUNS_PER_QUESTION hidden-test runs of this question are used (429). */
  'hidden-runs-exhausted',
  /** Another run of this attempt has not finished yet (429). */
  'run-in-progress',
  /** The code runner is full or shutting down (503). */
  'sandbox-busy',
  // Anything else.
  /** Over the per-client cap on session openings (429). */
  'too-many-requests',
  /** Over MAX_SOCKETS_PER_ATTEMPT open sockets for one attempt (socket connect_error). */
  'too-many-tabs',
] as const;

export type CandidateErrorCode = (typeof CANDIDATE_ERROR_CODES)[number];

export function isCandidateErrorCode(value: unknown): value is CandidateErrorCode {
  return typeof value === 'string' && (CANDIDATE_ERROR_CODES as readonly string[]).includes(value);
}

/** The body of every REST error. */
export interface ErrorResponse {
  message: string;
  code?: CandidateErrorCode;
}

/** The acknowledgement of a refused socket event. */
export interface SocketErrorAck {
  error: string;
  code?: CandidateErrorCode;
}

/**
 * A refused socket handshake: socket.io clients get `connect_error` with the English text as the
 * error's `message` and this as its `data`.
 */
export interface SocketConnectErrorData {
  code: CandidateErrorCode;
}
