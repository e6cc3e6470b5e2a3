import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { AssessmentQuestionEntity } from './assessment-question.entity';
import { AssessmentEntity } from './assessment.entity';
import { compareQuestionOrder } from './question-order';
import { containsPattern, likeParam } from '../database/like';

/** The columns a new assessment is given; the id, timestamps and questions come separately. */
export type NewAssessment = Pick<
  AssessmentEntity,
  | 'postingId'
  | 'status'
  | 'seed'
  | 'lang'
  | 'roleFamily'
  | 'durationMinutes'
  | 'bankVersion'
  | 'duties'
  | 'coveragePercent'
  | 'familyReasons'
  | 'createdById'
>;

/** A question row to add: which bank question (and its stored version), where, and of what kind. */
export type NewAssessmentQuestion = Pick<
  AssessmentQuestionEntity,
  'assessmentId' | 'kind' | 'position' | 'questionId' | 'bankQuestionId'
>;

/** The columns of an assessment that change after it is generated. */
export type AssessmentChanges = Partial<
  Pick<AssessmentEntity, 'durationMinutes' | 'status' | 'publishedAt' | 'coveragePercent' | 'blindScoring'>
>;

/** The only code that reads and writes assessments and their questions. */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly db: Database) {}

  /** All of `work` commits or none of it; `work` gets this repository bound to the transaction. */
  transaction<T>(work: (tx: AssessmentsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new AssessmentsRepository(db)));
  }

  /** The Database this repository works through (in a transaction, the transaction's): for the audit log to join it. */
  get database(): Database {
    return this.db;
  }

  /** The assessment with its questions in position order, or null. */
  findWithQuestions(id: string): Promise<AssessmentEntity | null> {
    return this.db.run(async (m) => byPosition(await m.findOne(AssessmentEntity, loadQuestions(id))));
  }

  /**
   * `findWithQuestions`, after locking the assessment's row until the transaction ends, so edits of
   * one assessment take turns and each sees the one before. Only inside `transaction`. MySQL locks
   * the row; SQLite has no row locks and needs none: its transactions already take turns.
   */
  findWithQuestionsForUpdate(id: string): Promise<AssessmentEntity | null> {
    return this.db.run(async (m) => {
      if (this.db.dialect === 'mysql')
        await m.findOne(AssessmentEntity, { where: { id }, select: { id: true }, lock: { mode: 'pessimistic_write' } });
      return byPosition(await m.findOne(AssessmentEntity, loadQuestions(id)));
    });
  }

  /**
   * Assessments across postings with their questions and posting, newest first; `titleContains`
   * matches the posting's title literally (no LIKE wildcards).
   */
  page(query: {
    status?: AssessmentEntity['status'];
    postingId?: string;
    titleContains?: string;
    offset: number;
    limit: number;
  }): Promise<[AssessmentEntity[], number]> {
    return this.db.run((m) => {
      const qb = m
        .createQueryBuilder(AssessmentEntity, 'a')
        .innerJoinAndSelect('a.posting', 'p')
        .leftJoinAndSelect('a.questions', 'q');
      if (query.status) qb.andWhere('a.status = :status', { status: query.status });
      if (query.postingId) qb.andWhere('a.postingId = :postingId', { postingId: query.postingId });
      if (query.titleContains)
        qb.andWhere(`p.title ${likeParam('pattern')}`, { pattern: containsPattern(query.titleContains) });
      return qb
        .orderBy('a.createdAt', 'DESC')
        .addOrderBy('a.id', 'ASC')
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
    });
  }

  /** The posting title of each of these assessments, by assessment id. */
  async postingTitles(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(AssessmentEntity, 'a')
        .innerJoin('a.posting', 'p')
        .select('a.id', 'id')
        .addSelect('p.title', 'title')
        .where('a.id IN (:...ids)', { ids: [...new Set(ids)] })
        .getRawMany<{ id: string; title: string }>(),
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** A posting's assessments with their questions, newest first. */
  findForPosting(postingId: string): Promise<AssessmentEntity[]> {
    return this.db.run((m) =>
      m.find(AssessmentEntity, { where: { postingId }, relations: { questions: true }, order: { createdAt: 'DESC' } }),
    );
  }

  /** Stores an assessment and its questions (positions in the order given), all or nothing; returns its id. */
  insertWithQuestions(
    assessment: NewAssessment,
    questions: Omit<NewAssessmentQuestion, 'assessmentId' | 'position'>[],
  ): Promise<string> {
    return this.db.transaction((db) =>
      db.run(async (m) => {
        const saved = await m.save(m.create(AssessmentEntity, assessment));
        await m.save(
          questions.map((q, position) =>
            m.create(AssessmentQuestionEntity, { ...q, assessmentId: saved.id, position }),
          ),
        );
        return saved.id;
      }),
    );
  }

  async update(id: string, changes: AssessmentChanges): Promise<void> {
    await this.db.run((m) => m.update(AssessmentEntity, { id }, changes));
  }

  insertQuestion(question: NewAssessmentQuestion): Promise<AssessmentQuestionEntity> {
    return this.db.run((m) => m.save(m.create(AssessmentQuestionEntity, question)));
  }

  /** Points a question row at another bank question, keeping its place. */
  async replaceQuestion(rowId: string, questionId: string, bankQuestionId: string): Promise<void> {
    await this.db.run((m) => m.update(AssessmentQuestionEntity, { id: rowId }, { questionId, bankQuestionId }));
  }

  async deleteQuestion(rowId: string): Promise<void> {
    await this.db.run((m) => m.delete(AssessmentQuestionEntity, { id: rowId }));
  }
}

const loadQuestions = (id: string) => ({ where: { id }, relations: { questions: true } });

/** Questions in the assessment's one order (question-order.ts), which every reader of them keeps. */
function byPosition(assessment: AssessmentEntity | null): AssessmentEntity | null {
  assessment?.questions.sort(compareQuestionOrder);
  return assessment;
}
