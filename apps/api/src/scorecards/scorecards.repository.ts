import { Injectable } from '@nestjs/common';
import type { RankingSort, SubjectKind } from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import { BankQuestionEntity } from '../bank/bank-question.entity';
import { Database } from '../database/database';
import { isDuplicateKey } from '../database/driver-errors';
import { containsPattern, likeParam } from '../database/like';
import { CandidateEntity } from '../invitations/candidate.entity';
import { PostingEntity } from '../postings/posting.entity';
import { ScoreSheetEntity } from '../scoring/score-sheet.entity';
import { ScoreEntity } from '../scoring/score.entity';
import { UserEntity } from '../users/user.entity';
import { ScorecardEntity } from './scorecard.entity';

export type StoredScorecard = Omit<ScorecardEntity, 'id' | 'updatedAt'>;

export interface RankingQuery {
  sort: RankingSort;
  order: 'asc' | 'desc';
  flagged?: boolean;
  search?: string;
  limit: number;
  offset: number;
}

export type RankedRow = ScorecardEntity & { candidateName: string; candidateEmail: string };

/** A submitted rater level on one answer, as agreement statistics read them. */
export interface RatingRow {
  subjectKind: SubjectKind;
  subjectId: string;
  questionId: string;
  criterionId: string;
  raterId: string;
  level: number;
}

/** Stored scorecards (one per candidate and posting) and the posting-wide reads of HR's views. */
@Injectable()
export class ScorecardsRepository {
  constructor(private readonly db: Database) {}

  async postingTitle(postingId: string): Promise<string | null> {
    const posting = await this.db.run((m) =>
      m.findOne(PostingEntity, { where: { id: postingId }, select: { title: true } }),
    );
    return posting?.title ?? null;
  }

  async candidate(id: string): Promise<CandidateEntity | null> {
    return this.db.run((m) => m.findOne(CandidateEntity, { where: { id } }));
  }

  /** Inserts or replaces the candidate's scorecard for the posting (a concurrent first insert becomes an update). */
  async save(card: StoredScorecard): Promise<void> {
    const where = { postingId: card.postingId, candidateId: card.candidateId };
    const update = () => this.db.run((m) => m.update(ScorecardEntity, where, { ...card, updatedAt: new Date() }));
    const result = await update();
    if (result.affected) return;
    try {
      await this.db.run((m) => m.insert(ScorecardEntity, m.create(ScorecardEntity, card)));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await update();
    }
  }

  async find(postingId: string, candidateId: string): Promise<ScorecardEntity | null> {
    return this.db.run((m) => m.findOne(ScorecardEntity, { where: { postingId, candidateId } }));
  }

  /** Every total of the posting, highest first (for ranks: ties share a rank). */
  async totals(postingId: string): Promise<number[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(ScorecardEntity, 's')
        .select('s.total', 'total')
        .where('s.postingId = :postingId AND s.total IS NOT NULL', { postingId })
        .orderBy('s.total', 'DESC')
        .getRawMany<{ total: number | string }>(),
    );
    return rows.map((r) => Number(r.total));
  }

  /**
   * One page of the ranking with its candidates, and how many rows match. Unscored rows sort last.
   * The default order (total, highest first; ties by id) walks the (postingId, total) index and
   * stops at the page: no sort of the whole posting. Candidates are joined for the count only when
   * searching by name or email.
   */
  async ranking(postingId: string, query: RankingQuery): Promise<{ rows: RankedRow[]; total: number }> {
    return this.db.run(async (m) => {
      const search = query.search?.trim();
      const filtered = (qb: ReturnType<typeof m.createQueryBuilder<ScorecardEntity>>) => {
        qb.where('s.postingId = :postingId', { postingId });
        if (query.flagged !== undefined) qb.andWhere(query.flagged ? 's.flagCount > 0' : 's.flagCount = 0');
        if (search) {
          qb.innerJoin(CandidateEntity, 'c', 'c.id = s.candidateId').andWhere(
            `(c.name ${likeParam('search')} OR c.email ${likeParam('search')})`,
            { search: containsPattern(search) },
          );
        }
        return qb;
      };
      const total = await filtered(m.createQueryBuilder(ScorecardEntity, 's')).getCount();
      const qb = filtered(m.createQueryBuilder(ScorecardEntity, 's'));
      if (!search) qb.innerJoin(CandidateEntity, 'c', 'c.id = s.candidateId');
      qb.addSelect(['c.name AS candidateName', 'c.email AS candidateEmail']);
      const direction = query.order === 'asc' ? 'ASC' : 'DESC';
      if (query.sort === 'name') qb.orderBy('c.name', direction);
      else if (query.sort === 'submitted') qb.orderBy('s.ratersSubmitted', direction);
      else if (query.sort === 'flags') qb.orderBy('s.flagCount', direction);
      // NULL sorts lowest on both databases: last when descending; ascending needs it said.
      else if (direction === 'DESC') qb.orderBy('s.total', 'DESC');
      else qb.orderBy('CASE WHEN s.total IS NULL THEN 1 ELSE 0 END', 'ASC').addOrderBy('s.total', 'ASC');
      const { entities, raw } = await qb
        .addOrderBy('s.id', direction)
        .offset(query.offset)
        .limit(query.limit)
        .getRawAndEntities<{ candidateName: string; candidateEmail: string }>();
      return {
        total,
        rows: entities.map((e, i) =>
          Object.assign(e, { candidateName: raw[i].candidateName, candidateEmail: raw[i].candidateEmail }),
        ),
      };
    });
  }

  /** Totals and competency profiles of every scorecard of the posting. */
  async profiles(postingId: string): Promise<{ total: number | null; competencies: string }[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(ScorecardEntity, 's')
        .select(['s.total AS total', 's.competencies AS competencies'])
        .where('s.postingId = :postingId', { postingId })
        .getRawMany<{ total: number | string | null; competencies: string }>(),
    );
    return rows.map((r) => ({ total: r.total === null ? null : Number(r.total), competencies: r.competencies }));
  }

  /** Every level (not "no evidence") of every submitted sheet for the posting. */
  async ratings(postingId: string): Promise<RatingRow[]> {
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(ScoreEntity, 'x')
        .innerJoin(ScoreSheetEntity, 's', 's.id = x.sheetId')
        .select(['s.subjectKind AS subjectKind', 's.subjectId AS subjectId', 's.raterId AS raterId'])
        .addSelect(['x.questionId AS questionId', 'x.criterionId AS criterionId', 'x.level AS level'])
        .where("s.postingId = :postingId AND s.status = 'submitted' AND x.level IS NOT NULL", { postingId })
        .getRawMany<RatingRow & { level: number | string }>(),
    );
    return rows.map((r) => ({ ...r, level: Number(r.level) }));
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(UserEntity, 'u')
        .select(['u.id AS id', 'u.name AS name'])
        .where('u.id IN (:...ids)', { ids })
        .getRawMany<{ id: string; name: string }>(),
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The newest stored content of each of these bank questions (for titles and criterion names). */
  async latestQuestions(questionIds: string[]): Promise<Map<string, Question>> {
    if (questionIds.length === 0) return new Map();
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(BankQuestionEntity, 'b')
        .where('b.questionId IN (:...questionIds)', { questionIds })
        .orderBy('b.createdAt', 'ASC')
        .getMany(),
    );
    const out = new Map<string, Question>();
    for (const row of rows) out.set(row.questionId, row.content as Question);
    return out;
  }
}
