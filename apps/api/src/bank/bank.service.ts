import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BankQuestionSummary, BilingualText } from '@rubricon/contracts';
import { loadQuestionBank, type Question, type QuestionBank } from '@rubricon/generation';
import { createHash } from 'node:crypto';
import { ApiException } from '../common/api-exception';
import { APP_CONFIG, type AppConfig } from '../config';
import { BankQueryDto } from './bank.dto';
import { BankRepository, type QuestionRows } from './bank.repository';

export interface LoadedBank {
  bank: QuestionBank;
  /** question id -> bank_questions.id of this version */
  rows: QuestionRows;
}

@Injectable()
export class BankService {
  private readonly logger = new Logger(BankService.name);
  private loaded?: LoadedBank;
  /** bank_questions.id -> question, for the loaded bank's own versions. */
  private loadedByRow = new Map<string, Question>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: BankRepository,
  ) {}

  /**
   * Loads the YAML bank (validated) and records it in the database once per content hash: new
   * question versions are added, nothing is changed or removed. Safe to run on every start.
   */
  async sync(): Promise<LoadedBank> {
    const bank = loadQuestionBank(this.config.bankDir);
    const rows =
      (await this.repo.findVersionRows(bank.version)) ??
      (await this.record(bank).catch(async (error) => {
        // Another instance recorded the same version first.
        const recorded = await this.repo.findVersionRows(bank.version);
        if (!recorded) throw error;
        return recorded;
      }));
    this.loaded = { bank, rows };
    this.loadedByRow = new Map(bank.questions.map((q) => [rows[q.id], q]));
    return this.loaded;
  }

  /** Adds the question versions the database lacks and the bank version itself, all or nothing. */
  private record(bank: QuestionBank): Promise<QuestionRows> {
    const hashed = bank.questions.map((question) => ({ question, contentHash: contentHash(question) }));
    const key = (questionId: string, hash: string) => `${questionId}:${hash}`;
    return this.repo.transaction(async (tx) => {
      const existing = await tx.findByContentHashes(hashed.map((h) => h.contentHash));
      const byKey = new Map(existing.map((e) => [key(e.questionId, e.contentHash), e.id]));
      const fresh = hashed.filter((h) => !byKey.has(key(h.question.id, h.contentHash)));
      const ids = await tx.insertQuestions(fresh);
      fresh.forEach((h, i) => byKey.set(key(h.question.id, h.contentHash), ids[i]));
      const rows = Object.fromEntries(
        hashed.map((h) => [h.question.id, byKey.get(key(h.question.id, h.contentHash))!]),
      );
      await tx.insertVersion(bank.version, bank.questions.length, rows);
      this.logger.log(
        `Loaded question bank ${bank.version.slice(0, 12)}: ${bank.questions.length} questions, ${fresh.length} new versions`,
      );
      return rows;
    });
  }

  /**
   * Stores questions the generator composed from duty lines (they are in no bank file) as question
   * versions, content-addressed like bank ones: the same composed question is stored once.
   * Returns question id -> bank_questions.id.
   */
  async recordComposed(questions: Question[]): Promise<QuestionRows> {
    if (questions.length === 0) return {};
    const hashed = questions.map((question) => ({ question, contentHash: contentHash(question) }));
    const store = () =>
      this.repo.transaction(async (tx) => {
        const existing = new Map(
          (await tx.findByContentHashes(hashed.map((h) => h.contentHash))).map((e) => [e.contentHash, e.id]),
        );
        const fresh = hashed.filter((h) => !existing.has(h.contentHash));
        const ids = await tx.insertQuestions(fresh);
        fresh.forEach((h, i) => existing.set(h.contentHash, ids[i]));
        return Object.fromEntries(hashed.map((h) => [h.question.id, existing.get(h.contentHash)!]));
      });
    // Two drafts composing the same question at once: the second insert loses the race; read again.
    return store().catch(() => store());
  }

  async current(): Promise<LoadedBank> {
    return this.loaded ?? this.sync();
  }

  /**
   * Questions as they were stored, by bank_questions.id (for assessments made with older banks).
   * A row of the loaded bank is that bank's own question object (the row is its content, by hash):
   * no read, and what is derived from a question once (its terms for matching) is not derived again
   * on every request. Older versions and composed questions are read from the database.
   */
  async snapshots(rowIds: string[]): Promise<Map<string, Question>> {
    const out = new Map<string, Question>();
    const stored: string[] = [];
    for (const id of rowIds) {
      const loaded = this.loadedByRow.get(id);
      if (loaded) out.set(id, loaded);
      else stored.push(id);
    }
    for (const [id, question] of await this.repo.findSnapshots(stored)) out.set(id, question);
    return out;
  }

  async search(query: BankQueryDto): Promise<BankQuestionSummary[]> {
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
    if (!q) throw new ApiException('bank-question-not-found', { id });
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
