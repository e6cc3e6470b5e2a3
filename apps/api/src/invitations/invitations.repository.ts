import type { AttemptStatus, MailLang } from '@rubricon/contracts';
import { Injectable } from '@nestjs/common';
import { AnswerEntity } from '../attempts/answer.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { AttemptEntity } from '../attempts/attempt.entity';
import { Database } from '../database/database';
import { UserEntity } from '../users/user.entity';
import { AttemptAdjustmentEntity } from './attempt-adjustment.entity';
import { CandidateEntity } from './candidate.entity';
import { InvitationEntity } from './invitation.entity';
import { containsPattern, likeParam } from '../database/like';

export interface NewInvitation {
  assessmentId: string;
  name: string;
  email: string;
  tokenHash: string;
  expiresAt: Date;
  createdById: string | null;
  /** The candidate's mail language; null: the assessment's. */
  lang: MailLang | null;
}

/** HR's side: invitations, and the attempts and answers they lead to. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Database) {}

  /** All of `work` commits or none of it; `work` gets this repository bound to the transaction. */
  transaction<T>(work: (tx: InvitationsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new InvitationsRepository(db)));
  }

  /** The Database this repository works through (in a transaction, the transaction's): for the audit log to join it. */
  get database(): Database {
    return this.db;
  }

  /**
   * Candidate, invitation and attempt rows for each, all or none; or nothing and the emails
   * (stored form) that already have a live invitation to the assessment. Checked under a lock on
   * the assessment's row (MySQL; SQLite transactions already take turns), so two invitations of
   * one person racing cannot both pass.
   */
  async insertAllOnce(
    assessmentId: string,
    invitations: NewInvitation[],
  ): Promise<{ taken: string[] } | { created: { invitation: InvitationEntity; attempt: AttemptEntity }[] }> {
    return this.db.transaction(async (tx) => {
      if (tx.dialect === 'mysql')
        await tx.run((m) =>
          m.findOne(AssessmentEntity, {
            where: { id: assessmentId },
            select: { id: true },
            lock: { mode: 'pessimistic_write' },
          }),
        );
      const repo = new InvitationsRepository(tx);
      const taken = await repo.invitedEmails(
        assessmentId,
        invitations.map((i) => i.email),
      );
      if (taken.size > 0) return { taken: [...taken] };
      return { created: await repo.insertAll(invitations) };
    });
  }

  /** Candidate, invitation and attempt rows for each, all or none. */
  insertAll(invitations: NewInvitation[]): Promise<{ invitation: InvitationEntity; attempt: AttemptEntity }[]> {
    return this.db.transaction((tx) =>
      tx.run(async (m) => {
        const created: { invitation: InvitationEntity; attempt: AttemptEntity }[] = [];
        for (const i of invitations) {
          const candidate = await m.save(m.create(CandidateEntity, { name: i.name, email: i.email }));
          const invitation = await m.save(
            m.create(InvitationEntity, {
              assessmentId: i.assessmentId,
              candidateId: candidate.id,
              tokenHash: i.tokenHash,
              expiresAt: i.expiresAt,
              createdById: i.createdById,
              lang: i.lang,
            }),
          );
          invitation.candidate = candidate;
          const attempt = await m.save(
            m.create(AttemptEntity, {
              invitationId: invitation.id,
              assessmentId: i.assessmentId,
              candidateId: candidate.id,
              status: 'invited',
            }),
          );
          created.push({ invitation, attempt });
        }
        return created;
      }),
    );
  }

  /** Which of `emails` (stored form) already have an invitation to the assessment that was not revoked. */
  async invitedEmails(assessmentId: string, emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(InvitationEntity, 'i')
        .innerJoin(CandidateEntity, 'c', 'c.id = i.candidateId')
        .select('c.email', 'email')
        .where('i.assessmentId = :assessmentId', { assessmentId })
        .andWhere('i.revokedAt IS NULL')
        .andWhere('c.email IN (:...emails)', { emails: [...new Set(emails)] })
        .getRawMany<{ email: string }>(),
    );
    return new Set(rows.map((r) => r.email));
  }

  invitation(id: string): Promise<InvitationEntity | null> {
    return this.db.run((m) => m.findOneBy(InvitationEntity, { id }));
  }

  /** The attempt of an invitation, with its invitation and candidate. */
  attemptOfInvitation(invitationId: string): Promise<AttemptEntity> {
    return this.db.run((m) =>
      m.findOneOrFail(AttemptEntity, { where: { invitationId }, relations: { invitation: true, candidate: true } }),
    );
  }

  /**
   * Changes the invitation and ends every session issued so far: the generation is raised in the
   * same statement, so a session opened meanwhile cannot keep its number.
   */
  async endSessions(
    id: string,
    change: Partial<Pick<InvitationEntity, 'tokenHash' | 'usedAt' | 'revokedAt' | 'expiresAt'>>,
  ): Promise<void> {
    await this.db.run((m) =>
      m.update(InvitationEntity, { id }, { ...change, sessionGeneration: () => '`sessionGeneration` + 1' }),
    );
  }

  /**
   * Revokes the invitation and ends every session of it, unless it is revoked already: checked in
   * the same statement, so of two revocations at once only one changes it (and is recorded). Whether
   * this call revoked it.
   */
  async revokeOnce(id: string, at: Date): Promise<boolean> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ revokedAt: at, sessionGeneration: () => '`sessionGeneration` + 1' })
        .where('id = :id', { id })
        .andWhere('revokedAt IS NULL')
        .execute(),
    );
    return Boolean(result.affected);
  }

  attemptsOfAssessment(assessmentId: string): Promise<AttemptEntity[]> {
    return this.db.run((m) =>
      m.find(AttemptEntity, {
        where: { assessmentId },
        relations: { invitation: true, candidate: true },
        order: { createdAt: 'ASC' },
      }),
    );
  }

  /**
   * Attempts across assessments, newest first, with invitation and candidate. `search` matches part
   * of the candidate's name or email literally; `status` is the status HR sees (an invitation past
   * its expiry without a start is `expired`, as effectiveStatus says).
   */
  pageAttempts(query: {
    search?: string;
    status?: AttemptStatus;
    assessmentId?: string;
    now: Date;
    offset: number;
    limit: number;
  }): Promise<[AttemptEntity[], number]> {
    return this.db.run((m) => {
      const qb = m
        .createQueryBuilder(AttemptEntity, 'a')
        .innerJoinAndSelect('a.invitation', 'i')
        .innerJoinAndSelect('a.candidate', 'c');
      if (query.assessmentId) qb.andWhere('a.assessmentId = :assessmentId', { assessmentId: query.assessmentId });
      if (query.search) {
        qb.andWhere(`(c.name ${likeParam('pattern')} OR c.email ${likeParam('pattern')})`, {
          pattern: containsPattern(query.search),
        });
      }
      if (query.status === 'expired') qb.andWhere("a.status = 'invited' AND i.expiresAt <= :now", { now: query.now });
      else if (query.status === 'invited')
        qb.andWhere("a.status = 'invited' AND i.expiresAt > :now", { now: query.now });
      else if (query.status) qb.andWhere('a.status = :status', { status: query.status });
      return qb
        .orderBy('a.createdAt', 'DESC')
        .addOrderBy('a.id', 'ASC')
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
    });
  }

  attempt(attemptId: string): Promise<AttemptEntity | null> {
    return this.db.run((m) =>
      m.findOne(AttemptEntity, { where: { id: attemptId }, relations: { invitation: true, candidate: true } }),
    );
  }

  answers(attemptId: string): Promise<AnswerEntity[]> {
    return this.db.run((m) => m.findBy(AnswerEntity, { attemptId }));
  }

  /** Records what staff changed about an attempt. */
  async recordAdjustment(adjustment: Omit<AttemptAdjustmentEntity, 'id' | 'attempt'>): Promise<void> {
    await this.db.run((m) => m.insert(AttemptAdjustmentEntity, m.create(AttemptAdjustmentEntity, adjustment)));
  }

  /**
   * Adds extra time and records it, both or neither. Only if the attempt is still as read (status
   * and extra time unchanged) and, when under way, before its deadline: false when it changed meanwhile.
   */
  addExtraTime(
    read: Pick<AttemptEntity, 'id' | 'status' | 'extraMinutes'>,
    minutes: number,
    deadline: Date | null,
    adjustment: { byUserId: string; at: Date },
  ): Promise<boolean> {
    return this.db.transaction((tx) =>
      tx.run(async (m) => {
        const qb = m
          .createQueryBuilder()
          .update(AttemptEntity)
          .set({ extraMinutes: read.extraMinutes + minutes, ...(deadline ? { deadline } : {}) })
          .where('id = :id AND status = :status AND extraMinutes = :extra', {
            id: read.id,
            status: read.status,
            extra: read.extraMinutes,
          });
        if (read.status === 'in_progress') qb.andWhere('deadline > :now', { now: this.db.time(adjustment.at) });
        if (!(await qb.execute()).affected) return false;
        await m.insert(
          AttemptAdjustmentEntity,
          m.create(AttemptAdjustmentEntity, { attemptId: read.id, kind: 'extra-time', minutes, ...adjustment }),
        );
        return true;
      }),
    );
  }

  /** The attempt's adjustments, oldest first, with the name of whoever made each (null for a user since gone). */
  async adjustments(attemptId: string): Promise<(AttemptAdjustmentEntity & { byName: string | null })[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(AttemptAdjustmentEntity, 'j')
        .leftJoin(UserEntity, 'u', 'u.id = j.byUserId')
        .addSelect('u.name', 'byName')
        .where('j.attemptId = :attemptId', { attemptId })
        .orderBy('j.at', 'ASC')
        .getRawAndEntities<{ byName: string | null }>(),
    );
    return rows.entities.map((e, i) => Object.assign(e, { byName: rows.raw[i]?.byName ?? null }));
  }
}
