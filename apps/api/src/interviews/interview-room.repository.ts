import { Injectable } from '@nestjs/common';
import type { LogEntry, StoredDoc } from '@rubricon/collab';
import { MoreThan, type EntityManager } from 'typeorm';
import { Database } from '../database/database';
import {
  InterviewEventEntity,
  InterviewNoteEntity,
  InterviewSnapshotEntity,
  InterviewUpdateEntity,
} from './interview-log.entities';
import { InterviewQuestionEntity } from './interview-question.entity';
import { InterviewEntity } from './interview.entity';

/** Rows per INSERT when the log is flushed: well under either database's parameter limit. */
const INSERT_CHUNK = 500;

/** The room's database work: the interview as the room needs it, its state changes, the document log, notes, events. */
@Injectable()
export class InterviewRoomRepository {
  constructor(private readonly db: Database) {}

  /** The interview with its posting, candidate, panel (with users) and questions in order. */
  findForRoom(id: string): Promise<InterviewEntity | null> {
    return this.db.run((m) =>
      m.findOne(InterviewEntity, {
        where: { id },
        relations: { posting: true, candidate: true, panel: { user: true }, questions: true },
        order: { questions: { position: 'ASC' }, panel: { position: 'ASC' } },
      }),
    );
  }

  async idByLinkHash(linkHash: string): Promise<string | null> {
    const row = await this.db.run((m) => m.findOne(InterviewEntity, { where: { linkHash }, select: { id: true } }));
    return row?.id ?? null;
  }

  /** Marks the interview live (once); answers whether this call started it. */
  async start(id: string, at: Date): Promise<boolean> {
    const result = await this.db.run((m) =>
      m.update(InterviewEntity, { id, status: 'scheduled' }, { status: 'live', startedAt: at }),
    );
    return (result.affected ?? 0) > 0;
  }

  /** Reveals a question (once); answers whether this call revealed it. */
  async reveal(questionRowId: string, at: Date): Promise<boolean> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(InterviewQuestionEntity)
        .set({ revealedAt: at })
        .where('id = :id AND revealedAt IS NULL', { id: questionRowId })
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }

  /** Ends a scheduled or live interview (once); answers whether this call ended it. */
  async end(id: string, at: Date): Promise<boolean> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(InterviewEntity)
        .set({ status: 'ended', endedAt: at })
        .where("id = :id AND status <> 'ended'", { id })
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }

  async recordEvent(event: Omit<InterviewEventEntity, 'id'>): Promise<void> {
    await this.db.run((m) => m.insert(InterviewEventEntity, m.create(InterviewEventEntity, event)));
  }

  note(interviewId: string, userId: string): Promise<InterviewNoteEntity | null> {
    return this.db.run((m) => m.findOneBy(InterviewNoteEntity, { interviewId, userId }));
  }

  /** Saves the whole note (insert or replace the body), keeping whether it is shared. */
  async saveNote(interviewId: string, userId: string, body: string, at: Date): Promise<InterviewNoteEntity> {
    return this.db.transaction((tx) =>
      tx.run(async (m) => {
        const existing = await m.findOneBy(InterviewNoteEntity, { interviewId, userId });
        const note = m.create(InterviewNoteEntity, {
          interviewId,
          userId,
          body,
          shared: existing?.shared ?? false,
          updatedAt: at,
        });
        await m.save(InterviewNoteEntity, note);
        return note;
      }),
    );
  }

  // ---- The document log (CollabStore) ----

  async loadDoc(interviewId: string, questionId: string): Promise<StoredDoc> {
    return this.db.run(async (m) => {
      const snap = await m.findOneBy(InterviewSnapshotEntity, { interviewId, questionId });
      const updates = await m.find(InterviewUpdateEntity, {
        where: { interviewId, questionId, seq: MoreThan(snap?.seq ?? 0) },
        order: { seq: 'ASC' },
        select: { seq: true, update: true },
      });
      return {
        snapshot: snap ? { state: new Uint8Array(Buffer.from(snap.state, 'base64')), seq: snap.seq } : null,
        updates: updates.map((u) => ({ seq: u.seq, update: u.update })),
      };
    });
  }

  /**
   * One batch of log entries of any documents, all or nothing. `docKey` is `<interviewId>/<questionId>`.
   * Hand-written multi-row INSERTs (backquoted names read the same on both databases): this runs four
   * times a second under load, and building the statement through the query builder cost more than
   * the database's work.
   */
  async appendUpdates(entries: LogEntry[]): Promise<void> {
    await this.db.transaction((tx) =>
      tx.run(async (m) => {
        if (entries.some((e) => e.seq === 0)) entries = await this.numbered(m, entries);
        for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
          const chunk = entries.slice(i, i + INSERT_CHUNK);
          const params: unknown[] = [];
          for (const e of chunk) {
            const [interviewId, questionId] = e.docKey.split('/');
            params.push(
              interviewId,
              questionId,
              e.seq,
              e.at,
              e.author,
              Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength),
            );
          }
          await m.query(
            'INSERT INTO `interview_updates` (`interviewId`, `questionId`, `seq`, `at`, `author`, `update`) VALUES ' +
              chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', '),
            params,
          );
        }
      }),
    );
  }

  /**
   * Scale-out: several servers append to one document's log, so the log numbers the entries. The
   * interviews' rows are locked first (in id order: no deadlock between two servers), so appends to
   * one interview take turns and each document's seqs are committed in order: a reader that sees seq
   * n has seen every seq before it, which is what the snapshots' "everything up to seq" relies on.
   */
  private async numbered(m: EntityManager, entries: LogEntry[]): Promise<LogEntry[]> {
    const interviews = [...new Set(entries.map((e) => e.docKey.split('/')[0]))].sort();
    const lock = this.db.dialect === 'mysql' ? ' FOR UPDATE' : '';
    await m.query(
      `SELECT \`id\` FROM \`interviews\` WHERE \`id\` IN (${interviews.map(() => '?').join(', ')}) ORDER BY \`id\`${lock}`,
      interviews,
    );
    const next = new Map<string, number>();
    const out: LogEntry[] = [];
    for (const e of entries) {
      let seq = next.get(e.docKey);
      if (seq === undefined) {
        const [interviewId, questionId] = e.docKey.split('/');
        const [row] = (await m.query(
          'SELECT COALESCE(MAX(`seq`), 0) AS `last` FROM `interview_updates` WHERE `interviewId` = ? AND `questionId` = ?',
          [interviewId, questionId],
        )) as { last: number | string }[];
        seq = Number(row.last);
      }
      seq++;
      next.set(e.docKey, seq);
      out.push({ ...e, seq });
    }
    return out;
  }

  /** Log entries of one document after `afterSeq`, oldest first (scale-out: other servers' changes). */
  async tailDoc(
    interviewId: string,
    questionId: string,
    afterSeq: number,
  ): Promise<{ seq: number; update: Uint8Array }[]> {
    const rows = await this.db.run((m) =>
      m.find(InterviewUpdateEntity, {
        where: { interviewId, questionId, seq: MoreThan(afterSeq) },
        order: { seq: 'ASC' },
        select: { seq: true, update: true },
      }),
    );
    return rows.map((u) => ({ seq: u.seq, update: u.update }));
  }

  async saveSnapshot(interviewId: string, questionId: string, state: Uint8Array, seq: number): Promise<void> {
    // One statement (insert or update): no read first, nothing to race with.
    await this.db.run((m) =>
      m.upsert(
        InterviewSnapshotEntity,
        { interviewId, questionId, seq, state: Buffer.from(state).toString('base64') },
        ['interviewId', 'questionId'],
      ),
    );
  }
}
