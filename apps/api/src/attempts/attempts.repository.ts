import { Injectable } from '@nestjs/common';
import type { CodeLanguage } from '@rubricon/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import { isDuplicateKey } from '../database/driver-errors';
import { InvitationEntity } from '../invitations/invitation.entity';
import { AnswerEntity } from './answer.entity';
import { AttemptEntity } from './attempt.entity';

export interface AnswerWrite {
  attemptId: string;
  questionId: string;
  content: string;
  language: CodeLanguage | null;
  version: number;
  savedAt: Date;
  /** The writing session's generation: a save from a session a newer one replaced writes nothing. */
  generation: number;
}

/** The candidate's attempt: sessions, start, answers, submit, deadlines. */
@Injectable()
export class AttemptsRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: (tx: AttemptsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new AttemptsRepository(db)));
  }

  /** The Database this repository works through (in a transaction, the transaction's): for the audit log to join it. */
  get database(): Database {
    return this.db;
  }

  invitationByTokenHash(tokenHash: string): Promise<InvitationEntity | null> {
    return this.db.run((m) => m.findOneBy(InvitationEntity, { tokenHash }));
  }

  attemptByInvitation(invitationId: string): Promise<AttemptEntity> {
    return this.db.run((m) => m.findOneByOrFail(AttemptEntity, { invitationId }));
  }

  /** The attempt with its invitation and candidate, or null. */
  findFull(attemptId: string): Promise<AttemptEntity | null> {
    return this.db.run((m) =>
      m.findOne(AttemptEntity, { where: { id: attemptId }, relations: { invitation: true, candidate: true } }),
    );
  }

  /** What a candidate token is checked against on every request: the session generation, the link, revocation. */
  async session(attemptId: string): Promise<{ generation: number; revoked: boolean; tokenHash: string } | null> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(InvitationEntity, 'i')
        .innerJoin(AttemptEntity, 'a', 'a.invitationId = i.id')
        .select('i.sessionGeneration', 'generation')
        .addSelect('i.revokedAt', 'revokedAt')
        .addSelect('i.tokenHash', 'tokenHash')
        .where('a.id = :attemptId', { attemptId })
        .getRawMany<{ generation: number | string; revokedAt: unknown; tokenHash: string }>(),
    );
    const row = rows[0];
    return row
      ? { generation: Number(row.generation), revoked: row.revokedAt !== null, tokenHash: row.tokenHash }
      : null;
  }

  async assessmentIdOf(attemptId: string): Promise<string | null> {
    const row = await this.db.run((m) =>
      m.findOne(AttemptEntity, { select: { id: true, assessmentId: true }, where: { id: attemptId } }),
    );
    return row?.assessmentId ?? null;
  }

  answers(attemptId: string): Promise<AnswerEntity[]> {
    return this.db.run((m) => m.find(AnswerEntity, { where: { attemptId }, order: { questionId: 'ASC' } }));
  }

  answer(attemptId: string, questionId: string): Promise<AnswerEntity | null> {
    return this.db.run((m) => m.findOneBy(AnswerEntity, { attemptId, questionId }));
  }

  /**
   * Issues a new session of the invitation if `tokenHash` is still its link and it is not revoked
   * (a resend or a revocation may have landed since the link was read): raises the generation,
   * which ends older sessions, and returns it; null when the link no longer stands.
   */
  async nextSessionGeneration(invitationId: string, tokenHash: string): Promise<number | null> {
    return this.db.run(async (m) => {
      const raised = await m
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ sessionGeneration: () => '`sessionGeneration` + 1' })
        .where('id = :id AND tokenHash = :tokenHash AND revokedAt IS NULL', { id: invitationId, tokenHash })
        .execute();
      if (!raised.affected) return null;
      return (await m.findOneByOrFail(InvitationEntity, { id: invitationId })).sessionGeneration;
    });
  }

  /** Records when the link was first used (at the start), once. */
  async spendInvitation(invitationId: string, now: Date): Promise<void> {
    await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ usedAt: now })
        .where('id = :id AND usedAt IS NULL', { id: invitationId })
        .execute(),
    );
  }

  /**
   * invited -> in_progress with its deadline, only from invited and only if the extra time is still
   * the `extraMinutes` the deadline was computed with; true when this call started it.
   */
  async start(attemptId: string, now: Date, deadline: Date, extraMinutes: number): Promise<boolean> {
    const result = await this.db.run((m) =>
      m.update(
        AttemptEntity,
        { id: attemptId, status: 'invited', extraMinutes },
        { status: 'in_progress', startedAt: now, deadline },
      ),
    );
    return Boolean(result.affected);
  }

  /**
   * The autosave hot path: one statement that writes the answer only if the attempt is in progress,
   * before its deadline, the writer is its live session, and the saved version is the one this save follows; no transaction, no
   * entity read. A first save is one conditional INSERT. False: nothing was written (the caller
   * finds out why on the slow path). Against a concurrent submit on MySQL, the EXISTS subquery's
   * shared lock on the attempt row (InnoDB, REPEATABLE READ as by default) orders the two.
   */
  async writeAnswer(a: AnswerWrite): Promise<boolean> {
    const live =
      'EXISTS (SELECT 1 FROM `invitations` WHERE `invitations`.`id` = `attempts`.`invitationId` ' +
      'AND `invitations`.`sessionGeneration` = ? AND `invitations`.`revokedAt` IS NULL)';
    const open = `SELECT 1 FROM \`attempts\` WHERE \`id\` = ? AND \`status\` = ? AND \`deadline\` > ? AND ${live}`;
    const openParams = [a.attemptId, 'in_progress', this.db.time(a.savedAt), a.generation];
    const savedAt = this.db.time(a.savedAt);
    return this.db.run(async (m) => {
      if (a.version === 1) {
        const sql =
          'INSERT INTO `answers` (`id`, `attemptId`, `questionId`, `content`, `language`, `version`, `savedAt`) ' +
          `SELECT ?, ?, ?, ?, ?, 1, ? FROM \`attempts\` WHERE \`id\` = ? AND \`status\` = ? AND \`deadline\` > ? AND ${live}`;
        const params = [randomUUID(), a.attemptId, a.questionId, a.content, a.language, savedAt, ...openParams];
        try {
          return (await affected(m, sql, params)) === 1;
        } catch (error) {
          if (isDuplicateKey(error)) return false; // saved already: a retry, or another tab
          throw error;
        }
      }
      const sql =
        'UPDATE `answers` SET `content` = ?, `language` = ?, `version` = ?, `savedAt` = ? ' +
        `WHERE \`attemptId\` = ? AND \`questionId\` = ? AND \`version\` = ? AND EXISTS (${open})`;
      const params = [a.content, a.language, a.version, savedAt, a.attemptId, a.questionId, a.version - 1];
      return (await affected(m, sql, [...params, ...openParams])) === 1;
    });
  }

  /** in_progress -> submitted; a candidate's submit only before the deadline, checked in the same statement. */
  async submit(attemptId: string, by: 'candidate' | 'deadline', now: Date): Promise<boolean> {
    const result = await this.db.run((m) => {
      const qb = m
        .createQueryBuilder()
        .update(AttemptEntity)
        .set({ status: 'submitted', submittedAt: now, submittedBy: by })
        .where('id = :id AND status = :status', { id: attemptId, status: 'in_progress' });
      // The candidate only before the deadline; the server only at or after it (a job or a sweep
      // that read an older deadline must not close an attempt that was given extra time).
      qb.andWhere(by === 'candidate' ? 'deadline > :now' : 'deadline <= :now', { now: this.db.time(now) });
      return qb.execute();
    });
    return Boolean(result.affected);
  }

  /** Attempts whose deadline has passed but which are still open, oldest first. */
  async overdue(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(AttemptEntity, 'a')
        .select('a.id', 'id')
        .where('a.status = :status', { status: 'in_progress' })
        .andWhere('a.deadline <= :now', { now: this.db.time(now) })
        .orderBy('a.deadline', 'ASC')
        .limit(limit)
        .getRawMany<{ id: string }>(),
    );
    return rows.map((r) => r.id);
  }
}

/** Runs one hand-written write and says how many rows it changed, on either driver. */
async function affected(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    return (await runner.query(sql, params, true)).affected ?? 0;
  } finally {
    if (runner !== m.queryRunner) await runner.release();
  }
}
