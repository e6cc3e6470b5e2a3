import { Injectable } from '@nestjs/common';
import type { MailKind, MailLang, ReminderSettings } from '@rubricon/contracts';
import { In } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { AttemptEntity } from '../attempts/attempt.entity';
import { Database } from '../database/database';
import { isDuplicateKey } from '../database/driver-errors';
import { toDate } from '../database/raw-date';
import { CandidateEntity } from '../invitations/candidate.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { hashToken } from '../invitations/invitation-token';
import { InterviewEntity } from '../interviews/interview.entity';
import { PostingEntity } from '../postings/posting.entity';
import { MailMessageEntity } from './mail-message.entity';

export type NewMail = Omit<
  MailMessageEntity,
  | 'id'
  | 'status'
  | 'tries'
  | 'lastError'
  | 'lockedUntil'
  | 'sentAt'
  | 'failedAt'
  | 'smtpResponse'
  | 'queuedAt'
  | 'attempt'
  | 'interview'
  | 'nextAttemptAt'
> & { nextAttemptAt?: Date };

/** An invitation not used yet, of an assessment with expiry reminders on, not reminded of this expiry yet. */
export interface ExpiryReminderRow {
  attemptId: string;
  candidateId: string;
  name: string;
  email: string;
  lang: MailLang;
  title: string;
  minutes: number;
  expiresAt: Date;
  invitedAt: Date;
  hours: number;
}

/** An attempt under way, of an assessment with deadline reminders on, not reminded of this deadline yet. */
export interface DeadlineReminderRow {
  attemptId: string;
  candidateId: string;
  name: string;
  email: string;
  lang: MailLang;
  title: string;
  deadline: Date;
  startedAt: Date;
  minutes: number;
}

/** Why a queued mail was cancelled: a newer link replaced its link. */
export const SUPERSEDED = 'Not sent: a newer link replaced this one before it went out.';
/** Why a queued mail was cancelled: HR withdrew the invitation. */
export const WITHDRAWN = 'Not sent: the invitation was withdrawn before it went out.';
/** Why a reminder was cancelled before it went out. */
export const NO_LONGER_APPLIES = 'Not sent: by the time it could go, the attempt had started, ended or changed time.';
/** Why a link mail was cancelled before it went out. */
export const LINK_DEAD = 'Not sent: by the time it could go, its link had been replaced, withdrawn or had expired.';

/** The outbox's reads and writes. Each state change names the try it belongs to, so a stale worker changes nothing. */
@Injectable()
export class MailRepository {
  constructor(private readonly db: Database) {}

  /** Queues messages, through `tx` when given (they then commit or roll back with what they tell of). */
  async insert(mails: NewMail[], tx?: Database): Promise<MailMessageEntity[]> {
    if (mails.length === 0) return [];
    const now = new Date();
    return (tx ?? this.db).run(async (m) => {
      // Every column set, so the rows returned (and the views made of them) carry nulls, not undefined.
      const rows = mails.map((mail) =>
        m.create(MailMessageEntity, {
          ...mail,
          status: 'queued',
          tries: 0,
          lastError: null,
          lockedUntil: null,
          sentAt: null,
          failedAt: null,
          smtpResponse: null,
          nextAttemptAt: mail.nextAttemptAt ?? now,
        }),
      );
      // updateEntity(false): the rows keep the ids they were made with. TypeORM would read defaults back
      // after a multi-row insert and match them to the rows by position, which on SQLite hands one
      // row's id to another (mail-message-insert.spec.ts).
      for (let i = 0; i < rows.length; i += 100)
        await m
          .createQueryBuilder()
          .insert()
          .into(MailMessageEntity)
          .values(rows.slice(i, i + 100))
          .updateEntity(false)
          .execute();
      return rows;
    });
  }

  /** Queues a message that must exist once at most (by its dedupeKey); false when it exists already. */
  async insertOnce(mail: NewMail & { dedupeKey: string }): Promise<boolean> {
    try {
      await this.insert([mail]);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * A new queued copy of a finished message, by `byUserId`. A link mail's link moves to the copy in
   * the same transaction (only if the original still has it), so two requests at once make one copy:
   * null for the second.
   */
  copy(original: MailMessageEntity, byUserId: string): Promise<MailMessageEntity | null> {
    return this.db.transaction(async (tx) => {
      if (original.link !== null) {
        const moved = await tx.run((m) =>
          m
            .createQueryBuilder()
            .update(MailMessageEntity)
            .set({ link: null })
            .where('id = :id AND link IS NOT NULL', { id: original.id })
            .execute(),
        );
        if (!moved.affected) return null;
      }
      const [copy] = await new MailRepository(tx).insert([
        {
          kind: original.kind,
          lang: original.lang,
          toEmail: original.toEmail,
          toName: original.toName,
          subject: original.subject,
          input: original.input,
          link: original.link,
          // A reminder's copy names the same moment, so the worker checks it still applies before sending.
          remindsOf: original.remindsOf,
          dedupeKey: null,
          attemptId: original.attemptId,
          interviewId: original.interviewId,
          candidateId: original.candidateId,
          createdById: byUserId,
        },
      ]);
      return copy;
    });
  }

  get(id: string): Promise<MailMessageEntity | null> {
    return this.db.run((m) => m.findOneBy(MailMessageEntity, { id }));
  }

  /** Messages due now: queued ones whose time has come, and claims that lapsed (a worker died mid-send). */
  async due(now: Date, limit: number): Promise<Pick<MailMessageEntity, 'id' | 'tries'>[]> {
    return this.db.run((m) =>
      m
        .createQueryBuilder(MailMessageEntity, 'm')
        .select(['m.id', 'm.tries'])
        .where(
          "(m.status = 'queued' AND m.nextAttemptAt <= :now) OR (m.status = 'sending' AND m.lockedUntil <= :now)",
          {
            now: this.db.time(now),
          },
        )
        .orderBy('m.nextAttemptAt', 'ASC')
        .addOrderBy('m.queuedAt', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }

  /**
   * Takes a due message for one try, unless another worker took it first (its tries moved on):
   * the message as claimed, its tries counting this one, or null.
   */
  async claim(id: string, tries: number, now: Date, lockedUntil: Date): Promise<MailMessageEntity | null> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(MailMessageEntity)
        .set({ status: 'sending', tries: tries + 1, lockedUntil })
        .where('id = :id AND tries = :tries', { id, tries })
        .andWhere("(status = 'queued' OR (status = 'sending' AND lockedUntil <= :now))", { now: this.db.time(now) })
        .execute(),
    );
    return result.affected ? this.get(id) : null;
  }

  /** Back to the queue without counting the try (the address had its hourly share). */
  async defer(claimed: Pick<MailMessageEntity, 'id' | 'tries'>, until: Date): Promise<void> {
    await this.settle(claimed, { status: 'queued', tries: claimed.tries - 1, nextAttemptAt: until, lockedUntil: null });
  }

  /** Accepted by the SMTP server: the link is forgotten. */
  async markSent(claimed: Pick<MailMessageEntity, 'id' | 'tries'>, at: Date, response: string): Promise<boolean> {
    return this.settle(claimed, {
      status: 'sent',
      sentAt: at,
      smtpResponse: response.slice(0, 300),
      link: null,
      lockedUntil: null,
    });
  }

  async markRetry(claimed: Pick<MailMessageEntity, 'id' | 'tries'>, reason: string, at: Date): Promise<void> {
    await this.settle(claimed, { status: 'queued', lastError: reason, nextAttemptAt: at, lockedUntil: null });
  }

  /** Not sent: what it says no longer holds. */
  async markCancelled(claimed: Pick<MailMessageEntity, 'id' | 'tries'>, reason: string, at: Date): Promise<void> {
    await this.settle(claimed, { status: 'cancelled', lastError: reason, failedAt: at, link: null, lockedUntil: null });
  }

  /**
   * Why a claimed message should not go after all, or null: a reminder whose attempt started, ended or
   * changed its expiry or deadline, or whose moment has passed; a link mail whose link was replaced,
   * withdrawn or has expired (or whose interview ended).
   */
  async staleness(message: MailMessageEntity, now: Date): Promise<string | null> {
    if (message.kind === 'reminder-expiry' || message.kind === 'reminder-deadline') {
      if (!message.attemptId || !message.remindsOf) return null;
      const attempt = await this.db.run((m) =>
        m.findOne(AttemptEntity, { where: { id: message.attemptId! }, relations: { invitation: true } }),
      );
      const at = message.remindsOf.getTime();
      const applies =
        attempt !== null &&
        at > now.getTime() &&
        (message.kind === 'reminder-expiry'
          ? attempt.status === 'invited' &&
            !attempt.invitation.revokedAt &&
            attempt.invitation.expiresAt.getTime() === at
          : attempt.status === 'in_progress' && attempt.deadline?.getTime() === at);
      return applies ? null : NO_LONGER_APPLIES;
    }
    if (message.link === null) return null;
    const hash = hashToken(message.link.slice(message.link.lastIndexOf('/') + 1));
    if (message.interviewId) {
      const interview = await this.db.run((m) =>
        m.findOne(InterviewEntity, {
          where: { id: message.interviewId! },
          select: { id: true, linkHash: true, status: true },
        }),
      );
      return interview?.linkHash === hash && interview.status !== 'ended' ? null : LINK_DEAD;
    }
    if (!message.attemptId) return null;
    const attempt = await this.db.run((m) =>
      m.findOne(AttemptEntity, { where: { id: message.attemptId! }, relations: { invitation: true } }),
    );
    const works =
      attempt !== null &&
      attempt.invitation.tokenHash === hash &&
      !attempt.invitation.revokedAt &&
      attempt.invitation.expiresAt.getTime() > now.getTime();
    return works ? null : LINK_DEAD;
  }

  async markFailed(claimed: Pick<MailMessageEntity, 'id' | 'tries'>, reason: string, at: Date): Promise<void> {
    await this.settle(claimed, { status: 'failed', lastError: reason, failedAt: at, lockedUntil: null });
  }

  private async settle(
    claimed: Pick<MailMessageEntity, 'id' | 'tries'>,
    change: Partial<MailMessageEntity>,
  ): Promise<boolean> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(MailMessageEntity)
        .set(change)
        .where("id = :id AND tries = :tries AND status = 'sending'", claimed)
        .execute(),
    );
    return Boolean(result.affected);
  }

  /**
   * Cancels the queued mails of an attempt or interview (of `kinds`, or all) with `reason`, and
   * makes every mail of those kinds forget its link: what they say no longer holds.
   */
  async withdraw(
    about: { column: 'attemptId' | 'interviewId'; id: string },
    kinds: MailKind[] | null,
    reason: string,
    at: Date,
    tx?: Database,
  ): Promise<void> {
    const of = { [about.column]: about.id, ...(kinds ? { kind: In(kinds) } : {}) };
    await (tx ?? this.db).run(async (m) => {
      await m.update(
        MailMessageEntity,
        { ...of, status: 'queued' },
        { status: 'cancelled', lastError: reason, failedAt: at, link: null },
      );
      await m.update(MailMessageEntity, { ...of, status: In(['sent', 'failed', 'cancelled']) }, { link: null });
    });
  }

  /** When the address was sent mail since `since`. */
  async sentTimes(email: string, since: Date): Promise<Date[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(MailMessageEntity, 'm')
        .select(['m.sentAt'])
        .where("m.toEmail = :email AND m.status = 'sent' AND m.sentAt > :since", {
          email,
          since: this.db.time(since),
        })
        .getMany(),
    );
    return rows.map((r) => r.sentAt!);
  }

  /** Messages about an attempt, an interview or a candidate, newest first. */
  list(filter: { attemptId?: string; interviewId?: string; candidateId?: string }): Promise<MailMessageEntity[]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.db.run((m) => m.find(MailMessageEntity, { where, order: { queuedAt: 'DESC', id: 'ASC' }, take: 200 }));
  }

  /** The newest message of each attempt (or interview). */
  async latest(column: 'attemptId' | 'interviewId', ids: string[]): Promise<Map<string, MailMessageEntity>> {
    const latest = new Map<string, MailMessageEntity>();
    if (ids.length === 0) return latest;
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.run((m) =>
        m.find(MailMessageEntity, {
          where: { [column]: In(ids.slice(i, i + 500)) },
          order: { queuedAt: 'ASC', id: 'ASC' },
        }),
      );
      for (const row of rows) latest.set(row[column]!, row);
    }
    return latest;
  }

  /** How many interview mails were queued for the interview so far (the next one's calendar SEQUENCE). */
  interviewMailCount(interviewId: string): Promise<number> {
    return this.db.run((m) => m.countBy(MailMessageEntity, { interviewId, kind: 'interview' }));
  }

  async expiryReminders(now: Date, horizon: Date): Promise<ExpiryReminderRow[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(InvitationEntity, 'i')
        .innerJoin(AttemptEntity, 'a', 'a.invitationId = i.id')
        .innerJoin(AssessmentEntity, 's', 's.id = i.assessmentId')
        .innerJoin(PostingEntity, 'p', 'p.id = s.postingId')
        .innerJoin(CandidateEntity, 'c', 'c.id = i.candidateId')
        .select([
          'a.id AS attemptId',
          'c.id AS candidateId',
          'c.name AS name',
          'c.email AS email',
          'i.lang AS invitationLang',
          's.lang AS assessmentLang',
          'p.title AS title',
          's.durationMinutes AS duration',
          'a.extraMinutes AS extraMinutes',
          'i.expiresAt AS expiresAt',
          'i.createdAt AS invitedAt',
          's.remindBeforeExpiryHours AS hours',
        ])
        .where("a.status = 'invited' AND i.revokedAt IS NULL AND s.remindBeforeExpiryHours IS NOT NULL")
        .andWhere('i.expiresAt > :now AND i.expiresAt <= :horizon', {
          now: this.db.time(now),
          horizon: this.db.time(horizon),
        })
        // Due now, and invited before its moment; in SQL, so rows not due never fill the batch.
        .andWhere(`${this.before('i.expiresAt', 's.remindBeforeExpiryHours', 'HOUR')} <= :now`)
        .andWhere(`i.createdAt < ${this.before('i.expiresAt', 's.remindBeforeExpiryHours', 'HOUR')}`)
        .orderBy('i.expiresAt', 'ASC')
        .andWhere(
          "NOT EXISTS (SELECT 1 FROM mail_messages r WHERE r.attemptId = a.id AND r.kind = 'reminder-expiry' AND r.remindsOf = i.expiresAt)",
        )
        .limit(500)
        .getRawMany<Record<string, unknown>>(),
    );
    return rows.map((r) => ({
      attemptId: String(r.attemptId),
      candidateId: String(r.candidateId),
      name: String(r.name),
      email: String(r.email),
      lang: ((r.invitationLang as MailLang | null) ?? r.assessmentLang) as MailLang,
      title: String(r.title),
      minutes: Number(r.duration) + Number(r.extraMinutes),
      expiresAt: toDate(r.expiresAt)!,
      invitedAt: toDate(r.invitedAt)!,
      hours: Number(r.hours),
    }));
  }

  async deadlineReminders(now: Date, horizon: Date): Promise<DeadlineReminderRow[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(AttemptEntity, 'a')
        .innerJoin(InvitationEntity, 'i', 'i.id = a.invitationId')
        .innerJoin(AssessmentEntity, 's', 's.id = a.assessmentId')
        .innerJoin(PostingEntity, 'p', 'p.id = s.postingId')
        .innerJoin(CandidateEntity, 'c', 'c.id = a.candidateId')
        .select([
          'a.id AS attemptId',
          'c.id AS candidateId',
          'c.name AS name',
          'c.email AS email',
          'i.lang AS invitationLang',
          's.lang AS assessmentLang',
          'p.title AS title',
          'a.deadline AS deadline',
          'a.startedAt AS startedAt',
          's.remindBeforeDeadlineMinutes AS minutes',
        ])
        .where("a.status = 'in_progress' AND s.remindBeforeDeadlineMinutes IS NOT NULL")
        .andWhere('a.deadline > :now AND a.deadline <= :horizon', {
          now: this.db.time(now),
          horizon: this.db.time(horizon),
        })
        .andWhere(`${this.before('a.deadline', 's.remindBeforeDeadlineMinutes', 'MINUTE')} <= :now`)
        .andWhere(`a.startedAt < ${this.before('a.deadline', 's.remindBeforeDeadlineMinutes', 'MINUTE')}`)
        .orderBy('a.deadline', 'ASC')
        .andWhere(
          "NOT EXISTS (SELECT 1 FROM mail_messages r WHERE r.attemptId = a.id AND r.kind = 'reminder-deadline' AND r.remindsOf = a.deadline)",
        )
        .limit(500)
        .getRawMany<Record<string, unknown>>(),
    );
    return rows.map((r) => ({
      attemptId: String(r.attemptId),
      candidateId: String(r.candidateId),
      name: String(r.name),
      email: String(r.email),
      lang: ((r.invitationLang as MailLang | null) ?? r.assessmentLang) as MailLang,
      title: String(r.title),
      deadline: toDate(r.deadline)!,
      startedAt: toDate(r.startedAt)!,
      minutes: Number(r.minutes),
    }));
  }

  async reminders(assessmentId: string): Promise<ReminderSettings | null> {
    const row = await this.db.run((m) =>
      m.findOne(AssessmentEntity, {
        where: { id: assessmentId },
        select: { id: true, remindBeforeExpiryHours: true, remindBeforeDeadlineMinutes: true },
      }),
    );
    return row
      ? { beforeExpiryHours: row.remindBeforeExpiryHours, beforeDeadlineMinutes: row.remindBeforeDeadlineMinutes }
      : null;
  }

  async setReminders(assessmentId: string, settings: ReminderSettings): Promise<boolean> {
    const result = await this.db.run((m) =>
      m.update(
        AssessmentEntity,
        { id: assessmentId },
        {
          remindBeforeExpiryHours: settings.beforeExpiryHours,
          remindBeforeDeadlineMinutes: settings.beforeDeadlineMinutes,
        },
      ),
    );
    return Boolean(result.affected);
  }

  /** SQL for the moment `amount` hours or minutes (a column) before the datetime `column`, in the stored form. */
  private before(column: string, amount: string, unit: 'HOUR' | 'MINUTE'): string {
    return this.db.dialect === 'mysql'
      ? `DATE_SUB(${column}, INTERVAL ${amount} ${unit})`
      : `strftime('%Y-%m-%d %H:%M:%f', ${column}, '-' || ${amount} || ' ${unit === 'HOUR' ? 'hours' : 'minutes'}')`;
  }
}
