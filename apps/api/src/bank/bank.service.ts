import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BankQuestionSummary, BilingualText, QuestionKind } from '@rubricon/contracts';
import { loadQuestionBank, type Question, type QuestionBank } from '@rubricon/generation';
import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { BankQuestionEntity } from './bank-question.entity';
import { BankVersionEntity } from './bank-version.entity';

export interface LoadedBank {
  bank: QuestionBank;
  /** question id -> bank_questions.id of this version */
  rows: Record<string, string>;
}

export interface BankQuery {
  kind?: QuestionKind;
  competency?: string;
  search?: string;
}

@Injectable()
export class BankService {
  private readonly logger = new Logger(BankService.name);
  private loaded?: LoadedBank;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Loads the YAML bank (validated) and records it in the database once per content hash: new
   * question versions are added, nothing is changed or removed. Safe to run on every start.
   */
  async sync(): Promise<LoadedBank> {
    const bank = loadQuestionBank(this.config.bankDir);
    const known = await this.dataSource.getRepository(BankVersionEntity).findOneBy({ version: bank.version });
    if (known) {
      this.loaded = { bank, rows: JSON.parse(known.questionRows) };
      return this.loaded;
    }
    const rows = await this.dataSource
      .transaction(async (manager) => {
        const hashes = bank.questions.map((q) => ({ q, hash: contentHash(q) }));
        const existing = await manager.find(BankQuestionEntity, {
          where: { contentHash: In(hashes.map((h) => h.hash)) },
        });
        const byKey = new Map(existing.map((e) => [`${e.questionId}:${e.contentHash}`, e.id]));
        const fresh = hashes
          .filter(({ q, hash }) => !byKey.has(`${q.id}:${hash}`))
          .map(({ q, hash }) =>
            manager.create(BankQuestionEntity, {
              questionId: q.id,
              contentHash: hash,
              kind: q.kind,
              content: JSON.stringify(q),
            }),
          );
        for (const row of fresh) byKey.set(`${row.questionId}:${row.contentHash}`, row.id);
        await manager.save(fresh, { chunk: 50 });
        const map = Object.fromEntries(hashes.map(({ q, hash }) => [q.id, byKey.get(`${q.id}:${hash}`)!]));
        await manager.save(
          manager.create(BankVersionEntity, {
            version: bank.version,
            questionCount: bank.questions.length,
            questionRows: JSON.stringify(map),
          }),
        );
        this.logger.log(
          `Loaded question bank ${bank.version.slice(0, 12)}: ${bank.questions.length} questions, ${fresh.length} new versions`,
        );
        return map;
      })
      .catch(async (error) => {
        // Another instance recorded the same version first.
        const row = await this.dataSource.getRepository(BankVersionEntity).findOneBy({ version: bank.version });
        if (!row) throw error;
        return JSON.parse(row.questionRows) as Record<string, string>;
      });
    this.loaded = { bank, rows };
    return this.loaded;
  }

  async current(): Promise<LoadedBank> {
    return this.loaded ?? this.sync();
  }

  /** Questions as they were stored, by bank_questions.id (for assessments made with older banks). */
  async snapshots(rowIds: string[]): Promise<Map<string, Question>> {
    if (rowIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(BankQuestionEntity).findBy({ id: In(rowIds) });
    return new Map(rows.map((r) => [r.id, JSON.parse(r.content) as Question]));
  }

  async search(query: BankQuery): Promise<BankQuestionSummary[]> {
    const { bank } = await this.current();
    const needle = query.search?.trim().toLowerCase();
    return bank.questions
      .filter((q) => !query.kind || q.kind === query.kind)
      .filter((q) => !query.competency || q.competencies.includes(query.competency))
      .filter(
        (q) =>
          !needle ||
          q.id.includes(needle) ||
          q.title.zh.toLowerCase().includes(needle) ||
          q.title.en.toLowerCase().includes(needle),
      )
      .map(toBankSummary);
  }

  async question(id: string): Promise<Question> {
    const q = (await this.current()).bank.questions.find((x) => x.id === id);
    if (!q) throw new NotFoundException(`The question bank has no question "${id}".`);
    return q;
  }

  async competencyLabels(): Promise<Record<string, BilingualText>> {
    const { bank } = await this.current();
    return Object.fromEntries(bank.competencies.map((c) => [c.id, c.label]));
  }
}

export function toBankSummary(q: Question): BankQuestionSummary {
  return {
    id: q.id,
    kind: q.kind,
    title: q.title,
    competencies: q.competencies,
    roleFamilies: q.roleFamilies,
    difficulty: q.difficulty,
    minutes: q.minutes,
  };
}

function contentHash(q: Question): string {
  return createHash('sha256').update(JSON.stringify(q)).digest('hex');
}
