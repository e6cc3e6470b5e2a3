import { Injectable } from '@nestjs/common';
import type { AttemptListItem, Page } from '@rubricon/contracts';
import { AssessmentsService } from '../assessments/assessments.service';
import { IntegrityService } from '../integrity/integrity.service';
import { toAttemptSummary } from './attempt-summary';
import type { ListAttemptsQuery } from './attempt-list.dto';
import { InvitationsRepository } from './invitations.repository';

/** Candidates and their attempts across assessments, for HR's candidates page. */
@Injectable()
export class AttemptListService {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly assessments: AssessmentsService,
    private readonly integrity: IntegrityService,
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
    return {
      items: rows.map((r) => ({
        ...toAttemptSummary(r, counts.get(r.id) ?? 0),
        assessment: { id: r.assessmentId, postingTitle: titles.get(r.assessmentId) ?? '' },
      })),
      total,
    };
  }
}
