import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttemptDetail, AttemptSummary, InvitationLink } from '@rubricon/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { APP_CONFIG, type AppConfig } from '../config';
import { AnswerEntity } from './answer.entity';
import { AttemptEntity } from './attempt.entity';
import { AttemptsService, hashToken } from './attempts.service';
import { effectiveStatus } from './candidate-view';
import { CandidateEntity } from './candidate.entity';
import { parseCandidatesCsv } from './candidates-csv';
import { IntegrityEventEntity } from './integrity-event.entity';
import { InvitationEntity } from './invitation.entity';

const DAY_MS = 24 * 3600 * 1000;

/** HR's side: invite candidates to a published assessment, follow their attempts. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly attemptsService: AttemptsService,
  ) {}

  async invite(
    assessmentId: string,
    candidates: { name: string; email: string }[],
    expiresInDays = 7,
    userId?: string,
  ): Promise<InvitationLink[]> {
    const delivery = await this.assessments.delivery(assessmentId);
    if (delivery.status !== 'published')
      throw new ConflictException('Publish the assessment before inviting candidates.');
    const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      const links: InvitationLink[] = [];
      for (const c of candidates) {
        const candidate = await manager.save(
          manager.create(CandidateEntity, { name: c.name.trim(), email: c.email.trim().toLowerCase() }),
        );
        const token = newToken();
        const invitation = await manager.save(
          manager.create(InvitationEntity, {
            assessmentId,
            candidateId: candidate.id,
            tokenHash: hashToken(token),
            expiresAt,
            createdById: userId ?? null,
          }),
        );
        const attempt = await manager.save(
          manager.create(AttemptEntity, {
            invitationId: invitation.id,
            assessmentId,
            candidateId: candidate.id,
            status: 'invited',
          }),
        );
        links.push(this.link(invitation, attempt.id, candidate, token));
      }
      return links;
    });
  }

  async inviteCsv(assessmentId: string, csv: Buffer | string | undefined, userId?: string): Promise<InvitationLink[]> {
    if (csv === undefined)
      throw new BadRequestException('Send a CSV file in the field "file", or JSON { "text": "name,email\\n…" }.');
    const parsed = parseCandidatesCsv(csv);
    if ('error' in parsed) throw new UnprocessableEntityException(parsed.error);
    return this.invite(assessmentId, parsed.candidates, undefined, userId);
  }

  async attempts(assessmentId: string): Promise<AttemptSummary[]> {
    await this.assessments.delivery(assessmentId); // 404 for an unknown assessment
    const rows = await this.dataSource
      .getRepository(AttemptEntity)
      .find({ where: { assessmentId }, relations: { invitation: true, candidate: true }, order: { createdAt: 'ASC' } });
    const counts = await this.eventCounts(rows.map((r) => r.id));
    return rows.map((r) => summary(r, counts.get(r.id) ?? 0));
  }

  async detail(attemptId: string): Promise<AttemptDetail> {
    const attempt = await this.dataSource
      .getRepository(AttemptEntity)
      .findOne({ where: { id: attemptId }, relations: { invitation: true, candidate: true } });
    if (!attempt) throw new NotFoundException('No such attempt.');
    const delivery = await this.assessments.delivery(attempt.assessmentId);
    const answers = new Map(
      (await this.dataSource.getRepository(AnswerEntity).findBy({ attemptId })).map((a) => [a.questionId, a]),
    );
    const events = await this.dataSource
      .getRepository(IntegrityEventEntity)
      .find({ where: { attemptId }, order: { occurredAt: 'ASC' } });
    return {
      ...summary(attempt, events.length),
      assessmentId: attempt.assessmentId,
      answers: delivery.questions
        .filter((q) => answers.has(q.id))
        .map((q) => {
          const a = answers.get(q.id)!;
          return {
            questionId: q.id,
            kind: q.kind,
            title: q.title,
            content: a.content,
            ...(a.language ? { language: a.language } : {}),
            version: a.version,
            savedAt: a.savedAt.toISOString(),
            ...(a.grading ? { grading: JSON.parse(a.grading) } : {}),
          };
        }),
      timeline: events.map((e) => ({
        type: e.type,
        detail: JSON.parse(e.detail),
        at: e.occurredAt.toISOString(),
        ...(e.questionId ? { questionId: e.questionId } : {}),
      })),
    };
  }

  /** Withdraws the link and ends any open session of it at once. */
  async revoke(invitationId: string): Promise<AttemptSummary> {
    const invitation = await this.invitation(invitationId);
    if (!invitation.revokedAt) {
      await this.dataSource
        .getRepository(InvitationEntity)
        .update({ id: invitationId }, { revokedAt: new Date(), sessionGeneration: invitation.sessionGeneration + 1 });
      await this.endSessions(invitationId);
    }
    return this.summaryOf(invitationId);
  }

  /** A fresh link for the same attempt; the old one stops working. Resumes an attempt under way. */
  async resend(invitationId: string): Promise<InvitationLink> {
    const invitation = await this.invitation(invitationId);
    const attempt = await this.dataSource
      .getRepository(AttemptEntity)
      .findOneOrFail({ where: { invitationId }, relations: { candidate: true } });
    if (attempt.status === 'submitted')
      throw new ConflictException('This attempt has been submitted; there is nothing to resend.');
    const token = newToken();
    const expiresAt = new Date(Math.max(invitation.expiresAt.getTime(), Date.now() + 7 * DAY_MS));
    await this.dataSource
      .getRepository(InvitationEntity)
      .update(
        { id: invitationId },
        {
          tokenHash: hashToken(token),
          usedAt: null,
          revokedAt: null,
          expiresAt,
          sessionGeneration: invitation.sessionGeneration + 1,
        },
      );
    await this.endSessions(invitationId);
    return this.link({ ...invitation, expiresAt }, attempt.id, attempt.candidate, token);
  }

  private async endSessions(invitationId: string): Promise<void> {
    const attempt = await this.dataSource.getRepository(AttemptEntity).findOneByOrFail({ invitationId });
    this.attemptsService.stateChanges.next({
      attemptId: attempt.id,
      status: 'session-replaced',
      remainingMs: null,
      deadline: null,
    });
  }

  private link(
    invitation: Pick<InvitationEntity, 'id' | 'expiresAt'>,
    attemptId: string,
    candidate: CandidateEntity,
    token: string,
  ): InvitationLink {
    return {
      invitationId: invitation.id,
      attemptId,
      candidate: { name: candidate.name, email: candidate.email },
      url: `${this.config.publicUrl}/take/${token}`,
      token,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  private async invitation(id: string): Promise<InvitationEntity> {
    const invitation = await this.dataSource.getRepository(InvitationEntity).findOneBy({ id });
    if (!invitation) throw new NotFoundException('No such invitation.');
    return invitation;
  }

  private async summaryOf(invitationId: string): Promise<AttemptSummary> {
    const attempt = await this.dataSource
      .getRepository(AttemptEntity)
      .findOneOrFail({ where: { invitationId }, relations: { invitation: true, candidate: true } });
    return summary(attempt, (await this.eventCounts([attempt.id])).get(attempt.id) ?? 0);
  }

  private async eventCounts(attemptIds: string[]): Promise<Map<string, number>> {
    if (attemptIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(IntegrityEventEntity)
      .createQueryBuilder('e')
      .select('e.attemptId', 'attemptId')
      .addSelect('COUNT(*)', 'n')
      .where({ attemptId: In(attemptIds) })
      .groupBy('e.attemptId')
      .getRawMany<{ attemptId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.attemptId, Number(r.n)]));
  }
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function summary(a: AttemptEntity, integrityEventCount: number): AttemptSummary {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    attemptId: a.id,
    invitationId: a.invitationId,
    candidate: { id: a.candidate.id, name: a.candidate.name, email: a.candidate.email },
    status: effectiveStatus(a, a.invitation.expiresAt, new Date()),
    invitation: {
      expiresAt: a.invitation.expiresAt.toISOString(),
      revokedAt: iso(a.invitation.revokedAt),
      usedAt: iso(a.invitation.usedAt),
    },
    startedAt: iso(a.startedAt),
    deadline: iso(a.deadline),
    submittedAt: iso(a.submittedAt),
    submittedBy: a.submittedBy,
    autoScorePercent: a.autoScore === null ? null : Math.round(a.autoScore * 1000) / 10,
    integrityEventCount,
  };
}
