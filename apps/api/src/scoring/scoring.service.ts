import { Injectable } from '@nestjs/common';
import {
  MAX_RATERS,
  MIN_REASON_CHARS,
  type AmendmentView,
  type AmendRequest,
  type CriterionScore,
  type OtherRaterSheet,
  type RaterAssignment,
  type ReviewSummary,
  type SaveSheetRequest,
  type ScoreSheetView,
  type SheetQuestion,
  type SheetStatus,
  type SubjectKind,
  type Page,
} from '@rubricon/contracts';
import { isLevel } from '@rubricon/scoring';
import { AuditService } from '../audit/audit.service';
import { BankService } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import type { AuthUser } from '../common/auth.decorators';
import { ScorecardsService } from '../scorecards/scorecards.service';
import type { ScoreSheetEntity } from './score-sheet.entity';
import type { ScoreEntity } from './score.entity';
import { ScoringRepository, type AmendmentWithAuthor } from './scoring.repository';
import { autoLevels, pseudonym, SubjectLoader, type LoadedSubject } from './subject-loader';

/**
 * Rubric scoring by assigned raters: HR assigns, each rater fills and submits their own sheet,
 * amends it afterwards only with a reason. Nobody sees another rater's scores for a candidate before
 * submitting their own; candidates see nothing of it (no candidate route reaches this service).
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly repo: ScoringRepository,
    private readonly bank: BankService,
    private readonly subjects: SubjectLoader,
    private readonly audit: AuditService,
    private readonly scorecards: ScorecardsService,
  ) {}

  async raterOptions(): Promise<RaterAssignment['rater'][]> {
    return (await this.repo.activeStaff()).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }));
  }

  async raters(kind: SubjectKind, id: string): Promise<RaterAssignment[]> {
    if (!(await this.repo.subject(kind, id))) throw new ApiException('subject-not-found');
    return this.assignments(kind, id);
  }

  private async assignments(kind: SubjectKind, id: string): Promise<RaterAssignment[]> {
    return (await this.repo.sheetsOfSubject(kind, id)).map((s) => ({
      rater: { id: s.raterId, name: s.raterName, email: s.raterEmail, role: s.raterRole },
      status: s.status,
      assignedAt: s.assignedAt.toISOString(),
      submittedAt: s.submittedAt?.toISOString() ?? null,
    }));
  }

  /** Makes the subject's raters exactly `raterIds`: new ones get a pending sheet, pending ones not listed go. */
  async setRaters(kind: SubjectKind, id: string, raterIds: string[], user: AuthUser): Promise<RaterAssignment[]> {
    const subject = await this.repo.subject(kind, id);
    if (!subject) throw new ApiException('subject-not-found');
    const wanted = [...new Set(raterIds)];
    if (wanted.length > MAX_RATERS) throw new ApiException('rater-unknown', { max: MAX_RATERS });
    const active = await this.repo.activeStaff(wanted);
    if (active.length !== wanted.length) throw new ApiException('rater-unknown', { max: MAX_RATERS });
    await this.repo.transaction(async (tx, db) => {
      const current = await tx.sheetsOfSubject(kind, id);
      const removed = current.filter((s) => !wanted.includes(s.raterId));
      const submitted = removed.find((s) => s.status === 'submitted');
      if (submitted) throw new ApiException('rater-has-submitted', { name: submitted.raterName });
      const added = wanted.filter((r) => !current.some((s) => s.raterId === r));
      await tx.deletePendingSheets(removed.map((s) => s.id));
      await tx.insertSheets(subject, added, user.id);
      const target = { type: kind, id };
      for (const raterId of added) {
        await this.audit.record(
          { action: 'rater.assign', target, changes: { raterId, candidateId: subject.candidateId } },
          db,
        );
      }
      for (const s of removed) {
        await this.audit.record({ action: 'rater.unassign', target, changes: { raterId: s.raterId } }, db);
      }
    });
    await this.scorecards.refresh(subject.postingId, subject.candidateId);
    return this.assignments(kind, id);
  }

  async reviews(
    user: AuthUser,
    query: { status?: SheetStatus; limit: number; offset: number },
  ): Promise<Page<ReviewSummary>> {
    const page = await this.repo.reviews(user.id, query.status, query.limit, query.offset);
    return {
      total: page.total,
      items: page.items.map(({ sheet, postingTitle, candidateName, blind, completedAt }) => ({
        subject: { kind: sheet.subjectKind, id: sheet.subjectId },
        posting: { id: sheet.postingId, title: postingTitle },
        candidateLabel: blind ? pseudonym(sheet.candidateId) : candidateName,
        blind,
        status: sheet.status,
        assignedAt: sheet.assignedAt.toISOString(),
        submittedAt: sheet.submittedAt?.toISOString() ?? null,
        completedAt: completedAt?.toISOString() ?? null,
      })),
    };
  }

  async sheet(kind: SubjectKind, id: string, user: AuthUser): Promise<ScoreSheetView> {
    const { subject, sheet } = await this.mine(kind, id, user);
    return this.view(subject, sheet);
  }

  async save(kind: SubjectKind, id: string, dto: SaveSheetRequest, user: AuthUser): Promise<ScoreSheetView> {
    const { subject, sheet } = await this.mine(kind, id, user);
    if (sheet.status === 'submitted') throw new ApiException('sheet-submitted');
    const rows = dto.scores.map((s) => {
      const auto = this.checkScore(subject, s.questionId, s.criterionId, s.level);
      const overrideReason = auto === undefined ? null : (s.overrideReason ?? '').trim();
      if (overrideReason !== null && overrideReason.length < MIN_REASON_CHARS) {
        throw new ApiException('reason-required', { min: MIN_REASON_CHARS });
      }
      return {
        questionId: s.questionId,
        criterionId: s.criterionId,
        level: s.level,
        evidence: s.evidence ?? '',
        overrideReason,
      };
    });
    await this.repo.transaction(async (tx) => {
      await tx.upsertScores(sheet.id, rows);
      if (dto.recommendation !== undefined) await tx.setRecommendation(sheet.id, dto.recommendation);
    });
    return this.view(subject, await this.reread(sheet));
  }

  async submit(kind: SubjectKind, id: string, user: AuthUser): Promise<ScoreSheetView> {
    const { subject, sheet } = await this.mine(kind, id, user);
    if (sheet.status === 'submitted') throw new ApiException('sheet-submitted');
    const given = new Set((await this.repo.scores([sheet.id])).map((s) => `${s.questionId}\u0000${s.criterionId}`));
    let missing = 0;
    for (const q of subject.questions) {
      const auto = autoLevels(subject, q.questionId);
      for (const c of subject.content.get(q.questionId)!.rubric) {
        if (!auto.has(c.id) && !given.has(`${q.questionId}\u0000${c.id}`)) missing += 1;
      }
    }
    if (missing > 0) throw new ApiException('sheet-incomplete', { missing });
    await this.repo.transaction(async (tx, db) => {
      if (!(await tx.markSubmitted(sheet.id, new Date()))) throw new ApiException('sheet-submitted');
      await this.audit.record(
        {
          action: 'score.submit',
          target: { type: kind, id },
          changes: { sheetId: sheet.id, criteria: given.size, recommendation: sheet.recommendation },
        },
        db,
      );
    });
    await this.scorecards.refresh(subject.postingId, subject.candidateId);
    return this.view(subject, await this.reread(sheet));
  }

  async amend(kind: SubjectKind, id: string, dto: AmendRequest, user: AuthUser): Promise<ScoreSheetView> {
    const { subject, sheet } = await this.mine(kind, id, user);
    if (sheet.status !== 'submitted') throw new ApiException('sheet-not-submitted');
    const reason = (dto.reason ?? '').trim();
    if (reason.length < MIN_REASON_CHARS) throw new ApiException('reason-required', { min: MIN_REASON_CHARS });
    if (!dto.score && dto.recommendation === undefined) throw new ApiException('amendment-empty');
    const score = dto.score;
    const auto = score ? this.checkScore(subject, score.questionId, score.criterionId, score.level) : undefined;
    await this.repo.transaction(async (tx, db) => {
      const target = { type: kind, id };
      // An amendment that changes nothing is refused (and, inside the transaction, leaves nothing behind).
      let changed = false;
      if (score) {
        const existing = (await tx.scores([sheet.id])).find(
          (s) => s.questionId === score.questionId && s.criterionId === score.criterionId,
        );
        const before = existing
          ? { level: existing.level, evidence: existing.evidence }
          : { level: auto ?? null, evidence: '' };
        const after = { level: score.level, evidence: score.evidence ?? existing?.evidence ?? '' };
        const same = after.level === before.level && after.evidence === before.evidence;
        if (!same) {
          changed = true;
          await tx.upsertScores(sheet.id, [
            {
              questionId: score.questionId,
              criterionId: score.criterionId,
              ...after,
              overrideReason: auto === undefined ? null : existing?.overrideReason || reason,
            },
          ]);
          await tx.insertAmendment({
            sheetId: sheet.id,
            questionId: score.questionId,
            criterionId: score.criterionId,
            before: JSON.stringify(before),
            after: JSON.stringify(after),
            reason,
            amendedById: user.id,
          });
          await this.audit.record(
            {
              action: auto !== undefined && !existing ? 'score.override' : 'score.amend',
              target,
              changes: {
                sheetId: sheet.id,
                questionId: score.questionId,
                criterionId: score.criterionId,
                level: { from: before.level, to: after.level },
                reason,
              },
            },
            db,
          );
        }
      }
      if (dto.recommendation !== undefined && dto.recommendation !== sheet.recommendation) {
        changed = true;
        await tx.setRecommendation(sheet.id, dto.recommendation);
        await tx.insertAmendment({
          sheetId: sheet.id,
          questionId: null,
          criterionId: null,
          before: JSON.stringify({ recommendation: sheet.recommendation }),
          after: JSON.stringify({ recommendation: dto.recommendation }),
          reason,
          amendedById: user.id,
        });
        await this.audit.record(
          {
            action: 'score.amend',
            target,
            changes: {
              sheetId: sheet.id,
              recommendation: { from: sheet.recommendation, to: dto.recommendation },
              reason,
            },
          },
          db,
        );
      }
      if (!changed) throw new ApiException('nothing-to-change');
    });
    await this.scorecards.refresh(subject.postingId, subject.candidateId);
    return this.view(subject, await this.reread(sheet));
  }

  /** The caller's sheet for a scoreable subject: 404 when not assigned, 409 while there is nothing to score. */
  private async mine(
    kind: SubjectKind,
    id: string,
    user: AuthUser,
  ): Promise<{ subject: LoadedSubject; sheet: ScoreSheetEntity }> {
    const subject = await this.subjects.load(kind, id);
    const sheet = await this.repo.sheet(kind, id, user.id);
    if (!sheet) throw new ApiException('not-assigned');
    if (!subject.completedAt) throw new ApiException('not-ready-to-score');
    return { subject, sheet };
  }

  /** The sheet as it is now (after a save, a submission or an amendment changed it); gone if HR unassigned it meanwhile. */
  private async reread(sheet: ScoreSheetEntity): Promise<ScoreSheetEntity> {
    const fresh = await this.repo.sheet(sheet.subjectKind, sheet.subjectId, sheet.raterId);
    if (!fresh) throw new ApiException('not-assigned');
    return fresh;
  }

  /** Checks a score against the rubric; returns the criterion's automatic level, or undefined when it has none. */
  private checkScore(
    subject: LoadedSubject,
    questionId: string,
    criterionId: string,
    level: unknown,
  ): number | undefined {
    const question = subject.content.get(questionId);
    if (!question || !question.rubric.some((c) => c.id === criterionId)) {
      throw new ApiException('criterion-unknown', { questionId, criterionId });
    }
    if (level !== null && !isLevel(level)) throw new ApiException('level-invalid', { level: String(level) });
    return autoLevels(subject, questionId).get(criterionId);
  }

  private async view(subject: LoadedSubject, sheet: ScoreSheetEntity): Promise<ScoreSheetView> {
    const sheets = await this.repo.sheetsOfSubject(subject.kind, subject.id);
    const visible = sheet.status === 'submitted' ? sheets : sheets.filter((s) => s.id === sheet.id);
    const scores = await this.repo.scores(
      visible.filter((s) => s.status === 'submitted' || s.id === sheet.id).map((s) => s.id),
    );
    const amendments = await this.repo.amendments(visible.map((s) => s.id));
    const scoresOf = (s: ScoreSheetEntity) =>
      this.criterionScores(
        subject,
        scores.filter((x) => x.sheetId === s.id),
        amendments.filter((a) => a.sheetId === s.id),
      );
    const labels = new Map<string, { zh: string; en: string }>();
    const competencyLabels = await this.bank.competencyLabels();
    const questions: SheetQuestion[] = subject.questions.map(({ questionId }) => {
      const q = subject.content.get(questionId)!;
      const auto = autoLevels(subject, questionId);
      const answer = subject.answers.get(questionId);
      const grading = answer?.grading
        ? (JSON.parse(answer.grading) as { passed: number; total: number; score: number })
        : null;
      return {
        questionId,
        kind: q.kind,
        title: q.title,
        prompt: q.prompt,
        competencies: q.competencies,
        rubric: q.rubric.map((c) => ({ ...c, autoLevel: auto.get(c.id) ?? null })),
        answer: answer
          ? { content: answer.content, language: answer.language, savedAt: answer.savedAt.toISOString() }
          : null,
        grading: grading ? { passed: grading.passed, total: grading.total, score: grading.score } : null,
      };
    });
    for (const q of questions)
      for (const id of q.competencies) labels.set(id, competencyLabels[id] ?? { zh: id, en: id });
    const others: OtherRaterSheet[] | null =
      sheet.status === 'submitted'
        ? sheets
            .filter((s) => s.id !== sheet.id)
            .map((s) => ({
              rater: { id: s.raterId, name: s.raterName },
              status: s.status,
              submittedAt: s.submittedAt?.toISOString() ?? null,
              recommendation: s.status === 'submitted' ? s.recommendation : null,
              scores: s.status === 'submitted' ? scoresOf(s) : [],
            }))
        : null;
    return {
      subject: { kind: subject.kind, id: subject.id },
      posting: { id: subject.postingId, title: subject.postingTitle },
      candidateLabel: subject.blind ? pseudonym(subject.candidateId) : subject.candidateName,
      blind: subject.blind,
      status: sheet.status,
      submittedAt: sheet.submittedAt?.toISOString() ?? null,
      recommendation: sheet.recommendation,
      recommendationAmendments: amendments
        .filter((a) => a.sheetId === sheet.id && a.criterionId === null)
        .map(amendmentView),
      questions,
      scores: scoresOf(sheet),
      competencyLabels: Object.fromEntries(labels),
      others,
    };
  }

  /** A sheet's scores, with the automatic levels of criteria the rater left alone. */
  private criterionScores(
    subject: LoadedSubject,
    rows: ScoreEntity[],
    amendments: AmendmentWithAuthor[],
  ): CriterionScore[] {
    const out: CriterionScore[] = [];
    for (const { questionId } of subject.questions) {
      const auto = autoLevels(subject, questionId);
      for (const c of subject.content.get(questionId)!.rubric) {
        const row = rows.find((r) => r.questionId === questionId && r.criterionId === c.id);
        const history = amendments
          .filter((a) => a.questionId === questionId && a.criterionId === c.id)
          .map(amendmentView);
        if (row) {
          out.push({
            questionId,
            criterionId: c.id,
            level: row.level,
            evidence: row.evidence,
            overrideReason: row.overrideReason,
            source: auto.has(c.id) ? 'override' : 'rater',
            amendments: history,
          });
        } else if (auto.has(c.id)) {
          out.push({
            questionId,
            criterionId: c.id,
            level: auto.get(c.id)!,
            evidence: '',
            overrideReason: null,
            source: 'auto',
            amendments: history,
          });
        }
      }
    }
    return out;
  }
}

export function amendmentView(a: AmendmentWithAuthor): AmendmentView {
  return {
    id: a.id,
    at: a.amendedAt.toISOString(),
    by: { id: a.amendedById, name: a.amendedByName },
    reason: a.reason,
    before: JSON.parse(a.before) as AmendmentView['before'],
    after: JSON.parse(a.after) as AmendmentView['after'],
  };
}
