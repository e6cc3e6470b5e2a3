/**
 * Rubric scoring by several raters (REST, staff), scorecards and rankings for HR, and the audit log.
 *
 * A *subject* is what gets scored: a candidate's online attempt or a live interview. HR assigns
 * raters to a subject; each assigned rater has one *score sheet* for it, scores every rubric
 * criterion of every question on its anchored 1-5 scale (or "no evidence", `level: null`) with an
 * evidence note, gives an overall recommendation, and submits. Until a rater has submitted, the API
 * shows them nobody else's scores for that candidate. A submitted score changes only by amendment,
 * with a reason, and the original is kept. Candidates never see any of this.
 */
import type { BilingualText, QuestionKind, RubricCriterionView } from './assessments';
import type { CodeLanguage, IntegritySummary } from './attempts';

export type SubjectKind = 'attempt' | 'interview';
export const SUBJECT_KINDS: SubjectKind[] = ['attempt', 'interview'];

/** Overall recommendation, kept apart from the computed score. `null` on the wire = none given. */
export type Recommendation = 'strong-no' | 'no' | 'yes' | 'strong-yes';
export const RECOMMENDATIONS: Recommendation[] = ['strong-no', 'no', 'yes', 'strong-yes'];

export type SheetStatus = 'pending' | 'submitted';

/** Lowest and highest level of every anchored scale. */
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;
/** Evidence notes, amendment and override reasons: at most this many characters. */
export const MAX_EVIDENCE_CHARS = 4000;
/** An amendment or override reason needs at least this many characters (not just "x"). */
export const MIN_REASON_CHARS = 5;
/** Most raters one subject may have. */
export const MAX_RATERS = 8;
/** Most candidates the comparison view shows side by side. */
export const MAX_COMPARED = 4;
/** A criterion whose raters' levels differ by this much or more is flagged. */
export const SPREAD_FLAG_LEVELS = 2;

// ---- Rater assignment (HR, admin) ----

export interface RaterAssignment {
  rater: { id: string; name: string; email: string; role: string };
  status: SheetStatus;
  assignedAt: string;
  submittedAt: string | null;
}

/** PUT .../raters: the full list of raters; pending sheets not listed are removed, submitted ones cannot be. */
export interface SetRatersRequest {
  raterIds: string[];
}

// ---- The rater's own work ----

/** GET /scoring/sheets: one row of "my reviews". */
export interface ReviewSummary {
  subject: { kind: SubjectKind; id: string };
  posting: { id: string; title: string };
  /** The candidate's name, or a pseudonym such as "Candidate 7F3A" when the assessment is blind. */
  candidateLabel: string;
  blind: boolean;
  status: SheetStatus;
  assignedAt: string;
  submittedAt: string | null;
  /** When the attempt was submitted or the interview ended; null while it is still going on. */
  completedAt: string | null;
}

/** One rater's score on one criterion. `level: null` means "no evidence". */
export interface CriterionScore {
  questionId: string;
  criterionId: string;
  level: number | null;
  evidence: string;
  /** Set when a rater replaced an automatic (hidden-test) score: why. */
  overrideReason: string | null;
  /** 'auto' when the level was filled from hidden-test results and not overridden. */
  source: 'rater' | 'auto' | 'override';
  amendments: AmendmentView[];
}

export interface AmendmentView {
  id: string;
  at: string;
  by: { id: string; name: string };
  reason: string;
  /** What was there before and after: a criterion's level and evidence, or the recommendation. */
  before: { level?: number | null; evidence?: string; recommendation?: Recommendation | null };
  after: { level?: number | null; evidence?: string; recommendation?: Recommendation | null };
}

/** A criterion as the rater scores it: anchors of 1, 3 and 5 beside the scale; the automatic value if any. */
export interface SheetCriterion extends RubricCriterionView {
  /** The level computed from hidden tests (coding criteria of attempts), before any override. */
  autoLevel: number | null;
}

export interface SheetQuestion {
  /** The bank question id (`coding.two-sum`), stable across the subject's questions. */
  questionId: string;
  kind: QuestionKind;
  title: BilingualText;
  prompt: BilingualText;
  competencies: string[];
  rubric: SheetCriterion[];
  /** What the candidate answered (attempts): text or code; null when nothing was saved. */
  answer: { content: string; language: CodeLanguage | null; savedAt: string } | null;
  /** Hidden-test results (coding questions of graded attempts). */
  grading: { passed: number; total: number; score: number } | null;
}

/** Another rater's sheet, shown only once the caller has submitted their own. */
export interface OtherRaterSheet {
  rater: { id: string; name: string };
  status: SheetStatus;
  submittedAt: string | null;
  recommendation: Recommendation | null;
  scores: CriterionScore[];
}

/** GET /scoring/subjects/:kind/:id/sheet: the caller's sheet for a subject they are assigned to. */
export interface ScoreSheetView {
  subject: { kind: SubjectKind; id: string };
  posting: { id: string; title: string };
  candidateLabel: string;
  blind: boolean;
  status: SheetStatus;
  submittedAt: string | null;
  recommendation: Recommendation | null;
  recommendationAmendments: AmendmentView[];
  questions: SheetQuestion[];
  scores: CriterionScore[];
  /** Labels of the competencies the questions assess, by id. */
  competencyLabels: Record<string, BilingualText>;
  /** null until the caller has submitted: then every other assigned rater's sheet (pending ones without scores). */
  others: OtherRaterSheet[] | null;
}

export interface ScoreInput {
  questionId: string;
  criterionId: string;
  /** 1-5 (whole levels), or null for "no evidence". */
  level: number | null;
  evidence?: string;
  /** Required when the criterion has an automatic level and `level` differs from it. */
  overrideReason?: string;
}

/** PUT /scoring/subjects/:kind/:id/sheet: saves a draft (any subset of criteria); refused once submitted. */
export interface SaveSheetRequest {
  scores: ScoreInput[];
  recommendation?: Recommendation | null;
}

/**
 * POST /scoring/subjects/:kind/:id/sheet/amendments: changes one submitted score, or the
 * recommendation, with a reason; the original stays in the amendment history.
 */
export interface AmendRequest {
  reason: string;
  score?: { questionId: string; criterionId: string; level: number | null; evidence?: string };
  recommendation?: Recommendation | null;
}

// ---- Scorecards (HR, admin) ----

export type ScorecardFlag =
  /** Raters' levels on one criterion differ by SPREAD_FLAG_LEVELS or more. */
  | 'spread'
  /** An assigned rater has not submitted. */
  | 'missing-rater'
  /** A rater marked a criterion "no evidence". */
  | 'no-evidence'
  /** Nobody has been assigned to score one of the candidate's attempts or interviews. */
  | 'unassigned';

export interface RecommendationCounts {
  'strong-no': number;
  no: number;
  yes: number;
  'strong-yes': number;
  none: number;
}

/** One row of a posting's ranking. Scores are on the 1-5 scale; `percent` maps 1..5 to 0..100. */
export interface RankingRow {
  rank: number | null;
  candidate: { id: string; name: string; email: string };
  total: number | null;
  percent: number | null;
  /** Per competency id, 1-5. */
  competencies: Record<string, number>;
  ratersAssigned: number;
  ratersSubmitted: number;
  flags: ScorecardFlag[];
  recommendations: RecommendationCounts;
  sources: SubjectKind[];
  /** True when the caller is an assigned rater of this candidate who has not submitted: scores are withheld. */
  withheld: boolean;
}

export type RankingSort = 'total' | 'name' | 'submitted' | 'flags';

/** GET /scorecards/postings/:id/ranking?limit&offset&sort&order&flagged&search (limit/offset as every listing). */
export interface RankingPage {
  items: RankingRow[];
  total: number;
  competencyLabels: Record<string, BilingualText>;
}

/** GET /scorecards/postings/:id/summary: distribution and per-competency profile of the posting. */
export interface PostingScoreSummary {
  posting: { id: string; title: string };
  candidates: number;
  scored: number;
  /** Totals in 0.5-wide bins from 1 to 5: `from` inclusive, the last bin includes 5. */
  distribution: { from: number; to: number; count: number }[];
  /** Mean score per competency over scored candidates. */
  competencies: { id: string; label: BilingualText; mean: number; n: number }[];
}

export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';
export const ICC_FORMS: IccForm[] = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];
/** Koo & Li (2016) bands for ICC. */
export type IccBand = 'poor' | 'moderate' | 'good' | 'excellent';
/** Krippendorff (2004) guidance for alpha. */
export type AlphaBand = 'unreliable' | 'tentative' | 'reliable';

export interface AgreementFigures {
  /** Rated answers (subject, question, criterion) with at least two raters' levels. */
  units: number;
  /** Ordinal and interval alpha over every pairable level (missing ratings allowed). */
  alphaOrdinal: number | null;
  alphaInterval: number | null;
  alphaBand: AlphaBand | null;
  /** ICC over answers rated by exactly `k` raters (the most common panel size); null when too few. */
  icc: { k: number; units: number; values: Record<IccForm, number> } | null;
  /** Band of ICC(2,1) (single rater, absolute agreement), the form that matches how scores are used. */
  iccBand: IccBand | null;
}

export interface RaterCalibration {
  rater: { id: string; name: string };
  /** Scores given on answers someone else also scored. */
  n: number;
  /** Mean of (this rater's level - the mean level of the panel on that answer): + is lenient, - severe. */
  meanOffset: number | null;
  meanLevel: number | null;
}

/** GET /scorecards/postings/:id/agreement. */
export interface PostingAgreement {
  overall: AgreementFigures;
  criteria: ({
    questionId: string;
    criterionId: string;
    name: BilingualText;
    questionTitle: BilingualText;
  } & AgreementFigures)[];
  calibration: RaterCalibration[];
}

export interface ScorecardCriterionRow {
  criterionId: string;
  name: BilingualText;
  weight: number;
  autoLevel: number | null;
  /** Each rater's level (null = no evidence), by rater id; absent = not scored / not submitted. */
  levels: Record<string, number | null>;
  mean: number | null;
  spread: number | null;
  flags: ScorecardFlag[];
}

export interface ScorecardQuestion {
  subject: { kind: SubjectKind; id: string };
  questionId: string;
  kind: QuestionKind;
  title: BilingualText;
  competencies: string[];
  /** Panel score of the question, 1-5: the mean of the submitted raters' weighted question scores. */
  score: number | null;
  criteria: ScorecardCriterionRow[];
}

export interface ScorecardRater {
  rater: { id: string; name: string; email: string };
  subject: { kind: SubjectKind; id: string };
  status: SheetStatus;
  submittedAt: string | null;
  recommendation: Recommendation | null;
  /** This rater's total over the questions they scored, 1-5. */
  total: number | null;
  amendments: number;
}

/** GET /scorecards/postings/:postingId/candidates/:candidateId. */
export interface ScorecardView {
  posting: { id: string; title: string };
  candidate: { id: string; name: string; email: string };
  total: number | null;
  percent: number | null;
  rank: number | null;
  ranked: number;
  competencies: { id: string; label: BilingualText; score: number | null; questions: number }[];
  questions: ScorecardQuestion[];
  raters: ScorecardRater[];
  recommendations: RecommendationCounts;
  flags: ScorecardFlag[];
  /** Advisory only, never part of the score: integrity events per attempt, summarised. */
  integrity: { attemptId: string; summary: IntegritySummary; events: number }[];
  /** How the total is computed, in words (the same formula for every candidate). */
  formula: BilingualText;
}

/** GET .../explanation: what was assessed and how the result was reached, for the candidate (PIPL art. 24). */
export interface CandidateExplanation {
  zh: string;
  en: string;
}

// ---- Audit log (admin, HR) ----

export type AuditAction =
  | 'score.submit'
  | 'score.amend'
  | 'score.override'
  | 'rater.assign'
  | 'rater.unassign'
  | 'assessment.publish'
  | 'assessment.blind'
  | 'invitation.create'
  | 'invitation.revoke'
  | 'attempt.extend'
  | 'interview.schedule'
  | 'interview.link'
  | 'posting.delete'
  | 'assessment.delete'
  | 'user.create'
  | 'user.role'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.rename'
  | 'user.password'
  | 'invitation.resend'
  | 'explanation.view'
  | 'explanation.send'
  /** An attempt handed in: by the candidate or, at the deadline, by the server (no actor). */
  | 'attempt.submit';

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string; name: string; email: string; role: string } | null;
  /** The caller's address as the server saw it. */
  ip: string | null;
  action: AuditAction;
  target: { type: string; id: string };
  /** What changed: field -> { from, to }, or the values recorded. */
  changes: Record<string, unknown>;
}
