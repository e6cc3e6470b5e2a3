import type { MailLang, MailStatusSummary } from './mail';
/**
 * Timed online assessments. Candidate-facing shapes carry no rubric, no hidden test, no solution:
 * the API builds them from scratch rather than filtering staff shapes.
 */
import type { BilingualText, QuestionKind } from './assessments';
import type { SocketErrorAck } from './errors';

export type AttemptStatus = 'invited' | 'in_progress' | 'submitted' | 'expired';
/** The languages candidates write code in; every coding task has starter code in each. */
export const CODE_LANGUAGES = ['javascript', 'typescript', 'python'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];
/** Starter code of a coding task, one per language. */
export type StarterCode = Record<CodeLanguage, string>;
/** Reported by the candidate's browser, except `hidden-run` (a run against the hidden tests), which the server records. */
export type IntegrityEventType = 'paste' | 'blur' | 'focus' | 'resize' | 'hidden' | 'visible' | 'hidden-run';
export const MAX_HIDDEN_RUNS_PER_QUESTION = 10;

/** Upper bound of one saved answer, in UTF-8 bytes (code or Markdown). */
export const MAX_ANSWER_BYTES = 60_000;

/** Tabs or windows one attempt may have open at once; each is a socket. */
export const MAX_SOCKETS_PER_ATTEMPT = 5;

export interface CandidateQuestionView {
  id: string;
  kind: QuestionKind;
  title: BilingualText;
  prompt: BilingualText;
  minutes: number;
  /** Text answers: a suggested length in characters. */
  lengthGuidance?: { min: number; max: number };
  coding?: {
    starter: StarterCode;
    examples: { input: unknown; expected: unknown; explanation?: BilingualText }[];
    hiddenTestCount: number;
  };
}

export interface CandidateAnswer {
  questionId: string;
  content: string;
  language?: CodeLanguage;
  version: number;
  savedAt: string;
}

export interface CandidateAttemptView {
  attemptId: string;
  status: AttemptStatus;
  candidateName: string;
  title: string;
  durationMinutes: number;
  sections: { kind: QuestionKind; questionCount: number }[];
  /** Empty until the attempt has started. */
  questions: CandidateQuestionView[];
  answers: CandidateAnswer[];
  startedAt: string | null;
  deadline: string | null;
  /** Computed by the server at response time; clients count down from it, never from their clock. */
  remainingMs: number | null;
  serverTime: string;
  submittedAt: string | null;
}

export interface CandidateSessionResponse {
  accessToken: string;
  attemptId: string;
}

export interface SaveAnswerRequest {
  attemptId: string;
  questionId: string;
  content: string;
  language?: CodeLanguage;
  /** The new version: one more than the version this edit was based on (1 for a first save). */
  version: number;
}

export interface SaveAnswerAck {
  questionId: string;
  version: number;
  savedAt: string;
}

export interface IntegrityEventRequest {
  attemptId: string;
  type: Exclude<IntegrityEventType, 'hidden-run'>;
  /** The question on screen when it happened, if any. */
  questionId?: string;
  /** paste: { size }; resize: { width, height } */
  detail?: Record<string, number>;
}

export interface CandidateRunRequest {
  questionId: string;
  language: CodeLanguage;
  code: string;
  /** visible: the examples, with outputs; hidden: the hidden tests, counts only; custom: the candidate's own input. */
  mode: 'visible' | 'hidden' | 'custom';
  /** Mode custom only (and required there): the JSON value passed as `solve(input)`. */
  input?: unknown;
}

/** Upper bound of a custom run's input, in bytes of its JSON text. */
export const MAX_CUSTOM_INPUT_BYTES = 16 * 1024;

export interface CandidateVisibleRunResult {
  mode: 'visible';
  verdict: string;
  tests: { verdict: string; passed: boolean; durationMs: number; output?: string; error?: string; logs?: string[] }[];
}

/** A run on the candidate's own input: there is no expected value, so no pass or fail; `ok` when solve returned. */
export interface CandidateCustomRunResult {
  mode: 'custom';
  verdict: 'ok' | 'error' | 'timeout' | 'memory' | 'crashed';
  durationMs: number;
  output?: string;
  error?: string;
  logs?: string[];
}

export interface CandidateHiddenRunResult {
  mode: 'hidden';
  passed: number;
  total: number;
}

/**
 * Socket.io namespace /attempts: handshake `auth: { token }` with the candidate access token. A
 * refused handshake is a connect_error whose `data` is a SocketConnectErrorData (errors.ts).
 */
export interface AttemptClientEvents {
  'save-answer': (req: SaveAnswerRequest, ack: (res: SaveAnswerAck | SocketErrorAck) => void) => void;
  'report-event': (req: IntegrityEventRequest, ack: (res: { ok: true } | SocketErrorAck) => void) => void;
}

export interface AttemptServerEvents {
  /** Sent on connect and whenever the status or the deadline changes (the server submitted, staff gave extra time). */
  'attempt-state': (state: {
    attemptId: string;
    status: AttemptStatus;
    remainingMs: number | null;
    deadline: string | null;
  }) => void;
  /**
   * This socket's session is over, sent just before the server disconnects it. `session-replaced`:
   * the same link was opened in another window or on another device, which now carries on;
   * `session-ended`: the link was withdrawn or replaced by a new one.
   */
  'session-ended': (end: { attemptId: string; code: 'session-replaced' | 'session-ended' }) => void;
}

// ---- HR ----

export interface InviteCandidatesRequest {
  /** `lang`: this candidate's mail language, over the request's. */
  candidates: { name: string; email: string; lang?: MailLang }[];
  /** Days the link stays valid; default 7. */
  expiresInDays?: number;
  /** The candidates' mail language; default: the assessment's. */
  lang?: MailLang;
}

export interface InvitationLink {
  invitationId: string;
  attemptId: string;
  candidate: { name: string; email: string };
  /** Shown once: only a hash of the token is stored. */
  url: string;
  token: string;
  expiresAt: string;
  /** The mail that carries the link, when mail is on; null: hand the link over yourself. */
  mail: MailStatusSummary | null;
}

/** What staff changed about an attempt: `new-link` (a resent link), `extra-time`, `revoked`. */
export type AttemptAdjustmentKind = 'new-link' | 'extra-time' | 'revoked';

/** Upper bound of one grant of extra time, in minutes. */
export const MAX_EXTRA_MINUTES = 240;

export interface AttemptAdjustment {
  kind: AttemptAdjustmentKind;
  /** extra-time only: the minutes added. */
  minutes: number | null;
  /** The staff user who made it. */
  by: { id: string; name: string | null };
  at: string;
}

export interface ExtraTimeRequest {
  /** Whole minutes, 1..MAX_EXTRA_MINUTES, added to the attempt's deadline (or, before the start, to its time allowed). */
  minutes: number;
}

export interface AttemptSummary {
  attemptId: string;
  invitationId: string;
  candidate: { id: string; name: string; email: string };
  status: AttemptStatus;
  invitation: { expiresAt: string; revokedAt: string | null; usedAt: string | null };
  startedAt: string | null;
  deadline: string | null;
  submittedAt: string | null;
  submittedBy: 'candidate' | 'deadline' | null;
  /** Extra time staff gave, in minutes, included in `deadline`. */
  extraMinutes: number;
  /** Auto-scored coding share so far, 0..100; null until graded. */
  autoScorePercent: number | null;
  integrityEventCount: number;
  /** The newest mail to the candidate about this attempt; null when none was sent (or mail is off). */
  mail: MailStatusSummary | null;
  /** The language the candidate's mail is written in. */
  mailLang: MailLang;
}

export interface IntegrityEventView {
  type: IntegrityEventType;
  detail: Record<string, number>;
  at: string;
  questionId?: string;
}

/**
 * One question of an attempt for HR, answered or not: `number` is the candidate's own numbering
 * (the assessment's one question order). Unanswered: `answered: false`, content '', version 0,
 * savedAt null.
 */
export interface AttemptAnswer extends Omit<CandidateAnswer, 'savedAt'> {
  number: number;
  answered: boolean;
  kind: QuestionKind;
  title: BilingualText;
  savedAt: string | null;
  grading?: { passed: number; total: number; score: number; criterionId: string | null; criterionScore: number };
}

/** The integrity signals of an attempt in a few numbers, computed by the server; the timeline has them all. */
export interface IntegritySummary {
  pastes: { count: number; totalCharacters: number };
  /** Times the page lost focus or was hidden, and how long in all (one still open counts until submission or now). */
  away: { count: number; totalMs: number };
  /** Hidden-test runs (the server's own signal). */
  runs: { count: number };
  /** Every kind of signal counted, zero included. */
  byKind: Record<IntegrityEventType, number>;
}

export interface AttemptDetail extends AttemptSummary {
  assessmentId: string;
  /** Every question of the assessment in the candidate's order, unanswered ones included. */
  answers: AttemptAnswer[];
  integritySummary: IntegritySummary;
  timeline: IntegrityEventView[];
  /** New links, extra time and revocations by staff, oldest first. */
  adjustments: AttemptAdjustment[];
}
