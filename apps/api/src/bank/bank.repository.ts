import { Injectable } from '@nestjs/common';
import type { Question } from '@rubricon/generation';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { BankQuestionEntity } from './bank-question.entity';
import { BankVersionEntity } from './bank-version.entity';

/** question id -> bank_questions.id, for one bank version. */
export type QuestionRows = Record<string, string>;
export interface StoredQuestionKey {
  id: string;
  questionId: string;
  contentHash: string;
}

@Injectable()
export class BankRepository {
  constructor(private readonly db: Database) {}

  /** All of `work` commits or none of it; `work` gets this repository bound to the transaction. */
  transaction<T>(work: (tx: BankRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new BankRepository(db)));
  }

  /** The question rows of a recorded bank version, or null when the version is new. */
  async findVersionRows(version: string): Promise<QuestionRows | null> {
    const row = await this.db.run((m) => m.findOneBy(BankVersionEntity, { version }));
    return row ? (JSON.parse(row.questionRows) as QuestionRows) : null;
  }

  /** The stored question versions with any of these content hashes. */
  findByContentHashes(hashes: string[]): Promise<StoredQuestionKey[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.db.run((m) =>
      m.find(BankQuestionEntity, {
        select: { id: true, questionId: true, contentHash: true },
        where: { contentHash: In(hashes) },
      }),
    );
  }

  /** Adds question versions; returns their row ids in the order given. */
  insertQuestions(questions: { question: Question; contentHash: string }[]): Promise<string[]> {
    return this.db.run(async (m) => {
      const rows = questions.map(({ question, contentHash }) =>
        m.create(BankQuestionEntity, {
          questionId: question.id,
          contentHash,
          kind: question.kind,
          content: question,
        }),
      );
      await m.save(rows, { chunk: 50 });
      return rows.map((r) => r.id);
    });
  }

  async insertVersion(version: string, questionCount: number, rows: QuestionRows): Promise<void> {
    await this.db.run((m) =>
      m.insert(BankVersionEntity, { version, questionCount, questionRows: JSON.stringify(rows) }),
    );
  }

  /** Questions as they were stored, by bank_questions.id. */
  async findSnapshots(rowIds: string[]): Promise<Map<string, Question>> {
    if (rowIds.length === 0) return new Map();
    const rows = await this.db.run((m) => m.findBy(BankQuestionEntity, { id: In(rowIds) }));
    return new Map(rows.map((r) => [r.id, r.content as Question]));
  }
}
