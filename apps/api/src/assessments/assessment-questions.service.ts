import { Injectable } from '@nestjs/common';
import type { AssessmentView, QuestionAlternative } from '@rubricon/contracts';
import { alternativesFor, dutyCoverage, isComposed, rankReplacements, type RoleFamily } from '@rubricon/generation';
import { BankService, toBankSummary } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import { AssessmentDraftsService } from './assessment-drafts.service';
import type { AssessmentEntity } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';

/** A draft's question list: adding, removing and swapping questions, and what a question may be swapped for. */
@Injectable()
export class AssessmentQuestionsService {
  constructor(
    private readonly repo: AssessmentsRepository,
    private readonly drafts: AssessmentDraftsService,
    private readonly assessments: AssessmentsService,
    private readonly bank: BankService,
  ) {}

  /** Adds a bank question (its current version) at the end. */
  async add(id: string, questionId: string): Promise<AssessmentView> {
    const question = await this.bank.question(questionId);
    const bankQuestionId = (await this.bank.current()).rows[questionId];
    await this.drafts.edit(
      id,
      async (tx, draft) => {
        if (draft.questions.some((q) => q.questionId === questionId))
          throw new ApiException('question-already-added', { id: questionId });
        const position = Math.max(-1, ...draft.questions.map((q) => q.position)) + 1;
        draft.questions.push(
          await tx.insertQuestion({ assessmentId: id, kind: question.kind, position, questionId, bankQuestionId }),
        );
      },
      [bankQuestionId],
    );
    return this.assessments.get(id);
  }

  /** Removes a question; the last one stays, as an assessment needs at least one. */
  async remove(id: string, questionId: string): Promise<AssessmentView> {
    await this.drafts.edit(id, async (tx, draft) => {
      const entry = entryOf(draft, questionId);
      if (draft.questions.length === 1) throw new ApiException('last-question');
      await tx.deleteQuestion(entry.id);
      draft.questions = draft.questions.filter((q) => q !== entry);
    });
    return this.assessments.get(id);
  }

  /** Replaces a question by one of its alternatives, in place. */
  async swap(id: string, questionId: string, replacementId: string): Promise<AssessmentView> {
    const allowed = await this.alternatives(id, questionId);
    const notAllowed = () =>
      new ApiException('swap-not-allowed', {
        replacement: replacementId,
        id: questionId,
        kind: questionId.split('.')[0],
      });
    if (!allowed.some((q) => q.id === replacementId)) throw notAllowed();
    const bankQuestionId = (await this.bank.current()).rows[replacementId];
    await this.drafts.edit(
      id,
      async (tx, draft) => {
        // Checked again under the lock: another edit may have removed the one or added the other since.
        const entry = entryOf(draft, questionId);
        if (draft.questions.some((q) => q.questionId === replacementId)) throw notAllowed();
        await tx.replaceQuestion(entry.id, replacementId, bankQuestionId);
        Object.assign(entry, { questionId: replacementId, bankQuestionId });
      },
      [bankQuestionId],
    );
    return this.assessments.get(id);
  }

  /**
   * Questions that may replace `questionId`: same kind, sharing its competencies, keeping covered
   * every duty line the assessment covers now; ranked by the posting's duty lines each assesses
   * (most first, then closest), with those lines, and flagged when it assesses none.
   */
  async alternatives(id: string, questionId: string): Promise<QuestionAlternative[]> {
    const assessment = await this.repo.findWithQuestions(id);
    if (!assessment) throw new ApiException('assessment-not-found');
    const entry = entryOf(assessment, questionId);
    const snapshots = await this.bank.snapshots(assessment.questions.map((q) => q.bankQuestionId));
    const current = snapshots.get(entry.bankQuestionId)!;
    const others = assessment.questions.filter((q) => q !== entry).map((q) => snapshots.get(q.bankQuestionId)!);
    const duties = assessment.duties;
    const { bank } = await this.bank.current();
    // A swap may not leave a duty line without a question, nor without a direct one, where it has one
    // now. A question composed from a line is the exception: HR may trade it for a bank question that
    // assesses the line only partly (the bank had nothing better, or it would not have been composed).
    const score = (qs: typeof others) => {
      const c = dutyCoverage(duties, qs, bank);
      return { uncovered: c.uncoveredDuties.length, indirect: isComposed(current) ? 0 : c.indirectDuties.length };
    };
    const now = score([...others, current]);
    const candidates = alternativesFor(
      bank,
      current,
      assessment.roleFamily as RoleFamily,
      assessment.questions.map((q) => q.questionId),
    ).filter((candidate) => {
      const after = score([...others, candidate]);
      return after.uncovered <= now.uncovered && after.indirect <= now.indirect;
    });
    return rankReplacements(duties, candidates, bank).map(({ question, dutyIndexes, matches }) => ({
      ...toBankSummary(question),
      dutyIndexes,
      duties: dutyIndexes.map((index, i) => ({
        index,
        text: duties[index].text,
        strength: matches[i].strength,
        words: matches[i].words,
        competencies: matches[i].competencies,
      })),
      coversNoDuty: dutyIndexes.length === 0,
    }));
  }
}

function entryOf(assessment: AssessmentEntity, questionId: string) {
  const entry = assessment.questions.find((q) => q.questionId === questionId);
  if (!entry) throw new ApiException('question-not-in-assessment', { id: questionId });
  return entry;
}
