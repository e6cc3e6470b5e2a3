import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_EXTRA_MINUTES,
  type AttemptSummary,
  type InvitationLink,
  type MailLang,
  type MailStatusSummary,
} from '@rubricon/contracts';
import { AssessmentsService } from '../assessments/assessments.service';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api-exception';
import { AttemptEvents } from '../common/attempt-events';
import { effectiveStatus, remainingMs } from '../attempts/candidate-view';
import { APP_CONFIG, type AppConfig } from '../config';
import { IntegrityService } from '../integrity/integrity.service';
import { toAttemptSummary } from './attempt-summary';
import type { CandidateEntity } from './candidate.entity';
import { parseCandidatesCsv } from './candidates-csv';
import type { InviteCsvResponse, SkippedCsvLine } from '@rubricon/contracts';
import { hashToken, newInvitationToken } from './invitation-token';
import type { InvitationEntity } from './invitation.entity';
import type { AttemptEntity } from '../attempts/attempt.entity';
import { InvitationsRepository } from './invitations.repository';
import { MailService, toSummary } from '../mail/mail.service';

const DAY_MS = 24 * 3600 * 1000;

/** Emails as invitations store and compare them: trimmed, case folded. */
const normalEmail = (email: string) => email.trim().toLowerCase();

/** HR's side: invite candidates to a published assessment, withdraw or renew their links. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: InvitationsRepository,
    private readonly assessments: AssessmentsService,
    private readonly integrity: IntegrityService,
    private readonly events: AttemptEvents,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /**
   * Invites the candidates, each with a new link; with mail on, each is mailed the link in their
   * language (`lang` of the candidate, else of the invitation batch, else the assessment's), queued in
   * the same transaction as the invitation.
   */
  async invite(
    assessmentId: string,
    candidates: { name: string; email: string; lang?: MailLang }[],
    expiresInDays = 7,
    userId?: string,
    lang?: MailLang,
  ): Promise<InvitationLink[]> {
    const delivery = await this.assessments.delivery(assessmentId);
    if (delivery.status !== 'published') throw new ApiException('assessment-not-published');
    // One live invitation per person and assessment: a second link would be a second attempt.
    const emails = candidates.map((c) => normalEmail(c.email));
    const taken = await this.repo.invitedEmails(assessmentId, emails);
    const twice = emails.find((email, i) => taken.has(email) || emails.indexOf(email) !== i);
    if (twice !== undefined) throw new ApiException('candidate-already-invited', { email: twice });
    const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
    const tokens = candidates.map(() => newInvitationToken());
    // Checked again where it is written: another invitation of the same person may have landed since.
    const { inserted, mails } = await this.repo.transaction(async (tx) => {
      const inserted = await tx.insertAllOnce(
        assessmentId,
        candidates.map((c, i) => ({
          assessmentId,
          name: c.name.trim(),
          email: normalEmail(c.email),
          tokenHash: hashToken(tokens[i]),
          expiresAt,
          createdById: userId ?? null,
          lang: c.lang ?? lang ?? null,
        })),
      );
      if (!('created' in inserted)) return { inserted, mails: [] };
      const mails = await this.mail.enqueue(
        inserted.created.map(({ invitation, attempt }, i) => ({
          content: {
            kind: 'invitation',
            lang: invitation.lang ?? delivery.lang,
            candidateName: invitation.candidate.name,
            title: { zh: delivery.title, en: delivery.title },
            minutes: delivery.durationMinutes,
            expiresAt,
            link: this.url(tokens[i]),
          },
          toEmail: invitation.candidate.email,
          attemptId: attempt.id,
          candidateId: invitation.candidateId,
          createdById: userId ?? null,
        })),
        tx.database,
      );
      for (const { invitation, attempt } of inserted.created)
        await this.audit.record(
          {
            action: 'invitation.create',
            target: { type: 'invitation', id: invitation.id },
            changes: {
              assessmentId,
              attemptId: attempt.id,
              candidate: { name: invitation.candidate.name, email: invitation.candidate.email },
              expiresAt,
            },
          },
          tx.database,
        );
      return { inserted, mails };
    });
    if ('taken' in inserted) throw new ApiException('candidate-already-invited', { email: inserted.taken[0] });
    return inserted.created.map(({ invitation, attempt }, i) =>
      this.link(invitation, attempt.id, invitation.candidate, tokens[i], mails[i] ? toSummary(mails[i]) : null),
    );
  }

  /** Invites the file's candidates; lines of people already invited (and not revoked) are skipped and listed. */
  async inviteCsv(
    assessmentId: string,
    csv: Buffer | string | undefined,
    userId?: string,
    lang?: MailLang,
  ): Promise<InviteCsvResponse> {
    if (csv === undefined) throw new ApiException('candidates-missing');
    const parsed = parseCandidatesCsv(csv);
    if ('refusal' in parsed) throw new ApiException(parsed.refusal.code, parsed.refusal.params);
    const delivery = await this.assessments.delivery(assessmentId);
    if (delivery.status !== 'published') throw new ApiException('assessment-not-published');
    const taken = await this.repo.invitedEmails(
      assessmentId,
      parsed.candidates.map((c) => normalEmail(c.email)),
    );
    const skipped: SkippedCsvLine[] = parsed.candidates
      .filter((c) => taken.has(normalEmail(c.email)))
      .map((c) => ({ line: c.line, email: normalEmail(c.email), code: 'candidate-already-invited' }));
    const fresh = parsed.candidates.filter((c) => !taken.has(normalEmail(c.email)));
    const links = fresh.length > 0 ? await this.invite(assessmentId, fresh, undefined, userId, lang) : [];
    return { links, skipped };
  }

  /** Withdraws the link and ends any open session of it at once. */
  async revoke(invitationId: string, userId?: string): Promise<AttemptSummary> {
    const invitation = await this.invitation(invitationId);
    const now = new Date();
    const { attempt, revoked } = await this.repo.transaction(async (tx) => {
      const revoked = !invitation.revokedAt && (await tx.revokeOnce(invitationId, now));
      const attempt = await tx.attemptOfInvitation(invitationId);
      if (revoked) await this.mail.withdrawAttempt(attempt.id, tx.database);
      if (revoked)
        await this.audit.record(
          {
            action: 'invitation.revoke',
            target: { type: 'invitation', id: invitationId },
            changes: {
              assessmentId: invitation.assessmentId,
              attemptId: attempt.id,
              candidate: { name: attempt.candidate.name, email: attempt.candidate.email },
              revokedAt: { from: null, to: now },
            },
          },
          tx.database,
        );
      return { attempt, revoked };
    });
    if (revoked) {
      this.endSessions(attempt.id);
      if (userId)
        await this.repo.recordAdjustment({
          attemptId: attempt.id,
          kind: 'revoked',
          minutes: null,
          byUserId: userId,
          at: now,
        });
    }
    return this.summary(attempt);
  }

  /**
   * More time for one candidate: added to the deadline of an attempt under way (the open page is
   * told at once, the deadline scheduler reads the moved deadline), or to the time allowed of one
   * not started yet. Refused once the attempt is over.
   */
  async extraTime(attemptId: string, minutes: unknown, userId: string): Promise<AttemptSummary> {
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTRA_MINUTES)
      throw new ApiException('extra-time-invalid', { max: MAX_EXTRA_MINUTES });
    // Each lost race means another change landed first; read again and add on top of it.
    for (let tries = 0; tries < 5; tries++) {
      const attempt = await this.repo.attempt(attemptId);
      if (!attempt) throw new ApiException('attempt-not-found');
      const now = new Date();
      const status = effectiveStatus(attempt, attempt.invitation.expiresAt, now);
      if (status === 'submitted' || status === 'expired' || remainingMs(attempt, now) === 0)
        throw new ApiException('attempt-closed');
      const deadline = attempt.deadline && new Date(attempt.deadline.getTime() + minutes * 60_000);
      const delivery = this.mail.enabled ? await this.assessments.delivery(attempt.assessmentId) : null;
      const added = await this.repo.transaction(async (tx) => {
        if (!(await tx.addExtraTime(attempt, minutes, deadline, { byUserId: userId, at: now }))) return false;
        if (delivery)
          await this.mail.enqueue(
            [
              {
                content: {
                  kind: 'extra-time',
                  lang: attempt.invitation.lang ?? delivery.lang,
                  candidateName: attempt.candidate.name,
                  title: { zh: delivery.title, en: delivery.title },
                  addedMinutes: minutes,
                  deadline,
                  minutes: delivery.durationMinutes + attempt.extraMinutes + minutes,
                },
                toEmail: attempt.candidate.email,
                attemptId,
                candidateId: attempt.candidateId,
                createdById: userId,
              },
            ],
            tx.database,
          );
        await this.audit.record(
          {
            action: 'attempt.extend',
            target: { type: 'attempt', id: attemptId },
            changes: {
              extraMinutes: { from: attempt.extraMinutes, to: attempt.extraMinutes + minutes },
              ...(deadline ? { deadline: { from: attempt.deadline, to: deadline } } : {}),
              assessmentId: attempt.assessmentId,
              candidate: { name: attempt.candidate.name, email: attempt.candidate.email },
            },
          },
          tx.database,
        );
        return true;
      });
      if (!added) continue;
      if (deadline)
        this.events.publish({
          attemptId,
          status: 'in_progress',
          remainingMs: deadline.getTime() - Date.now(),
          deadline: deadline.toISOString(),
        });
      return this.summary((await this.repo.attempt(attemptId))!);
    }
    throw new ApiException('too-many-requests');
  }

  /** A fresh link for the same attempt; the old one stops working. Resumes an attempt under way. */
  async resend(invitationId: string, userId?: string): Promise<InvitationLink> {
    const invitation = await this.invitation(invitationId);
    const attempt = await this.repo.attemptOfInvitation(invitationId);
    if (attempt.status === 'submitted') throw new ApiException('nothing-to-resend');
    // A new link revives a withdrawn invitation: not while the person has another live one.
    const email = attempt.candidate.email;
    if (invitation.revokedAt && (await this.repo.invitedEmails(invitation.assessmentId, [email])).size > 0)
      throw new ApiException('candidate-already-invited', { email });
    const token = newInvitationToken();
    const expiresAt = new Date(Math.max(invitation.expiresAt.getTime(), Date.now() + 7 * DAY_MS));
    // What the mail says; read only when there is mail to write.
    const delivery = this.mail.enabled ? await this.assessments.delivery(invitation.assessmentId) : null;
    const [mail] = await this.repo.transaction(async (tx) => {
      await tx.endSessions(invitationId, {
        tokenHash: hashToken(token),
        usedAt: null,
        revokedAt: null,
        expiresAt,
      });
      await this.audit.record(
        {
          action: 'invitation.resend',
          target: { type: 'invitation', id: invitationId },
          changes: {
            assessmentId: invitation.assessmentId,
            attemptId: attempt.id,
            candidate: { name: attempt.candidate.name, email: email },
            expiresAt: { from: invitation.expiresAt, to: expiresAt },
            ...(invitation.revokedAt ? { revokedAt: { from: invitation.revokedAt, to: null } } : {}),
          },
        },
        tx.database,
      );
      if (!delivery) return [];
      return this.mail.enqueueReplacingLinks(
        {
          content: {
            kind: 'new-link',
            lang: invitation.lang ?? delivery.lang,
            candidateName: attempt.candidate.name,
            title: { zh: delivery.title, en: delivery.title },
            minutes: delivery.durationMinutes + attempt.extraMinutes,
            expiresAt,
            link: this.url(token),
            deadline: attempt.status === 'in_progress' ? attempt.deadline : null,
          },
          toEmail: email,
          attemptId: attempt.id,
          candidateId: attempt.candidateId,
          createdById: userId ?? null,
        },
        { column: 'attemptId', id: attempt.id },
        tx.database,
      );
    });
    this.endSessions(attempt.id);
    if (userId)
      await this.repo.recordAdjustment({
        attemptId: attempt.id,
        kind: 'new-link',
        minutes: null,
        byUserId: userId,
        at: new Date(),
      });
    return this.link({ ...invitation, expiresAt }, attempt.id, attempt.candidate, token, mail ? toSummary(mail) : null);
  }

  /** Every session issued so far is over: its page is told that the link changed. */
  private endSessions(attemptId: string): void {
    this.events.publish({ attemptId, status: 'session-ended', remainingMs: null, deadline: null });
  }

  private async summary(attempt: AttemptEntity): Promise<AttemptSummary> {
    return toAttemptSummary(
      attempt,
      (await this.integrity.countsByAttempt([attempt.id])).get(attempt.id) ?? 0,
      await this.mail.latestOne('attemptId', attempt.id),
      (await this.assessments.delivery(attempt.assessmentId)).lang,
    );
  }

  private url(token: string): string {
    return `${this.config.publicUrl}/take/${token}`;
  }

  private link(
    invitation: Pick<InvitationEntity, 'id' | 'expiresAt'>,
    attemptId: string,
    candidate: CandidateEntity,
    token: string,
    mail: MailStatusSummary | null,
  ): InvitationLink {
    return {
      invitationId: invitation.id,
      attemptId,
      candidate: { name: candidate.name, email: candidate.email },
      url: this.url(token),
      token,
      expiresAt: invitation.expiresAt.toISOString(),
      mail,
    };
  }

  private async invitation(id: string): Promise<InvitationEntity> {
    const invitation = await this.repo.invitation(id);
    if (!invitation) throw new ApiException('invitation-not-found');
    return invitation;
  }
}
