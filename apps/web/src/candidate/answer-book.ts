import {
  MAX_ANSWER_BYTES,
  type CandidateAttemptView,
  type CodeLanguage,
  type SaveAnswerAck,
  type SaveAnswerRequest,
} from '@rubricon/contracts';

/** `too-long`: over MAX_ANSWER_BYTES, so not sent at all; the last saved version stands until it is shortened. */
export type SaveState = 'empty' | 'unsaved' | 'saving' | 'saved' | 'too-long';

export interface AnswerEntry {
  content: string;
  language?: CodeLanguage;
  /** The last version the server acknowledged (0: never saved). */
  version: number;
  state: SaveState;
  /** The request in flight, if any: only one per question, so versions never race each other. */
  inFlight: SaveAnswerRequest | null;
}

/**
 * The candidate's answers and their save state, free of React and sockets so the version rules
 * can be tested alone: every save sends the last acknowledged version + 1, and an answer is only
 * "saved" when the server acknowledged exactly what is on screen.
 */
export class AnswerBook {
  private readonly entries = new Map<string, AnswerEntry>();

  constructor(private readonly attemptId: string) {}

  /** Loads the server's answers; a coding question without one starts from its JavaScript starter. */
  static fromView(view: CandidateAttemptView): AnswerBook {
    const book = new AnswerBook(view.attemptId);
    for (const q of view.questions) book.entries.set(q.id, entryFromView(view, q.id));
    return book;
  }

  get(questionId: string): AnswerEntry {
    const entry = this.entries.get(questionId);
    if (!entry) throw new Error(`Unknown question ${questionId}`);
    return entry;
  }

  edit(questionId: string, content: string, language?: CodeLanguage): void {
    const entry = this.get(questionId);
    if (entry.content === content && entry.language === language) return;
    entry.content = content;
    if (language) entry.language = language;
    if (entry.state !== 'saving') entry.state = unsavedState(entry);
  }

  /** The questions whose screen content the server has not acknowledged. */
  pending(): string[] {
    return [...this.entries]
      .filter(([, e]) => e.state === 'unsaved' || e.state === 'saving' || e.state === 'too-long')
      .map(([id]) => id);
  }

  /** The next request for a question, or null when nothing needs saving or a save is in flight. */
  beginSave(questionId: string): SaveAnswerRequest | null {
    const entry = this.get(questionId);
    // 'unsaved' is only ever set for content within MAX_ANSWER_BYTES (unsavedState): never 'too-long'.
    if (entry.inFlight || entry.state !== 'unsaved') return null;
    const req: SaveAnswerRequest = {
      attemptId: this.attemptId,
      questionId,
      content: entry.content,
      version: entry.version + 1,
    };
    if (entry.language) req.language = entry.language;
    entry.inFlight = req;
    entry.state = 'saving';
    return req;
  }

  /** Records an acknowledgement; typing during the save leaves the answer unsaved. */
  acknowledge(ack: SaveAnswerAck): void {
    const entry = this.get(ack.questionId);
    const sent = entry.inFlight;
    entry.inFlight = null;
    entry.version = Math.max(entry.version, ack.version);
    entry.state =
      sent && sent.content === entry.content && sent.language === entry.language ? 'saved' : unsavedState(entry);
  }

  /** A failed save: the text stays on screen, unsaved, to be retried. */
  fail(questionId: string): void {
    const entry = this.get(questionId);
    entry.inFlight = null;
    entry.state = unsavedState(entry);
  }

  /**
   * After a stale-version refusal (another tab saved, or an acknowledgement was lost): keeps the
   * text on screen, which is what this candidate just typed, and bases the next save on the
   * server's version so it goes through. Nothing typed here is thrown away.
   */
  rebase(view: CandidateAttemptView, questionId: string): void {
    const entry = this.get(questionId);
    const server = entryFromView(view, questionId);
    entry.inFlight = null;
    entry.version = server.version;
    entry.state =
      server.content === entry.content && server.language === entry.language ? 'saved' : unsavedState(entry);
  }
}

const utf8 = new TextEncoder();

/**
 * What an answer the server does not hold yet is: waiting to be saved, or too long to send. Runs on
 * every keystroke: a UTF-16 unit is at most 3 UTF-8 bytes, so most answers need no encoding at all.
 */
function unsavedState(entry: AnswerEntry): 'unsaved' | 'too-long' {
  if (entry.content.length * 3 <= MAX_ANSWER_BYTES) return 'unsaved';
  return utf8.encode(entry.content).length > MAX_ANSWER_BYTES ? 'too-long' : 'unsaved';
}

function entryFromView(view: CandidateAttemptView, questionId: string): AnswerEntry {
  const saved = view.answers.find((a) => a.questionId === questionId);
  if (saved)
    return { content: saved.content, language: saved.language, version: saved.version, state: 'saved', inFlight: null };
  const coding = view.questions.find((q) => q.id === questionId)?.coding;
  if (coding)
    return { content: coding.starter.javascript, language: 'javascript', version: 0, state: 'empty', inFlight: null };
  return { content: '', version: 0, state: 'empty', inFlight: null };
}
