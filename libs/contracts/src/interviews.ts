import type { MailLang, MailStatusSummary } from './mail';
/**
 * Live interviews: scheduling (REST, staff), the room (socket.io namespace /interviews, staff and
 * the candidate) and replay (REST, staff). Candidate-facing shapes carry no rubric, no probe, no
 * hidden test, no note and no question that has not been revealed: the API builds them from scratch.
 */
import type {
  AssessmentQuestionView,
  BilingualText,
  CodingDetailView,
  QuestionKind,
  RubricCriterionView,
} from './assessments';
import type { CandidateCustomRunResult, CandidateVisibleRunResult, CodeLanguage } from './attempts';
import type { SocketErrorAck } from './errors';

export type InterviewStatus = 'scheduled' | 'live' | 'ended';

/** Longest interview one can schedule, in minutes. */
export const MAX_INTERVIEW_MINUTES = 240;
/** Most questions and panel members one interview may have. */
export const MAX_INTERVIEW_QUESTIONS = 20;
export const MAX_PANEL_SIZE = 6;
/** Largest Yjs update (sync step 2 or update) one message may carry, in bytes. */
export const MAX_DOC_UPDATE_BYTES = 64_000;
/** Largest awareness update, in bytes. */
export const MAX_AWARENESS_BYTES = 4_000;
/** An interviewer's note, in UTF-8 bytes of Markdown. */
export const MAX_NOTE_BYTES = 60_000;

// ---- Scheduling (staff) ----

export interface ScheduleInterviewRequest {
  postingId: string;
  candidate: { name: string; email: string };
  /** Bank question ids (stable ids such as `coding.two-sum`), in the order they will be asked. */
  questionIds: string[];
  /** Staff user ids; each joins the room with their own account. */
  panel: string[];
  /** ISO time. */
  startsAt: string;
  durationMinutes: number;
  /** The language the coding questions are solved in. */
  language: CodeLanguage;
  /** The language of the candidate's mail (when mail is on); default zh. */
  candidateLang?: MailLang;
}

export interface InterviewPanelMember {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface InterviewSummary {
  id: string;
  postingId: string;
  postingTitle: string;
  candidate: { name: string; email: string };
  status: InterviewStatus;
  startsAt: string;
  durationMinutes: number;
  language: CodeLanguage;
  panel: InterviewPanelMember[];
  questionCount: number;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  /** True when the caller is on the panel and may join the room. */
  onPanel: boolean;
  /** The language of the candidate's mail. */
  candidateLang: MailLang;
}

/** A question as the panel sees it: rubric, probes and visible tests; hidden tests as a count only. */
export interface InterviewQuestionView {
  id: string;
  position: number;
  kind: QuestionKind;
  title: BilingualText;
  prompt: BilingualText;
  minutes: number;
  competencies: string[];
  rubric: RubricCriterionView[];
  probes: BilingualText[];
  coding?: CodingDetailView;
  revealedAt: string | null;
}

export interface InterviewDetail extends InterviewSummary {
  questions: InterviewQuestionView[];
  /** Notes the panel can read: the caller's own, and the others' once they shared them. */
  notes: InterviewNoteView[];
}

/** The candidate's link, shown once when the interview is scheduled or a new link is made. */
export interface InterviewLinkResponse {
  interview: InterviewSummary;
  /** The candidate's page: /live/<token>. The token is stored hashed and cannot be shown again. */
  link: string;
  /** The mail carrying the link and a calendar file, when mail is on; null: hand the link over yourself. */
  mail: MailStatusSummary | null;
}

export interface InterviewNoteView {
  authorId: string;
  authorName: string;
  body: string;
  shared: boolean;
  updatedAt: string;
}

/** GET /interviews query: filters and paging as the other listings. */
export interface InterviewListResponse {
  items: InterviewSummary[];
  total: number;
}

/** Questions one may choose from when scheduling: the posting's assessment first, then the bank. */
export type InterviewQuestionChoice = Pick<
  AssessmentQuestionView,
  'id' | 'kind' | 'title' | 'competencies' | 'minutes' | 'difficulty'
> & { inAssessment: boolean };

// ---- Replay (staff) ----

export type InterviewAuthorRole = 'interviewer' | 'candidate' | 'system';

export interface InterviewParticipant {
  /** Staff user id, or `candidate`. */
  id: string;
  name: string;
  role: InterviewAuthorRole;
  /** A CSS colour, the same for this person in the room, in cursors and in replay. */
  colour: string;
}

export interface ReplayUpdate {
  seq: number;
  /** Server time, ms since the epoch. */
  at: number;
  /** A participant id. */
  author: string;
  /** The Yjs update, base64. */
  update: string;
}

export type InterviewEventKind = 'start' | 'join' | 'leave' | 'reveal' | 'run' | 'end';

export interface InterviewEventView {
  at: number;
  kind: InterviewEventKind;
  /** A participant id. */
  actor: string;
  questionId?: string;
  /** run: who ran what and what came back. */
  run?: InterviewRunResult;
}

export interface InterviewReplay {
  interviewId: string;
  status: InterviewStatus;
  startedAt: string | null;
  endedAt: string | null;
  participants: InterviewParticipant[];
  questions: Pick<InterviewQuestionView, 'id' | 'position' | 'kind' | 'title'>[];
  /** Each question's document log, oldest first: applied in order to an empty Y.Doc it rebuilds the code. */
  logs: Record<string, ReplayUpdate[]>;
  events: InterviewEventView[];
}

// ---- The room (socket.io /interviews) ----

/** A question as the candidate sees it once revealed: no rubric, no probe, no hidden test. */
export interface InterviewCandidateQuestion {
  id: string;
  position: number;
  kind: QuestionKind;
  title: BilingualText;
  prompt: BilingualText;
  coding?: { examples: { input: unknown; expected: unknown; explanation?: BilingualText }[] };
}

export interface InterviewRoomState {
  interviewId: string;
  status: InterviewStatus;
  postingTitle: string;
  candidateName: string;
  language: CodeLanguage;
  startsAt: string;
  durationMinutes: number;
  startedAt: string | null;
  endedAt: string | null;
  /** Clients count the timer from this, never from their own clock. */
  serverTime: string;
  /** The question both sides are working on (the latest revealed), if any. */
  currentQuestionId: string | null;
  /** Everyone on the panel and the candidate, with who is connected now. */
  participants: (InterviewParticipant & { online: boolean })[];
  /** The caller's own identity in the room. */
  you: InterviewParticipant;
}

/** Staff sockets get the full questions; the candidate's socket only revealed ones, cut down. */
export type InterviewRoomQuestions =
  | { audience: 'staff'; questions: InterviewQuestionView[] }
  | { audience: 'candidate'; questions: InterviewCandidateQuestion[] };

/** A run of the current code, shared with everyone in the room. */
export interface InterviewRunResult {
  runId: string;
  questionId: string;
  /** Participant id of whoever pressed Run. */
  by: string;
  language: CodeLanguage;
  result: CandidateVisibleRunResult | CandidateCustomRunResult | { mode: 'error'; code: string; error: string };
}

export interface InterviewRunRequest {
  questionId: string;
  /** visible: the question's examples; custom: `solve(input)` on the given input. */
  mode: 'visible' | 'custom';
  input?: unknown;
}

/**
 * `message` is a y-protocols sync message (step 1, step 2 or update) for the question's document,
 * base64-encoded (one WebSocket frame per message instead of two for a binary attachment).
 */
export interface DocMessage {
  questionId: string;
  message: string;
}

/** `update` is a y-protocols awareness update (cursors and selections) for the question's document, base64. */
export interface AwarenessMessage {
  questionId: string;
  update: string;
}

export type OkAck = { ok: true } | SocketErrorAck;

/**
 * Handshake `auth`: staff `{ accessToken, interviewId }` (a panel member's sign-in token);
 * the candidate `{ link }` (the token of /live/<token>). A refused handshake is a connect_error
 * whose `data` is a SocketConnectErrorData.
 */
export interface InterviewClientEvents {
  /**
   * Sync step 1 asks for an acknowledgement and gets `{ messages }` back (base64): the server's step 2
   * then its own step 1, to answer with step 2. Step 2 and updates need none (one frame less per
   * edit): a refused one comes back as `doc:refused`; with an acknowledgement, it says `{ ok: true }` or why not.
   */
  'doc:sync': (msg: DocMessage, ack?: (res: { messages: string[] } | OkAck) => void) => void;
  /** As updates: a refusal comes back as `doc:refused` (or through the acknowledgement, if one is asked for). */
  'doc:awareness': (msg: AwarenessMessage, ack?: (res: OkAck) => void) => void;
  /** Staff only. Starts the interview (status live) if it has not started. */
  'question:reveal': (req: { questionId: string }, ack: (res: OkAck) => void) => void;
  /** Staff only. */
  'interview:start': (req: Record<string, never>, ack: (res: OkAck) => void) => void;
  /** Staff only: the code becomes read-only for everyone, the candidate's link stops working. */
  'interview:end': (req: Record<string, never>, ack: (res: OkAck) => void) => void;
  /** Either side; the result reaches everyone as `run:result`, the ack only says it was accepted. */
  'code:run': (req: InterviewRunRequest, ack: (res: { runId: string } | SocketErrorAck) => void) => void;
  /** Staff only: the caller's own note, whole (autosave). */
  'note:save': (req: { body: string }, ack: (res: { savedAt: string } | SocketErrorAck) => void) => void;
}

export interface InterviewServerEvents {
  'room:state': (state: InterviewRoomState) => void;
  'room:questions': (questions: InterviewRoomQuestions) => void;
  'doc:sync': (msg: DocMessage) => void;
  'doc:awareness': (msg: AwarenessMessage) => void;
  /** A document or cursor message of this socket's that was refused without an acknowledgement to carry it. */
  'doc:refused': (refusal: SocketErrorAck & { questionId: string }) => void;
  'run:started': (run: { runId: string; questionId: string; by: string }) => void;
  'run:result': (run: InterviewRunResult) => void;
  /** Staff only: the caller's own note as last saved (another tab of theirs saved it). */
  note: (note: InterviewNoteView) => void;
  /**
   * Sent before the server disconnects a candidate socket: another session took over
   * (`session-replaced`), or staff made a new link and this one no longer works (`link-replaced`).
   */
  'session-ended': (end: { code: 'session-replaced' | 'link-replaced' | 'interview-ended' }) => void;
}
