/**
 * How the API refuses: every REST error is `ErrorResponse` (a 4xx or 5xx status), every refused
 * socket event acknowledges `SocketErrorAck`, and both carry a stable `code` from `ERRORS`. Clients
 * word codes in their own language and never match the English `message`. `ERRORS` is also the one
 * place where each refusal is worded in English: `{name}` in a message is filled in by the thrower.
 */
export const ERRORS = {
  // --- Any route.
  /** A body, query or payload that fails validation; the message lists what is wrong. */
  'invalid-request': { status: 400, message: '{detail}' },
  /** A JSON body that does not parse. */
  'invalid-json': { status: 400, message: 'The request body is not valid JSON.' },
  /** JSON nested deeper than MAX_NESTING_DEPTH. */
  'too-deeply-nested': {
    status: 400,
    message: '{what} is nested too deeply (more than {depth} levels of objects and arrays).',
  },
  /** A body that is not UTF-8. */
  'unsupported-encoding': { status: 415, message: 'The request body must be UTF-8.' },
  /** A body or an upload over its limit. */
  'body-too-large': { status: 413, message: '{detail}' },
  /** No such route, or nothing there the caller may see. */
  'not-found': { status: 404, message: '{detail}' },
  /** A socket event this namespace does not know. */
  'unknown-event': { status: 404, message: 'Unknown event "{event}". Known events: {known}.' },
  /** The generic per-client request cap. */
  'too-many-requests': { status: 429, message: 'Too many requests; wait a minute and try again.' },
  /** Something failed on the server; it is logged, and nothing about it is revealed. */
  'internal-error': { status: 500, message: 'Something went wrong on our side; it has been logged.' },
  /** The database does not answer (health check). */
  'database-unavailable': { status: 503, message: 'The database does not answer.' },

  // --- Staff sign-in and roles.
  'sign-in-required': { status: 401, message: 'Sign in first: this request has no bearer token.' },
  'sign-in-expired': { status: 401, message: 'Your session has expired or the token is invalid; sign in again.' },
  'account-inactive': { status: 401, message: 'This account no longer exists or has been deactivated.' },
  'password-changed': { status: 401, message: 'Your session has ended because the password changed; sign in again.' },
  'wrong-credentials': { status: 401, message: 'Wrong email or password.' },
  'credentials-required': { status: 400, message: 'Enter your email and password.' },
  'too-many-sign-ins': { status: 429, message: 'Too many sign-in attempts; wait a minute and try again.' },
  'role-required': { status: 403, message: 'This action needs one of the roles: {roles}.' },

  // --- Users.
  'user-not-found': { status: 404, message: 'No such user.' },
  'email-taken': { status: 409, message: 'A user with the email {email} already exists.' },
  'self-demotion': { status: 400, message: 'You cannot deactivate yourself or remove your own admin role.' },
  'role-unknown': { status: 400, message: 'There is no role "{role}"; the roles are: {roles}.' },
  'email-invalid': { status: 400, message: '"{email}" is not a valid email address.' },
  'name-required': { status: 400, message: 'Enter a name.' },
  'password-too-short': { status: 400, message: 'The password must be at least {min} characters long.' },

  // --- Postings.
  'posting-not-found': { status: 404, message: 'No such posting.' },
  'import-missing': {
    status: 400,
    message: 'Send a posting document: a multipart upload in the field "file", or JSON { "text": "…" }.',
  },
  'import-unreadable': { status: 422, message: '{detail}' },
  'nothing-to-change': { status: 400, message: 'Nothing to change: send at least one field.' },
  'title-required': { status: 400, message: 'Enter a title.' },
  'duties-required': { status: 400, message: 'A posting needs at least one duty line.' },
  'line-empty': { status: 400, message: 'Lines cannot be empty; remove the empty ones.' },
  'posting-in-use': {
    status: 409,
    message: 'This posting has assessments, and their candidates’ work depends on it; it cannot be deleted.',
  },
  // Why a posting document (or a candidates CSV: file-*) could not be read.
  'import-too-large': {
    status: 413,
    message: 'The document is {bytes} bytes, more than the {max}-byte limit. Split it into smaller files.',
  },
  'file-not-text': { status: 422, message: 'This file looks binary, not like text; upload a text file.' },
  'file-not-utf8': {
    status: 422,
    message: 'This file is not UTF-8 text (perhaps GBK). Save it as UTF-8 (in Excel: "CSV UTF-8") and upload it again.',
  },
  'import-empty': { status: 422, message: 'The document is empty.' },
  'import-unsupported-type': {
    status: 422,
    message: 'Files of type ".{extension}" are not supported; upload one of: {supported}.',
  },
  'import-table-header-missing': {
    status: 422,
    message: 'The table has no header row with a title column and a duties column.',
  },
  'import-table-columns-missing': {
    status: 422,
    message: 'The header on row {line} ({header}) has no column for: {missing}.',
  },
  'import-table-row-cells': { status: 422, message: 'Row {line} has {cells} cells but the header has {expected}.' },
  'import-no-duties': {
    status: 422,
    message:
      'No posting with at least one duty line was found. Put the duties under a heading such as "岗位职责" or "Responsibilities", one per line.',
  },
  'import-too-many-lines': {
    status: 422,
    message: 'Posting "{title}" has {count} {kind} lines; a posting may have at most {max}.',
  },
  'import-line-too-long': {
    status: 422,
    message: 'Posting "{title}": {kind} line {line} is {length} characters long; a line may have at most {max}.',
  },
  'import-too-complex': {
    status: 422,
    message: 'The document’s layout is more than the importer can handle; simplify it or split it into smaller files.',
  },

  // --- Question bank and assessments.
  'bank-question-not-found': { status: 404, message: 'The question bank has no question "{id}".' },
  'assessment-not-found': { status: 404, message: 'No such assessment.' },
  'duration-out-of-range': {
    status: 400,
    message: 'The duration must be from {min} to {max} minutes (got {minutes}).',
  },
  'assessment-published': {
    status: 409,
    message: 'This assessment is published and can no longer change; generate a new draft instead.',
  },
  'assessment-not-published': { status: 409, message: 'Publish the assessment before inviting candidates.' },
  'question-already-added': { status: 409, message: '{id} is already in this assessment.' },
  'question-not-in-assessment': { status: 404, message: '{id} is not in this assessment.' },
  'last-question': {
    status: 400,
    message: 'An assessment needs at least one question; add another before removing this one.',
  },
  'swap-not-allowed': {
    status: 400,
    message:
      '{replacement} cannot replace {id}: it must be a {kind} question sharing a competency and not already used.',
  },

  // --- Invitations (staff side).
  'candidates-missing': {
    status: 400,
    message: 'Send a CSV file in the field "file", or JSON { "text": "name,email\\n…" }.',
  },
  'candidates-unreadable': { status: 422, message: '{detail}' },
  'invitation-not-found': { status: 404, message: 'No such invitation.' },
  'attempt-not-found': { status: 404, message: 'No such attempt.' },
  'nothing-to-resend': { status: 409, message: 'This attempt has been submitted; there is nothing to resend.' },
  'candidate-already-invited': {
    status: 409,
    message: '{email} is already invited to this assessment; revoke that invitation first to invite them again.',
  },
  // Why a candidates CSV could not be used (line numbers count the header as line 1).
  'csv-empty': { status: 422, message: 'The CSV needs a header row (name,email) and at least one candidate.' },
  'csv-language-invalid': {
    status: 422,
    message:
      'Line {line}: the language "{value}" is not one the mail can be written in; write zh or en (or leave it empty).',
  },
  'csv-columns-missing': {
    status: 422,
    message: 'The CSV header must name the columns "name" and "email"; found: {found}.',
  },
  'csv-row-invalid': {
    status: 422,
    message: 'Line {line}: each candidate needs a name and a valid email (got "{name}", "{email}").',
  },
  'csv-too-many': { status: 422, message: 'Invite at most {max} candidates per file.' },
  'csv-duplicate-email': {
    status: 422,
    message:
      'The email {email} appears on lines {lines} ({count} repeated emails in all). Invite each person once: remove the extra rows or correct the addresses.',
  },
  'extra-time-invalid': { status: 400, message: 'Extra time must be a whole number of minutes from 1 to {max}.' },
  'attempt-closed': {
    status: 409,
    message: 'This attempt is over (submitted, or its deadline has passed); its time can no longer change.',
  },

  // --- Code runs (staff and candidates).
  'invalid-run': { status: 400, message: '{detail}' },
  'code-empty': { status: 400, message: 'The code is empty; write a solution before running it.' },
  'code-too-long': { status: 400, message: 'The code is {bytes} bytes; the limit is {max} bytes.' },
  'too-many-runs': { status: 429, message: 'Too many code runs; wait a minute and try again.' },
  'run-in-progress': { status: 429, message: '{detail}' },
  'sandbox-busy': { status: 503, message: '{detail}' },
  'hidden-runs-exhausted': {
    status: 429,
    message: 'You have used all {max} hidden-test runs for this question; your saved code is graded at the end.',
  },

  // --- Candidates: opening a session and starting.
  'link-unknown': { status: 404, message: 'This invitation link is not valid. Check that you opened the whole link.' },
  /** No longer given (a link now resumes its attempt until it is over); kept for pages that still know it. */
  'link-used': {
    status: 410,
    message: 'This invitation link has already been used. Ask the recruiter to send you a new link.',
  },
  'link-expired': { status: 410, message: 'This invitation expired on {date}. Ask the recruiter for a new link.' },
  'link-revoked': { status: 410, message: 'This invitation has been withdrawn. Please contact the recruiter.' },
  'already-submitted': { status: 409, message: 'This assessment has been submitted; answers can no longer change.' },
  'session-ended': {
    status: 401,
    message:
      'This session has ended (it expired, or its link was withdrawn or replaced by a new one). Open your latest invitation link again.',
  },
  'session-replaced': {
    status: 401,
    message:
      'This assessment was continued in another window or on another device; this page no longer saves. Open the link again to continue here.',
  },
  'wrong-attempt': { status: 403, message: 'This session belongs to another attempt.' },
  'attempt-unknown': { status: 404, message: 'No such attempt.' },
  'question-unknown': { status: 404, message: 'This assessment has no question {id}.' },
  'not-started': { status: 409, message: 'Start the assessment first.' },
  'not-in-progress': { status: 409, message: 'The assessment is not in progress.' },
  'time-up': {
    status: 409,
    message: 'The time is up: answers can no longer change. Your last saved answers are submitted automatically.',
  },
  // Saving answers.
  'stale-version': {
    status: 409,
    message: 'A newer version of this answer is already saved (version {saved}); reload to continue from it.',
  },
  'version-skipped': {
    status: 409,
    message: 'This save skips versions: the saved answer is version {saved}, so the next save must be version {next}.',
  },
  'answer-too-long': { status: 400, message: 'The answer is too long (more than {kb} KB).' },
  'language-required': {
    status: 400,
    message: 'A coding answer needs its language: javascript, typescript or python.',
  },
  'too-many-saves': {
    status: 429,
    message: 'Too many saves in a short time; your answer stays on this page and is saved again in a few seconds.',
  },
  'too-many-signals': {
    status: 429,
    message: 'Too many signals in a short time; they are advisory and were not all recorded.',
  },
  'too-many-tabs': {
    status: 429,
    message: 'This assessment is open in {count} tabs or windows already; close the others and reload this one.',
  },

  // --- Live interviews.
  'interview-not-found': { status: 404, message: 'No such interview, or you are not allowed to see it.' },
  'not-on-panel': {
    status: 403,
    message: "You are not on this interview's panel; ask whoever scheduled it to add you.",
  },
  'staff-only': { status: 403, message: 'Only the interviewers can do this.' },
  'panel-required': { status: 400, message: 'Choose at least one interviewer for the panel (at most {max}).' },
  'panel-member-unknown': {
    status: 400,
    message: 'One of the chosen interviewers is not an active staff user; choose the panel from the staff list.',
  },
  'interview-questions-required': { status: 400, message: 'Choose between 1 and {max} questions, each once.' },
  'interview-start-invalid': { status: 400, message: 'The start time must be a valid date and time.' },
  'interview-ended': { status: 409, message: 'This interview has ended: the code can no longer change.' },
  'interview-not-started': { status: 409, message: 'The interview has not started yet; wait for the interviewer.' },
  'question-not-revealed': { status: 403, message: 'This question has not been revealed yet.' },
  'question-not-in-interview': { status: 404, message: 'This interview has no such question.' },
  'update-too-large': {
    status: 413,
    message: 'This change is too large to send at once (more than {kb} KB); paste it in parts.',
  },
  'update-invalid': {
    status: 400,
    message: 'This change could not be read ({detail}); it was ignored and the document is unchanged.',
  },
  'update-out-of-step': {
    status: 409,
    message:
      'This change builds on changes the room does not have (an earlier one was refused); reload the page to continue.',
  },
  'update-not-allowed': { status: 403, message: 'Only the code of a revealed question can be edited.' },
  'too-many-updates': {
    status: 429,
    message: 'Too many changes in a short time; slow down, nothing already sent is lost.',
  },
  'note-too-long': { status: 400, message: 'The note is too long (more than {kb} KB).' },
  'notes-not-shareable': { status: 409, message: 'Notes can be shared with the panel once the interview has ended.' },

  // --- Mail to candidates.
  'mail-disabled': {
    status: 409,
    message: 'Mail is not set up on this server (SMTP_URL is unset): copy the link or the text and send it yourself.',
  },
  'mail-not-found': { status: 404, message: 'No such mail.' },
  'mail-not-finished': {
    status: 409,
    message: 'This mail is still queued or being sent; wait for its outcome before sending it again.',
  },
  'mail-cancelled': {
    status: 409,
    message: 'This mail was cancelled because it no longer applied ({reason}); there is nothing to send again.',
  },
  'mail-link-gone': {
    status: 409,
    message:
      'The link in this mail was kept only until it was sent; send a new link instead (the old one stops working).',
  },
  'mail-rate-limited': {
    status: 429,
    message: '{email} has been sent {count} mails in the past hour, the most allowed; try again after {retryAt}.',
  },
  'reminders-invalid': {
    status: 400,
    message:
      'A reminder before expiry must be 1 to {maxHours} hours, one before the deadline 1 to {maxMinutes} minutes; leave it empty for none.',
  },

  // --- Scoring and scorecards.
  'subject-not-found': {
    status: 404,
    message: 'No such attempt or interview to score, or you are not allowed to see it.',
  },
  'not-assigned': {
    status: 404,
    message: 'You are not assigned to score this candidate; HR assigns raters.',
  },
  'rater-unknown': {
    status: 400,
    message: 'One of the chosen raters is not an active staff user; choose raters from the staff list (at most {max}).',
  },
  'rater-has-submitted': {
    status: 409,
    message: '{name} has already submitted scores for this candidate; a rater who has submitted cannot be removed.',
  },
  'not-ready-to-score': {
    status: 409,
    message: 'There is nothing to score yet: the attempt has not been submitted or the interview has not ended.',
  },
  'sheet-submitted': {
    status: 409,
    message: 'Your scores are submitted; change a score through an amendment, with a reason.',
  },
  'sheet-not-submitted': { status: 409, message: 'Submit your scores first; amendments are for submitted scores.' },
  'sheet-incomplete': {
    status: 422,
    message: 'Criteria without a score yet: {missing}. Give each a level from 1 to 5 or mark it "no evidence".',
  },
  'criterion-unknown': { status: 400, message: 'Question {questionId} has no rubric criterion {criterionId}.' },
  'level-invalid': {
    status: 400,
    message: 'A level must be a whole number from 1 to 5, or null for "no evidence" (got {level}).',
  },
  'reason-required': {
    status: 400,
    message: 'Give a reason of at least {min} characters; it is kept with the original score.',
  },
  'amendment-empty': { status: 400, message: 'Send either a score or a recommendation to amend.' },
  'scores-withheld': {
    status: 403,
    message: "Submit your own scores for this candidate first; others' scores are hidden until you do.",
  },
  'scorecard-not-found': { status: 404, message: 'This candidate has nothing scored or to score for this posting.' },
  'compare-too-many': { status: 400, message: 'Compare from 1 to {max} candidates at a time.' },

  // --- Readiness and shutdown (several instances behind a proxy).
  /** The readiness probe: a dependency this instance needs does not answer; the proxy sends traffic elsewhere. */
  'not-ready': { status: 503, message: 'This server is not ready: {failed} did not answer.' },
  /** SIGTERM received: the readiness probe, new socket connections and late socket events get this. */
  'shutting-down': { status: 503, message: 'This server is restarting; try again in a moment.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

/** The values that fill a refusal's `{name}` placeholders; never secrets or tokens. */
export type ErrorParams = Record<string, string | number>;

/** The English message of `code`, with its `{name}` placeholders filled in from `params`. */
export function errorMessage(code: ErrorCode, params: ErrorParams = {}): string {
  return ERRORS[code].message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The refusals a candidate can meet: the candidate page words each of them in Chinese and English. */
export const CANDIDATE_ERROR_CODES = [
  'link-unknown',
  'link-used',
  'link-expired',
  'link-revoked',
  'already-submitted',
  'session-ended',
  'session-replaced',
  'wrong-attempt',
  'attempt-unknown',
  'question-unknown',
  'not-started',
  'not-in-progress',
  'time-up',
  'stale-version',
  'version-skipped',
  'answer-too-long',
  'language-required',
  'too-many-saves',
  'too-many-signals',
  'too-many-runs',
  'hidden-runs-exhausted',
  'code-empty',
  'code-too-long',
  'run-in-progress',
  'sandbox-busy',
  'too-many-requests',
  'too-many-tabs',
  'interview-ended',
  'interview-not-started',
  'question-not-revealed',
  'question-not-in-interview',
  'update-too-large',
  'update-invalid',
  'update-not-allowed',
  'update-out-of-step',
  'too-many-updates',
  'staff-only',
  'shutting-down',
] as const satisfies readonly ErrorCode[];

export type CandidateErrorCode = (typeof CANDIDATE_ERROR_CODES)[number];

export function isCandidateErrorCode(value: unknown): value is CandidateErrorCode {
  return typeof value === 'string' && (CANDIDATE_ERROR_CODES as readonly string[]).includes(value);
}

/** The body of every REST error. */
export interface ErrorResponse {
  message: string;
  code: ErrorCode;
  /** What filled the English message's placeholders, so clients can word the code with them; absent when none. */
  params?: ErrorParams;
}

/** The acknowledgement of a refused socket event. */
export interface SocketErrorAck {
  error: string;
  code: ErrorCode;
  /** As in ErrorResponse. */
  params?: ErrorParams;
}

/**
 * A refused socket handshake: socket.io clients get `connect_error` with the English text as the
 * error's `message` and this as its `data`.
 */
export interface SocketConnectErrorData {
  code: ErrorCode;
}
