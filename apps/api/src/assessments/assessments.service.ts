import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssessmentSummary, AssessmentView, BankQuestionSummary } from '@rubricon/contracts';
import {
  alternativesFor,
  dutyCoverage,
  generateAssessment,
  type Question,
  type RoleFamily,
} from '@rubricon/generation';
import { DataSource, EntityManager } from 'typeorm';
import { BankService, toBankSummary } from '../bank/bank.service';
import { PostingsService } from '../postings/postings.service';
import { AssessmentQuestionEntity } from './assessment-question.entity';
import { AssessmentEntity } from './assessment.entity';
import { toAssessmentSummary, toAssessmentView } from './assessment-view';
import { GenerateAssessmentDto, UpdateAssessmentDto } from './assessments.dto';

/** What a candidate attempt needs of an assessment: its questions as published, in order. */
export interface Delivery {
  id: string;
  status: 'draft' | 'published';
  title: string;
  lang: 'zh' | 'en';
  durationMinutes: number;
  questions: Question[];
}

@Injectable()
export class AssessmentsService {
  // Published assessments never change, so their delivery can be kept in memory.
  private readonly deliveries = new Map<string, Delivery>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bank: BankService,
    private readonly postings: PostingsService,
  ) {}

  /** Generates a draft from the posting's duty lines with the current bank, and stores it. */
  async generate(postingId: string, dto: GenerateAssessmentDto, userId: string): Promise<AssessmentView> {
    const posting = await this.postings.get(postingId);
    const { bank, rows } = await this.bank.current();
    const { detail } = generateAssessment(posting, bank, { seed: dto.seed, lang: dto.lang });
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    const assessment = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(AssessmentEntity, {
          postingId,
          status: 'draft',
          seed: dto.seed ?? null,
          lang: detail.lang,
          roleFamily: detail.family.family,
          durationMinutes: detail.blueprint.totalMinutes,
          bankVersion: bank.version,
          duties: detail.duties.map(({ questionIds: _, ...line }) => line),
          coveragePercent: detail.coveragePercent,
          createdById: userId,
        }),
      );
      await manager.save(
        detail.questions.map((q, position) =>
          manager.create(AssessmentQuestionEntity, {
            assessmentId: saved.id,
            kind: byId.get(q.id)!.kind,
            position,
            questionId: q.id,
            bankQuestionId: rows[q.id],
          }),
        ),
      );
      return saved;
    });
    return this.get(assessment.id);
  }

  async listForPosting(postingId: string): Promise<AssessmentSummary[]> {
    const posting = await this.postings.get(postingId);
    const rows = await this.dataSource
      .getRepository(AssessmentEntity)
      .find({ where: { postingId }, relations: { questions: true }, order: { createdAt: 'DESC' } });
    return rows.map((a) => toAssessmentSummary(a, posting.title));
  }

  async get(id: string): Promise<AssessmentView> {
    const assessment = await this.load(this.dataSource.manager, id);
    const posting = await this.postings.get(assessment.postingId);
    const questions = await this.bank.snapshots(assessment.questions.map((q) => q.bankQuestionId));
    return toAssessmentView(assessment, posting.title, questions, await this.bank.competencyLabels());
  }

  async delivery(id: string): Promise<Delivery> {
    const cached = this.deliveries.get(id);
    if (cached) return cached;
    const assessment = await this.load(this.dataSource.manager, id);
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
    if (assessment.status === 'published') this.deliveries.set(id, delivery);
    return delivery;
  }

  async update(id: string, dto: UpdateAssessmentDto): Promise<AssessmentView> {
    await this.editDraft(id, async (manager, assessment) => {
      if (dto.durationMinutes !== undefined) assessment.durationMinutes = dto.durationMinutes;
      await manager.save(assessment);
    });
    return this.get(id);
  }

  async addQuestion(id: string, questionId: string): Promise<AssessmentView> {
    const question = await this.bank.question(questionId);
    const { rows } = await this.bank.current();
    await this.editDraft(id, async (manager, assessment) => {
      if (assessment.questions.some((q) => q.questionId === questionId))
        throw new ConflictException(`${questionId} is already in this assessment.`);
      const position = Math.max(-1, ...assessment.questions.map((q) => q.position)) + 1;
      assessment.questions.push(
        manager.create(AssessmentQuestionEntity, {
          assessmentId: id,
          kind: question.kind,
          position,
          questionId,
          bankQuestionId: rows[questionId],
        }),
      );
    });
    return this.get(id);
  }

  async removeQuestion(id: string, questionId: string): Promise<AssessmentView> {
    await this.editDraft(id, async (manager, assessment) => {
      const entry = assessment.questions.find((q) => q.questionId === questionId);
      if (!entry) throw new NotFoundException(`${questionId} is not in this assessment.`);
      if (assessment.questions.length === 1)
        throw new BadRequestException(
          'An assessment needs at least one question; add another before removing this one.',
        );
      await manager.delete(AssessmentQuestionEntity, { id: entry.id });
      assessment.questions = assessment.questions.filter((q) => q !== entry);
    });
    return this.get(id);
  }

  /** Replaces a question by another of the same kind that shares at least one competency, in place. */
  async swapQuestion(id: string, questionId: string, replacementId: string): Promise<AssessmentView> {
    const allowed = await this.alternatives(id, questionId);
    if (!allowed.some((q) => q.id === replacementId)) {
      throw new BadRequestException(
        `${replacementId} cannot replace ${questionId}: it must be a ${questionId.split('.')[0]} question sharing a competency and not already used.`,
      );
    }
    const { rows } = await this.bank.current();
    await this.editDraft(id, async (_manager, assessment) => {
      const entry = assessment.questions.find((q) => q.questionId === questionId)!;
      entry.questionId = replacementId;
      entry.bankQuestionId = rows[replacementId];
    });
    return this.get(id);
  }

  /**
   * Questions that may replace `questionId`: same kind, sharing its competencies (closest first),
   * and keeping covered every duty line the assessment covers now.
   */
  async alternatives(id: string, questionId: string): Promise<BankQuestionSummary[]> {
    const assessment = await this.load(this.dataSource.manager, id);
    const entry = assessment.questions.find((q) => q.questionId === questionId);
    if (!entry) throw new NotFoundException(`${questionId} is not in this assessment.`);
    const snapshots = await this.bank.snapshots(assessment.questions.map((q) => q.bankQuestionId));
    const current = snapshots.get(entry.bankQuestionId)!;
    const others = assessment.questions.filter((q) => q !== entry).map((q) => snapshots.get(q.bankQuestionId)!);
    const duties = assessment.duties;
    const uncoveredNow = dutyCoverage(duties, [...others, current]).uncoveredDuties.length;
    const { bank } = await this.bank.current();
    return alternativesFor(
      bank,
      current,
      assessment.roleFamily as RoleFamily,
      assessment.questions.map((q) => q.questionId),
    )
      .filter((candidate) => dutyCoverage(duties, [...others, candidate]).uncoveredDuties.length <= uncoveredNow)
      .map(toBankSummary);
  }

  async publish(id: string): Promise<AssessmentView> {
    await this.editDraft(id, async (_manager, assessment) => {
      assessment.status = 'published';
      assessment.publishedAt = new Date();
    });
    return this.get(id);
  }

  /**
   * Loads a draft, applies a change and recomputes its coverage, all in one transaction. On MySQL the
   * assessment row is locked first, so two edits (or an edit and a publish) take turns and each sees
   * the other's result: two removals cannot empty a draft, nothing changes after publish. SQLite
   * already takes transactions in turns (database/sqlite-serial.ts) and has no row locks.
   */
  private async editDraft(
    id: string,
    change: (manager: EntityManager, assessment: AssessmentEntity) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (manager.connection.options.type !== 'better-sqlite3') {
        await manager.findOne(AssessmentEntity, {
          where: { id },
          select: { id: true },
          lock: { mode: 'pessimistic_write' },
        });
      }
      const assessment = await this.load(manager, id);
      if (assessment.status !== 'draft')
        throw new ConflictException(
          'This assessment is published and can no longer change; generate a new draft instead.',
        );
      await change(manager, assessment);
      const snapshots = await this.bank.snapshots(assessment.questions.map((q) => q.bankQuestionId));
      const questions = assessment.questions.map((q) => snapshots.get(q.bankQuestionId)!) as Question[];
      assessment.coveragePercent = dutyCoverage(assessment.duties, questions).coveragePercent;
      await manager.save(assessment);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<AssessmentEntity> {
    const assessment = await manager.findOne(AssessmentEntity, { where: { id }, relations: { questions: true } });
    if (!assessment) throw new NotFoundException('No such assessment.');
    assessment.questions.sort((a, b) => a.position - b.position);
    return assessment;
  }
}
