import { Injectable } from '@nestjs/common';
import type { InterviewStatus } from '@rubricon/contracts';
import { Database } from '../database/database';
import { isDuplicateKey } from '../database/driver-errors';
import { containsPattern, likeParam } from '../database/like';
import { CandidateEntity } from '../invitations/candidate.entity';
import { UserEntity } from '../users/user.entity';
import { InterviewEventEntity, InterviewNoteEntity, InterviewUpdateEntity } from './interview-log.entities';
import { InterviewPanelEntity } from './interview-panel.entity';
import { InterviewQuestionEntity } from './interview-question.entity';
import { InterviewEntity } from './interview.entity';

/** The columns a new interview is given; its id, candidate, panel and questions come separately. */
export type NewInterview = Pick<
  InterviewEntity,
  'postingId' | 'startsAt' | 'durationMinutes' | 'language' | 'linkHash' | 'createdById' | 'candidateLang'
>;

/** A question to ask: the bank's stable id, the exact stored row it is pinned to, and its kind. */
export type NewInterviewQuestion = Pick<InterviewQuestionEntity, 'questionId' | 'bankQuestionId' | 'kind'>;

/** A note as the panel reads it, with its author's name (null for a user since gone). */
export type NoteWithAuthor = InterviewNoteEntity & { authorName: string | null };

/**
 * The scheduling and reading side of interviews (the room has its own repository): every read and
 * write of interviews, their candidate, panel, questions, notes and logs that the REST routes make.
 */
@Injectable()
export class InterviewsRepository {
  constructor(private readonly db: Database) {}

  /** All of `work` commits or none of it; `work` gets this repository bound to the transaction. */
  transaction<T>(work: (tx: InterviewsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new InterviewsRepository(db)));
  }

  /** The Database this repository works through (in a transaction, the transaction's): for the audit log to join it. */
  get database(): Database {
    return this.db;
  }

  /** The candidate, the interview, its panel and its questions (positions in the order given), all or none; its id. */
  schedule(
    candidate: Pick<CandidateEntity, 'name' | 'email'>,
    interview: NewInterview,
    panel: string[],
    questions: NewInterviewQuestion[],
  ): Promise<string> {
    return this.db.transaction((tx) =>
      tx.run(async (m) => {
        const saved = await m.save(m.create(CandidateEntity, candidate));
        const row = await m.save(
          m.create(InterviewEntity, { ...interview, candidateId: saved.id, status: 'scheduled' }),
        );
        await m.insert(
          InterviewPanelEntity,
          panel.map((userId, position) => m.create(InterviewPanelEntity, { interviewId: row.id, userId, position })),
        );
        await m.save(
          questions.map((q, position) =>
            m.create(InterviewQuestionEntity, { ...q, interviewId: row.id, position, revealedAt: null }),
          ),
        );
        return row.id;
      }),
    );
  }

  /** The candidate row of an interview. */
  async candidateOf(id: string): Promise<string> {
    return (
      await this.db.run((m) =>
        m.findOneOrFail(InterviewEntity, { where: { id }, select: { id: true, candidateId: true } }),
      )
    ).candidateId;
  }

  /** The interview with its candidate, posting, panel (with users, in panel order) and questions (in order), or null. */
  async find(id: string): Promise<InterviewEntity | null> {
    const interview = await this.db.run((m) =>
      m.findOne(InterviewEntity, {
        where: { id },
        relations: { candidate: true, posting: true, panel: { user: true }, questions: true },
      }),
    );
    return interview && inOrder(interview);
  }

  /**
   * Interviews newest start first, with candidate, posting, panel and questions. `search` matches
   * part of the candidate's name or email or of the posting's title literally; `visibleTo`, when
   * given, keeps only those the user is on the panel of or scheduled.
   */
  async page(query: {
    status?: InterviewStatus;
    search?: string;
    visibleTo?: string;
    offset: number;
    limit: number;
  }): Promise<[InterviewEntity[], number]> {
    const [rows, total] = await this.db.run((m) => {
      const qb = m
        .createQueryBuilder(InterviewEntity, 'i')
        .innerJoinAndSelect('i.candidate', 'c')
        .innerJoinAndSelect('i.posting', 'p')
        .leftJoinAndSelect('i.panel', 'pm')
        .leftJoinAndSelect('pm.user', 'u')
        .leftJoinAndSelect('i.questions', 'q');
      if (query.status) qb.andWhere('i.status = :status', { status: query.status });
      if (query.search)
        qb.andWhere(
          `(c.name ${likeParam('pattern')} OR c.email ${likeParam('pattern')} OR p.title ${likeParam('pattern')})`,
          { pattern: containsPattern(query.search) },
        );
      if (query.visibleTo) {
        const onPanel = qb
          .subQuery()
          .select('1')
          .from(InterviewPanelEntity, 'mine')
          .where('mine.interviewId = i.id')
          .andWhere('mine.userId = :me')
          .getQuery();
        qb.andWhere(`(i.createdById = :me OR EXISTS ${onPanel})`, { me: query.visibleTo });
      }
      return qb
        .orderBy('i.startsAt', 'DESC')
        .addOrderBy('i.id', 'ASC')
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
    });
    return [rows.map(inOrder), total];
  }

  /**
   * A new link hash, unless the interview has ended meanwhile (checked in the same statement, so
   * the room ending it cannot be overtaken): false when it has ended or is gone.
   */
  async replaceLinkHash(id: string, linkHash: string): Promise<boolean> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(InterviewEntity)
        .set({ linkHash })
        .where('id = :id', { id })
        .andWhere('status <> :ended', { ended: 'ended' })
        .execute(),
    );
    return Boolean(result.affected);
  }

  /** Active staff users (any role), by name. */
  activeStaff(): Promise<UserEntity[]> {
    return this.db.run((m) => m.find(UserEntity, { where: { active: true }, order: { name: 'ASC', email: 'ASC' } }));
  }

  /** The ids among `ids` of active staff users. */
  async activeStaffIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(UserEntity, 'u')
        .select('u.id', 'id')
        .where('u.id IN (:...ids)', { ids: [...new Set(ids)] })
        .andWhere('u.active = :active', { active: true })
        .getRawMany<{ id: string }>(),
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The interview's notes, each with its author's name. */
  async notes(interviewId: string): Promise<NoteWithAuthor[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(InterviewNoteEntity, 'n')
        .leftJoin(UserEntity, 'u', 'u.id = n.userId')
        .addSelect('u.name', 'authorName')
        .where('n.interviewId = :interviewId', { interviewId })
        .orderBy('n.userId', 'ASC')
        .getRawAndEntities<{ authorName: string | null }>(),
    );
    return rows.entities.map((e, i) => Object.assign(e, { authorName: rows.raw[i]?.authorName ?? null }));
  }

  /**
   * Shares or unshares the user's note, creating an empty one when they have none yet; the note as
   * stored. A note the room saves at the same moment may create the row first: then it is updated.
   */
  async setNoteShared(interviewId: string, userId: string, shared: boolean): Promise<InterviewNoteEntity> {
    const key = { interviewId, userId };
    const update = () => this.db.run((m) => m.update(InterviewNoteEntity, key, { shared }));
    const existing = await this.db.run((m) => m.findOneBy(InterviewNoteEntity, key));
    if (existing) await update();
    else
      await this.db
        .run((m) =>
          m.insert(
            InterviewNoteEntity,
            m.create(InterviewNoteEntity, { ...key, body: '', shared, updatedAt: new Date() }),
          ),
        )
        .catch(async (error: unknown) => {
          if (!isDuplicateKey(error)) throw error;
          await update();
        });
    return this.db.run((m) => m.findOneByOrFail(InterviewNoteEntity, key));
  }

  /** Every document update of the interview, by question then seq (oldest first). */
  updates(interviewId: string): Promise<InterviewUpdateEntity[]> {
    return this.db.run((m) =>
      m.find(InterviewUpdateEntity, { where: { interviewId }, order: { questionId: 'ASC', seq: 'ASC' } }),
    );
  }

  /** The room's events, oldest first (ties in insertion order). */
  events(interviewId: string): Promise<InterviewEventEntity[]> {
    return this.db.run((m) =>
      m.find(InterviewEventEntity, { where: { interviewId }, order: { at: 'ASC', id: 'ASC' } }),
    );
  }
}

/** Panel and questions in their positions: the one order every reader keeps. */
function inOrder(interview: InterviewEntity): InterviewEntity {
  interview.panel?.sort((a, b) => a.position - b.position);
  interview.questions?.sort((a, b) => a.position - b.position);
  return interview;
}
