import { Injectable } from '@nestjs/common';
import type { Recommendation, SheetStatus, SubjectKind } from '@rubricon/contracts';
import { AssessmentQuestionEntity } from '../assessments/assessment-question.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { AnswerEntity } from '../attempts/answer.entity';
import { AttemptEntity } from '../attempts/attempt.entity';
import { Database } from '../database/database';
import { toDate } from '../database/raw-date';
import { InterviewQuestionEntity } from '../interviews/interview-question.entity';
import { InterviewEntity } from '../interviews/interview.entity';
import { CandidateEntity } from '../invitations/candidate.entity';
import { PostingEntity } from '../postings/posting.entity';
import { UserEntity } from '../users/user.entity';
import { ScoreAmendmentEntity } from './score-amendment.entity';
import { ScoreSheetEntity } from './score-sheet.entity';
import { ScoreEntity } from './score.entity';

/** What is scored: an attempt or an interview, with what a sheet needs to know about it. */
export interface SubjectRow {
  kind: SubjectKind;
  id: string;
  postingId: string;
  postingTitle: string;
  candidateId: string;
  candidateName: string;
  candidateEmail: string;
  /** The assessment's blind-scoring switch (attempts); interviews are never blind: the panel met the candidate. */
  blind: boolean;
  /** Submitted (attempt) or ended (interview): only then is there something to score. */
  completedAt: Date | null;
  /** The questions in order: the bank's stable id and the stored row it is pinned to. */
  questions: { questionId: string; bankQuestionId: string }[];
}

export type SheetWithRater = ScoreSheetEntity & { raterName: string; raterEmail: string; raterRole: string };
export type AmendmentWithAuthor = ScoreAmendmentEntity & { amendedByName: string };

export interface ReviewRow {
  sheet: ScoreSheetEntity;
  postingTitle: string;
  candidateName: string;
  blind: boolean;
  completedAt: Date | null;
}

/** Every read and write of score sheets, scores and amendments, and the subjects they score. */
@Injectable()
export class ScoringRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: (tx: ScoringRepository, db: Database) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new ScoringRepository(tx), tx));
  }

  async subject(kind: SubjectKind, id: string): Promise<SubjectRow | null> {
    return kind === 'attempt' ? this.attemptSubject(id) : this.interviewSubject(id);
  }

  private async attemptSubject(id: string): Promise<SubjectRow | null> {
    return this.db.run(async (m) => {
      const row = await m
        .createQueryBuilder(AttemptEntity, 'a')
        .innerJoin(AssessmentEntity, 's', 's.id = a.assessmentId')
        .innerJoin(PostingEntity, 'p', 'p.id = s.postingId')
        .innerJoin(CandidateEntity, 'c', 'c.id = a.candidateId')
        .select(['a.id AS id', 'a.status AS status', 'a.submittedAt AS submittedAt', 'a.assessmentId AS assessmentId'])
        .addSelect(['s.postingId AS postingId', 's.blindScoring AS blind', 'p.title AS postingTitle'])
        .addSelect(['a.candidateId AS candidateId', 'c.name AS candidateName', 'c.email AS candidateEmail'])
        .where('a.id = :id', { id })
        .getRawOne<Record<string, unknown>>();
      if (!row) return null;
      const questions = await m.find(AssessmentQuestionEntity, {
        where: { assessmentId: row.assessmentId as string },
        order: { position: 'ASC' },
      });
      return {
        kind: 'attempt' as const,
        id,
        postingId: row.postingId as string,
        postingTitle: row.postingTitle as string,
        candidateId: row.candidateId as string,
        candidateName: row.candidateName as string,
        candidateEmail: row.candidateEmail as string,
        blind: Boolean(Number(row.blind)),
        completedAt: row.status === 'submitted' && row.submittedAt ? toDate(row.submittedAt) : null,
        questions: questions.map((q) => ({ questionId: q.questionId, bankQuestionId: q.bankQuestionId })),
      };
    });
  }

  private async interviewSubject(id: string): Promise<SubjectRow | null> {
    return this.db.run(async (m) => {
      const interview = await m.findOne(InterviewEntity, {
        where: { id },
        relations: { candidate: true, posting: true },
      });
      if (!interview) return null;
      const questions = await m.find(InterviewQuestionEntity, {
        where: { interviewId: id },
        order: { position: 'ASC' },
      });
      return {
        kind: 'interview' as const,
        id,
        postingId: interview.postingId,
        postingTitle: interview.posting.title,
        candidateId: interview.candidateId,
        candidateName: interview.candidate.name,
        candidateEmail: interview.candidate.email,
        blind: false,
        completedAt: interview.status === 'ended' ? (interview.endedAt ?? interview.startsAt) : null,
        questions: questions.map((q) => ({ questionId: q.questionId, bankQuestionId: q.bankQuestionId })),
      };
    });
  }

  /** The candidate's scoreable subjects for a posting: submitted attempts, ended interviews, and any with sheets. */
  async subjectsOf(postingId: string, candidateId: string): Promise<{ kind: SubjectKind; id: string }[]> {
    return this.db.run(async (m) => {
      const attempts = await m
        .createQueryBuilder(AttemptEntity, 'a')
        .innerJoin(AssessmentEntity, 's', 's.id = a.assessmentId')
        .select('a.id', 'id')
        .where('s.postingId = :postingId AND a.candidateId = :candidateId', { postingId, candidateId })
        .andWhere("a.status = 'submitted'")
        .getRawMany<{ id: string }>();
      const interviews = await m
        .createQueryBuilder(InterviewEntity, 'i')
        .select('i.id', 'id')
        .where('i.postingId = :postingId AND i.candidateId = :candidateId', { postingId, candidateId })
        .andWhere("i.status = 'ended'")
        .getRawMany<{ id: string }>();
      const sheets = await m
        .createQueryBuilder(ScoreSheetEntity, 's')
        .select(['s.subjectKind AS kind', 's.subjectId AS id'])
        .where('s.postingId = :postingId AND s.candidateId = :candidateId', { postingId, candidateId })
        .getRawMany<{ kind: SubjectKind; id: string }>();
      const all = new Map<string, { kind: SubjectKind; id: string }>();
      for (const a of attempts) all.set(`attempt:${a.id}`, { kind: 'attempt', id: a.id });
      for (const i of interviews) all.set(`interview:${i.id}`, { kind: 'interview', id: i.id });
      for (const s of sheets) all.set(`${s.kind}:${s.id}`, { kind: s.kind, id: s.id });
      return [...all.values()];
    });
  }

  /** The saved answers of an attempt, by question id. */
  async answers(attemptId: string): Promise<Map<string, AnswerEntity>> {
    const rows = await this.db.run((m) => m.find(AnswerEntity, { where: { attemptId } }));
    return new Map(rows.map((a) => [a.questionId, a]));
  }

  async sheetsOfSubject(kind: SubjectKind, id: string): Promise<SheetWithRater[]> {
    return this.sheetsWhere('s.subjectKind = :kind AND s.subjectId = :id', { kind, id });
  }

  async sheetsOfCandidate(postingId: string, candidateId: string): Promise<SheetWithRater[]> {
    return this.sheetsWhere('s.postingId = :postingId AND s.candidateId = :candidateId', { postingId, candidateId });
  }

  private async sheetsWhere(where: string, params: Record<string, unknown>): Promise<SheetWithRater[]> {
    return this.db.run(async (m) => {
      const { entities, raw } = await m
        .createQueryBuilder(ScoreSheetEntity, 's')
        .innerJoin(UserEntity, 'u', 'u.id = s.raterId')
        .addSelect(['u.name AS raterName', 'u.email AS raterEmail', 'u.role AS raterRole'])
        .where(where, params)
        .orderBy('s.assignedAt', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getRawAndEntities<{ raterName: string; raterEmail: string; raterRole: string }>();
      return entities.map((sheet, i) =>
        Object.assign(sheet, {
          raterName: raw[i].raterName,
          raterEmail: raw[i].raterEmail,
          raterRole: raw[i].raterRole,
        }),
      );
    });
  }

  async sheet(kind: SubjectKind, subjectId: string, raterId: string): Promise<ScoreSheetEntity | null> {
    return this.db.run((m) => m.findOne(ScoreSheetEntity, { where: { subjectKind: kind, subjectId, raterId } }));
  }

  async scores(sheetIds: string[]): Promise<ScoreEntity[]> {
    if (sheetIds.length === 0) return [];
    return this.db.run((m) =>
      m.createQueryBuilder(ScoreEntity, 'x').where('x.sheetId IN (:...sheetIds)', { sheetIds }).getMany(),
    );
  }

  async amendments(sheetIds: string[]): Promise<AmendmentWithAuthor[]> {
    if (sheetIds.length === 0) return [];
    return this.db.run(async (m) => {
      const { entities, raw } = await m
        .createQueryBuilder(ScoreAmendmentEntity, 'x')
        .leftJoin(UserEntity, 'u', 'u.id = x.amendedById')
        .addSelect('u.name', 'amendedByName')
        .where('x.sheetId IN (:...sheetIds)', { sheetIds })
        .orderBy('x.amendedAt', 'ASC')
        .getRawAndEntities<{ amendedByName: string | null }>();
      return entities.map((a, i) => Object.assign(a, { amendedByName: raw[i].amendedByName ?? '' }));
    });
  }

  /** Active staff users of any role, by name: whom HR may assign. */
  async activeStaff(ids?: string[]): Promise<UserEntity[]> {
    if (ids && ids.length === 0) return [];
    return this.db.run((m) => {
      const qb = m.createQueryBuilder(UserEntity, 'u').where('u.active = :active', { active: true });
      if (ids) qb.andWhere('u.id IN (:...ids)', { ids: [...new Set(ids)] });
      return qb.orderBy('u.name', 'ASC').getMany();
    });
  }

  async insertSheets(subject: SubjectRow, raterIds: string[], assignedById: string): Promise<void> {
    if (raterIds.length === 0) return;
    await this.db.run((m) =>
      m.insert(
        ScoreSheetEntity,
        raterIds.map((raterId) =>
          m.create(ScoreSheetEntity, {
            subjectKind: subject.kind,
            subjectId: subject.id,
            postingId: subject.postingId,
            candidateId: subject.candidateId,
            raterId,
            status: 'pending',
            recommendation: null,
            assignedById,
            submittedAt: null,
          }),
        ),
      ),
    );
  }

  /** Removes pending sheets only (with their draft scores); returns how many went. */
  async deletePendingSheets(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .delete()
        .from(ScoreSheetEntity)
        .where('id IN (:...ids)', { ids })
        .andWhere("status = 'pending'")
        .execute(),
    );
    return result.affected ?? 0;
  }

  /** Inserts or replaces the given criterion scores of a sheet. */
  async upsertScores(
    sheetId: string,
    scores: {
      questionId: string;
      criterionId: string;
      level: number | null;
      evidence: string;
      overrideReason: string | null;
    }[],
  ): Promise<void> {
    if (scores.length === 0) return;
    await this.db.run(async (m) => {
      const existing = await m.find(ScoreEntity, { where: { sheetId } });
      const byKey = new Map(existing.map((s) => [`${s.questionId}\u0000${s.criterionId}`, s]));
      const now = new Date();
      for (const s of scores) {
        const found = byKey.get(`${s.questionId}\u0000${s.criterionId}`);
        if (found) {
          await m.update(
            ScoreEntity,
            { id: found.id },
            { level: s.level, evidence: s.evidence, overrideReason: s.overrideReason, updatedAt: now },
          );
        } else {
          await m.insert(ScoreEntity, m.create(ScoreEntity, { ...s, sheetId, updatedAt: now }));
        }
      }
    });
  }

  async setRecommendation(sheetId: string, recommendation: Recommendation | null): Promise<void> {
    await this.db.run((m) => m.update(ScoreSheetEntity, { id: sheetId }, { recommendation }));
  }

  /** Marks a pending sheet submitted; false when it was not pending (already submitted, or gone). */
  async markSubmitted(sheetId: string, at: Date): Promise<boolean> {
    const result = await this.db.run((m) =>
      m
        .createQueryBuilder()
        .update(ScoreSheetEntity)
        .set({ status: 'submitted' as SheetStatus, submittedAt: at })
        .where('id = :sheetId', { sheetId })
        .andWhere("status = 'pending'")
        .execute(),
    );
    return (result.affected ?? 0) === 1;
  }

  async insertAmendment(amendment: Omit<ScoreAmendmentEntity, 'id' | 'sheet' | 'amendedAt'>): Promise<void> {
    await this.db.run((m) => m.insert(ScoreAmendmentEntity, m.create(ScoreAmendmentEntity, amendment)));
  }

  /** The rater's sheets, newest assignment first, with what the list shows. */
  async reviews(
    raterId: string,
    status: SheetStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: ReviewRow[]; total: number }> {
    return this.db.run(async (m) => {
      const qb = m
        .createQueryBuilder(ScoreSheetEntity, 's')
        .innerJoin(PostingEntity, 'p', 'p.id = s.postingId')
        .innerJoin(CandidateEntity, 'c', 'c.id = s.candidateId')
        .leftJoin(AttemptEntity, 'a', "s.subjectKind = 'attempt' AND a.id = s.subjectId")
        .leftJoin(AssessmentEntity, 'ass', 'ass.id = a.assessmentId')
        .leftJoin(InterviewEntity, 'i', "s.subjectKind = 'interview' AND i.id = s.subjectId")
        .addSelect(['p.title AS postingTitle', 'c.name AS candidateName', 'ass.blindScoring AS blind'])
        .addSelect(['a.submittedAt AS attemptDone', 'i.endedAt AS interviewDone'])
        .where('s.raterId = :raterId', { raterId });
      if (status) qb.andWhere('s.status = :status', { status });
      const total = await qb.getCount();
      const { entities, raw } = await qb
        .orderBy('s.assignedAt', 'DESC')
        .addOrderBy('s.id', 'ASC')
        .offset(offset)
        .limit(limit)
        .getRawAndEntities<Record<string, unknown>>();
      return {
        total,
        items: entities.map((sheet, i) => ({
          sheet,
          postingTitle: raw[i].postingTitle as string,
          candidateName: raw[i].candidateName as string,
          blind: Boolean(Number(raw[i].blind ?? 0)),
          completedAt: toDate(raw[i].attemptDone ?? raw[i].interviewDone),
        })),
      };
    });
  }
}
