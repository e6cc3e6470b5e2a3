import {
  MIN_REASON_CHARS,
  type Recommendation,
  type SaveSheetRequest,
  type ScoreInput,
  type ScoreSheetView,
  type SheetCriterion,
} from '@rubricon/contracts';

/**
 * A rater's draft while they score: one entry per criterion. `level` undefined = not scored yet,
 * null = "no evidence", 1-5 = the level. Free of React, so the rules are unit-tested.
 */
export interface DraftEntry {
  level: number | null | undefined;
  evidence: string;
  overrideReason: string;
  /**
   * An automatic criterion the rater has overridden. Sticky: the server keeps an override row (with
   * its reason) even when the level is set back to the automatic one, so it is sent as one from then on.
   */
  overridden: boolean;
}

export interface Draft {
  entries: Record<string, DraftEntry>;
  recommendation: Recommendation | null;
}

export const entryKey = (questionId: string, criterionId: string) => `${questionId}\u0000${criterionId}`;

/** The draft as the server last saved it; an automatic criterion nobody touched starts at its automatic level. */
export function initialDraft(view: ScoreSheetView): Draft {
  const entries: Record<string, DraftEntry> = {};
  for (const q of view.questions)
    for (const c of q.rubric) {
      const row = view.scores.find((s) => s.questionId === q.questionId && s.criterionId === c.id);
      entries[entryKey(q.questionId, c.id)] = row
        ? {
            level: row.level,
            evidence: row.evidence,
            overrideReason: row.overrideReason ?? '',
            overridden: c.autoLevel !== null && row.source !== 'auto',
          }
        : { level: c.autoLevel ?? undefined, evidence: '', overrideReason: '', overridden: false };
    }
  return { entries, recommendation: view.recommendation };
}

/**
 * The rater replaces the level the hidden tests gave: they chose another one, or did so before.
 * The server stores a row for an automatic criterion only as an override, with a reason.
 */
export function isOverride(criterion: Pick<SheetCriterion, 'autoLevel'>, entry: DraftEntry): boolean {
  if (criterion.autoLevel === null) return false;
  return entry.overridden || (entry.level !== undefined && entry.level !== criterion.autoLevel);
}

export function reasonOk(reason: string): boolean {
  return reason.trim().length >= MIN_REASON_CHARS;
}

/** An override still waiting for its reason: not sent until it has one, since the server would refuse it. */
export function needsReason(criterion: Pick<SheetCriterion, 'autoLevel'>, entry: DraftEntry): boolean {
  return isOverride(criterion, entry) && !reasonOk(entry.overrideReason);
}

/**
 * What a draft save sends: every scored criterion, except automatic ones left alone (the server
 * keeps their level) and overrides still without their reason (the server would refuse them).
 */
export function toSaveRequest(view: ScoreSheetView, draft: Draft): SaveSheetRequest {
  const scores: ScoreInput[] = [];
  for (const q of view.questions)
    for (const c of q.rubric) {
      const entry = draft.entries[entryKey(q.questionId, c.id)];
      if (!entry || entry.level === undefined) continue;
      if (c.autoLevel !== null && (!isOverride(c, entry) || needsReason(c, entry))) continue;
      scores.push({
        questionId: q.questionId,
        criterionId: c.id,
        level: entry.level,
        evidence: entry.evidence,
        ...(c.autoLevel !== null ? { overrideReason: entry.overrideReason.trim() } : {}),
      });
    }
  return { scores, recommendation: draft.recommendation };
}

/** Criteria the rater must still score before submitting (automatic ones count as scored). */
export function unscored(view: ScoreSheetView, draft: Draft): { questionId: string; criterionId: string }[] {
  return view.questions.flatMap((q) =>
    q.rubric
      .filter((c) => {
        const entry = draft.entries[entryKey(q.questionId, c.id)];
        return c.autoLevel === null && (!entry || entry.level === undefined);
      })
      .map((c) => ({ questionId: q.questionId, criterionId: c.id })),
  );
}

/** The wire value of the scale control: '1'..'5', 'none' (no evidence), undefined (not scored). */
export function levelToChoice(level: number | null | undefined): string | undefined {
  if (level === undefined) return undefined;
  return level === null ? 'none' : String(level);
}

export function choiceToLevel(choice: string): number | null {
  return choice === 'none' ? null : Number(choice);
}
