import type { CodeLanguage, InterviewParticipant, InterviewStatus } from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import type { InterviewQuestionEntity } from '../interview-question.entity';
import type { InterviewEntity } from '../interview.entity';
import { CANDIDATE_ID, participant } from '../interview-view';

/**
 * An interview as its room needs it, held in memory while anyone is connected: every document
 * message is checked against it (status, revealed questions) without a database round trip. Only
 * the room changes these fields (start, reveal, end), and it changes the database first.
 */
export class LiveInterview {
  status: InterviewStatus;
  startedAt: Date | null;
  endedAt: Date | null;
  readonly language: CodeLanguage;
  readonly postingTitle: string;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly candidate: InterviewParticipant;
  /** Panel members by user id. */
  readonly panel: Map<string, InterviewParticipant>;
  readonly questions: { row: InterviewQuestionEntity; question: Question }[];
  /** Connections per participant id, for the online dots. */
  readonly online = new Map<string, number>();
  connections = 0;

  constructor(
    readonly id: string,
    entity: InterviewEntity,
    snapshots: Map<string, Question>,
  ) {
    this.status = entity.status;
    this.startedAt = entity.startedAt;
    this.endedAt = entity.endedAt;
    this.language = entity.language;
    this.postingTitle = entity.posting.title;
    this.startsAt = entity.startsAt;
    this.durationMinutes = entity.durationMinutes;
    this.candidate = participant(CANDIDATE_ID, entity.candidate.name, 'candidate');
    this.panel = new Map(
      entity.panel.map((p) => [p.userId, participant(p.userId, p.user.name, 'interviewer', p.position)]),
    );
    this.questions = entity.questions.map((row) => ({ row, question: snapshots.get(row.bankQuestionId)! }));
  }

  question(id: string) {
    return this.questions.find((q) => q.row.id === id);
  }

  /** The latest revealed question: the one both sides work on. */
  get current() {
    const revealed = this.questions.filter((q) => q.row.revealedAt);
    revealed.sort(
      (a, b) => a.row.revealedAt!.getTime() - b.row.revealedAt!.getTime() || a.row.position - b.row.position,
    );
    return revealed.at(-1) ?? null;
  }
}
