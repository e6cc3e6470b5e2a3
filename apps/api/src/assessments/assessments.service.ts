import { Inject, Injectable } from '@nestjs/common';
import type { AssessmentSummary, AssessmentView, Page } from '@rubricon/contracts';
import { generateAssessment, isComposed, type Question } from '@rubricon/generation';
import { AuditService } from '../audit/audit.service';
import { BankService } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import { PostingsService } from '../postings/postings.service';
import { AssessmentDraftsService } from './assessment-drafts.service';
import { toAssessmentSummary, toAssessmentView } from './assessment-view';
import type { AssessmentEntity } from './assessment.entity';
import {
  GenerateAssessmentDto,
  ListAssessmentsQuery,
  PublishAssessmentDto,
  UpdateAssessmentDto,
} from './assessments.dto';
import { AssessmentsRepository } from './assessments.repository';
import { DELIVERY_CACHE, type Delivery, type DeliveryCache } from './delivery';

export type { Delivery } from './delivery';

/** Assessments as a whole: generating, reading, delivering to candidates, retiming and publishing. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly repo: AssessmentsRepository,
    private readonly drafts: AssessmentDraftsService,
    private readonly bank: BankService,
    private readonly postings: PostingsService,
    @Inject(DELIVERY_CACHE) private readonly deliveries: DeliveryCache,
    private readonly audit: AuditService,
  ) {}

  /** Generates a draft from the posting's duty lines with the current bank, and stores it. */
  async generate(postingId: string, dto: GenerateAssessmentDto, userId: string): Promise<AssessmentView> {
    const posting = await this.postings.get(postingId);
    const { bank, rows } = await this.bank.current();
    const { assessment, detail } = generateAssessment(posting, bank, { seed: dto.seed, lang: dto.lang });
    const composedRows = await this.bank.recordComposed(detail.composed);
    const byId = new Map([...bank.questions, ...detail.composed].map((q) => [q.id, q]));
    const id = await this.repo.insertWithQuestions(
      {
        postingId,
        status: 'draft',
        seed: dto.seed ?? null,
        lang: detail.lang,
        roleFamily: detail.family.family,
        durationMinutes: assessment.durationMinutes,
        bankVersion: bank.version,
        duties: detail.duties.map(({ questionIds: _, ...line }) => line),
        coveragePercent: detail.coveragePercent,
        familyReasons: detail.family.reasons,
        createdById: userId,
      },
      detail.questions.map((q) => ({
        kind: byId.get(q.id)!.kind,
        questionId: q.id,
        bankQuestionId: rows[q.id] ?? composedRows[q.id],
      })),
    );
    return this.get(id);
  }

  /** Assessments across postings, newest first, filtered and paged. */
  async page(query: ListAssessmentsQuery): Promise<Page<AssessmentSummary>> {
    const [rows, total] = await this.repo.page({
      status: query.status,
      postingId: query.postingId,
      titleContains: query.search?.trim() || undefined,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: rows.map((a) => toAssessmentSummary(a, a.posting.title)), total };
  }

  /** The posting title (what HR calls an assessment) of each of these assessments, by id. */
  postingTitles(ids: string[]): Promise<Map<string, string>> {
    return this.repo.postingTitles(ids);
  }

  async listForPosting(postingId: string): Promise<AssessmentSummary[]> {
    const posting = await this.postings.get(postingId);
    const rows = await this.repo.findForPosting(postingId);
    return rows.map((a) => toAssessmentSummary(a, posting.title));
  }

  async get(id: string): Promise<AssessmentView> {
    const assessment = await this.load(id);
    const posting = await this.postings.get(assessment.postingId);
    const questions = await this.bank.snapshots(assessment.questions.map((q) => q.bankQuestionId));
    const { bank } = await this.bank.current();
    return toAssessmentView(assessment, posting.title, questions, bank, await this.bank.competencyLabels());
  }

  /**
   * The questions composed from duty lines (in no bank file) in any of the posting's assessments,
   * by id, with their stored version: an interview may ask them too.
   */
  async composedQuestions(postingId: string): Promise<Map<string, { bankQuestionId: string; question: Question }>> {
    const { rows } = await this.bank.current();
    const entries = (await this.repo.findForPosting(postingId))
      .flatMap((a) => a.questions)
      .filter((q) => rows[q.questionId] === undefined);
    const snapshots = await this.bank.snapshots([...new Set(entries.map((q) => q.bankQuestionId))]);
    const out = new Map<string, { bankQuestionId: string; question: Question }>();
    for (const entry of entries) {
      const question = snapshots.get(entry.bankQuestionId);
      if (question && isComposed(question))
        out.set(entry.questionId, { bankQuestionId: entry.bankQuestionId, question });
    }
    return out;
  }

  /** What candidates are given; a published one is kept in the delivery cache, as it never changes. */
  async delivery(id: string): Promise<Delivery> {
    const cached = await this.deliveries.get(id);
    if (cached) return cached;
    const assessment = await this.load(id);
    const posting = await this.postings.get(assessment.postingId);
    const snapshots = await this.bank.snapshots(assessment.questions.map((q) => q.bankQuestionId));
    const delivery: Delivery = {
      id,
      status: assessment.status,
      title: posting.title,
      lang: assessment.lang,
      durationMinutes: assessment.durationMinutes,
      questions: assessment.questions.map((q) => snapshots.get(q.bankQuestionId)!),
    };
    if (assessment.status === 'published') await this.deliveries.set(id, delivery);
    return delivery;
  }

  async update(id: string, dto: UpdateAssessmentDto): Promise<AssessmentView> {
    const { durationMinutes } = dto;
    await this.drafts.edit(id, async () => (durationMinutes === undefined ? {} : { durationMinutes }));
    return this.get(id);
  }

  async setBlindScoring(id: string, blind: boolean): Promise<{ blind: boolean }> {
    const assessment = await this.load(id);
    if (assessment.blindScoring !== blind) {
      await this.repo.transaction(async (tx) => {
        await tx.update(id, { blindScoring: blind });
        await this.audit.record(
          {
            action: 'assessment.blind',
            target: { type: 'assessment', id },
            changes: { blindScoring: { from: !blind, to: blind } },
          },
          tx.database,
        );
      });
    }
    return { blind };
  }

  /** Publishes the draft, with the duration HR confirmed at publish time when one is given. */
  async publish(id: string, dto: PublishAssessmentDto = {}): Promise<AssessmentView> {
    const { durationMinutes } = dto;
    await this.drafts.edit(id, async (tx, draft) => {
      const retimed = durationMinutes !== undefined && durationMinutes !== draft.durationMinutes;
      await this.audit.record(
        {
          action: 'assessment.publish',
          target: { type: 'assessment', id },
          changes: {
            status: { from: draft.status, to: 'published' },
            ...(retimed ? { durationMinutes: { from: draft.durationMinutes, to: durationMinutes } } : {}),
          },
        },
        tx.database,
      );
      return {
        status: 'published',
        publishedAt: new Date(),
        ...(durationMinutes === undefined ? {} : { durationMinutes }),
      };
    });
    return this.get(id);
  }

  private async load(id: string): Promise<AssessmentEntity> {
    const assessment = await this.repo.findWithQuestions(id);
    if (!assessment) throw new ApiException('assessment-not-found');
    return assessment;
  }
}
