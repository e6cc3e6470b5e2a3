import { Injectable } from '@nestjs/common';
import { dutyCoverage, type Question } from '@rubricon/generation';
import { BankService } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import type { AssessmentEntity } from './assessment.entity';
import { AssessmentsRepository, type AssessmentChanges } from './assessments.repository';

/**
 * One change to a draft, made inside its transaction: it writes through `tx`, keeps
 * `draft.questions` equal to what it wrote, and returns the columns to change besides the coverage.
 * It may refuse by throwing; then nothing changes.
 */
export type DraftChange = (tx: AssessmentsRepository, draft: AssessmentEntity) => Promise<AssessmentChanges | void>;

// Each extra round means another edit of the same draft landed in between; more than a few is a bug.
const MAX_ROUNDS = 5;

/** The one way a draft changes: in turn with other edits of it, and never once it is published. */
@Injectable()
export class AssessmentDraftsService {
  constructor(
    private readonly repo: AssessmentsRepository,
    private readonly bank: BankService,
  ) {}

  /**
   * Applies `change` to draft `id` and recomputes its coverage, in one transaction that first locks
   * the assessment: two edits (or an edit and a publish) take turns and each sees the other's
   * result, so two removals cannot empty a draft and nothing changes after publish.
   *
   * The coverage needs the stored versions of the questions, which the bank reads on its own
   * connection, never inside a transaction. So they are read before it, for the questions the draft
   * has and for `adding` (the bank rows the change may add). If another edit added a question in
   * between, the transaction ends having changed nothing, that version is read, and the edit runs again.
   */
  async edit(id: string, change: DraftChange, adding: string[] = []): Promise<void> {
    const before = await this.repo.findWithQuestions(id);
    const { bank } = await this.bank.current();
    const known = await this.bank.snapshots([...(before?.questions.map((q) => q.bankQuestionId) ?? []), ...adding]);
    for (let round = 1; ; round++) {
      const missing = await this.repo.transaction(async (tx) => {
        const draft = await tx.findWithQuestionsForUpdate(id);
        if (!draft) throw new ApiException('assessment-not-found');
        if (draft.status !== 'draft') throw new ApiException('assessment-published');
        const missing = [...draft.questions.map((q) => q.bankQuestionId), ...adding].filter((row) => !known.has(row));
        if (missing.length > 0) return missing;
        const changes = await change(tx, draft);
        const questions = draft.questions.map((q) => known.get(q.bankQuestionId) as Question);
        const coverage = dutyCoverage(draft.duties, questions, bank);
        await tx.update(id, { ...changes, coveragePercent: coverage.coveragePercent });
        return [];
      });
      if (missing.length === 0) return;
      if (round === MAX_ROUNDS)
        throw new Error(`Assessment ${id}: its questions changed under ${MAX_ROUNDS} edits in a row.`);
      for (const [row, question] of await this.bank.snapshots(missing)) known.set(row, question);
    }
  }
}
