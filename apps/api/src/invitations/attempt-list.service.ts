import { Injectable } from '@nestjs/common';
import type { AttemptListItem, MailLang, Page } from '@rubricon/contracts';
import { AssessmentsService } from '../assessments/assessments.service';
import { IntegrityService } from '../integrity/integrity.service';
import { toAttemptSummary } from './attempt-summary';
import type { ListAttemptsQuery } from './attempt-list.dto';
import { InvitationsRepository } from './invitations.repository';
import { MailService } from '../mail/mail.service';

/** Candidates and their attempts across assessments, for HR's candidates page. */
@Injectable()
export class AttemptListService {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly assessments: AssessmentsService,
    private readonly integrity: IntegrityService,
    private readonly mail: MailService,
  ) {}

  async page(query: ListAttemptsQuery): Promise<Page<AttemptListItem>> {
    const [rows, total] = await this.repo.pageAttempts({
      search: query.search?.trim() || undefined,
      status: query.status,
      assessmentId: query.assessmentId,
      now: new Date(),
      offset: query.offset,
      limit: query.limit,
    });
    const counts = await this.integrity.countsByAttempt(rows.map((r) => r.id));
    const titles = await this.assessments.postingTitles(rows.map((r) => r.assessmentId));
    const mails = await this.mail.latest(
      'attemptId',
      rows.map((r) => r.id),
    );
    const langs = new Map<string, MailLang>();
    for (const id of new Set(rows.map((r) => r.assessmentId)))
      langs.set(id, (await this.assessments.delivery(id)).lang);
    return {
      items: rows.map((r) => ({
        ...toAttemptSummary(r, counts.get(r.id) ?? 0, mails.get(r.id) ?? null, langs.get(r.assessmentId) ?? 'zh'),
        assessment: { id: r.assessmentId, postingTitle: titles.get(r.assessmentId) ?? '' },
      })),
      total,
    };
  }
}
