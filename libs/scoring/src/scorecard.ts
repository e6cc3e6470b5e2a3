import {
  MAX_LEVEL,
  MIN_LEVEL,
  SPREAD_FLAG_LEVELS,
  type Recommendation,
  type RecommendationCounts,
  type ScorecardFlag,
  type SheetStatus,
} from '@rubricon/contracts';

/**
 * A candidate's scorecard for one posting, by formula (no discussion, no judgement after the fact):
 *
 * 1. A rater's level on a criterion is the level they gave (1-5, or none for "no evidence"); on a
 *    criterion scored from hidden tests, the automatic level unless that rater overrode it.
 * 2. A rater's question score is the weighted mean of their levels on its criteria, over the criteria
 *    with a level (weights renormalised, so "no evidence" neither helps nor hurts; it is flagged).
 * 3. The panel's question score is the mean of the question scores of the raters who submitted.
 * 4. The total is the mean of the panel's question scores, each question counting once; a competency's
 *    score is the mean over the questions that assess it. A rater's own total is the mean of theirs.
 *
 * Only submitted sheets count: a pending rater's draft never moves a score.
 */

export interface ScoringCriterion {
  id: string;
  weight: number;
  /** The level from hidden tests (coding criteria of graded attempts), if any. */
  autoLevel: number | null;
}

export interface ScoringQuestion {
  /** Unique within the scorecard, e.g. `attempt:<id>:coding.two-sum`. */
  key: string;
  /** Which subject (attempt or interview) the question belongs to: only its raters score it. */
  subjectKey: string;
  competencies: string[];
  criteria: ScoringCriterion[];
}

export interface ScoringSheet {
  raterId: string;
  subjectKey: string;
  status: SheetStatus;
  recommendation: Recommendation | null;
  scores: { questionKey: string; criterionId: string; level: number | null }[];
}

export interface CriterionResult {
  id: string;
  /** Each submitted rater's level (null: no evidence), by rater id; absent: not scored. */
  levels: Record<string, number | null>;
  mean: number | null;
  /** Highest minus lowest level among the raters; null with fewer than two levels. */
  spread: number | null;
  flags: ScorecardFlag[];
}

export interface QuestionResult {
  key: string;
  score: number | null;
  /** Each submitted rater's score of the question, by rater id. */
  raterScores: Record<string, number | null>;
  criteria: CriterionResult[];
}

export interface RaterResult {
  raterId: string;
  subjectKey: string;
  status: SheetStatus;
  total: number | null;
}

export interface ScorecardResult {
  total: number | null;
  percent: number | null;
  questions: QuestionResult[];
  raters: RaterResult[];
  /** Per competency id: the score and how many scored questions it rests on. */
  competencies: Record<string, { score: number | null; questions: number }>;
  flags: ScorecardFlag[];
  recommendations: RecommendationCounts;
  ratersAssigned: number;
  ratersSubmitted: number;
}

const FLAG_ORDER: ScorecardFlag[] = ['spread', 'no-evidence', 'missing-rater', 'unassigned'];

export function isLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_LEVEL && value <= MAX_LEVEL;
}

/** Maps the 1-5 scale onto 0-100. */
export function toPercent(score: number | null): number | null {
  return score === null ? null : ((score - MIN_LEVEL) / (MAX_LEVEL - MIN_LEVEL)) * 100;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Weighted mean of the criteria that have a level; null when none has. */
export function weightedScore(
  criteria: readonly { weight: number; level: number | null | undefined }[],
): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    if (typeof c.level !== 'number') continue;
    sum += c.weight * c.level;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * A rater's effective level on each criterion of a question: what they gave, else the automatic
 * level; `undefined` when neither exists.
 */
export function effectiveLevels(
  question: ScoringQuestion,
  given: ReadonlyMap<string, number | null>,
): Map<string, number | null | undefined> {
  const levels = new Map<string, number | null | undefined>();
  for (const c of question.criteria) {
    levels.set(c.id, given.has(c.id) ? given.get(c.id) : (c.autoLevel ?? undefined));
  }
  return levels;
}

export function emptyRecommendations(): RecommendationCounts {
  return { 'strong-no': 0, no: 0, yes: 0, 'strong-yes': 0, none: 0 };
}

/** The scorecard of one candidate for one posting, from the questions of its subjects and every sheet. */
export function computeScorecard(
  questions: readonly ScoringQuestion[],
  sheets: readonly ScoringSheet[],
  subjectKeys: readonly string[] = [...new Set(questions.map((q) => q.subjectKey))],
): ScorecardResult {
  const submitted = sheets.filter((s) => s.status === 'submitted');
  const flags = new Set<ScorecardFlag>();
  if (sheets.some((s) => s.status !== 'submitted')) flags.add('missing-rater');
  for (const subject of subjectKeys) if (!sheets.some((s) => s.subjectKey === subject)) flags.add('unassigned');

  // rater sheet -> question key -> criterion id -> level
  const given = new Map<ScoringSheet, Map<string, Map<string, number | null>>>();
  for (const sheet of submitted) {
    const byQuestion = new Map<string, Map<string, number | null>>();
    for (const s of sheet.scores) {
      let row = byQuestion.get(s.questionKey);
      if (!row) byQuestion.set(s.questionKey, (row = new Map()));
      row.set(s.criterionId, s.level);
    }
    given.set(sheet, byQuestion);
  }

  const raterQuestionScores = new Map<ScoringSheet, number[]>();
  const questionResults: QuestionResult[] = questions.map((question) => {
    const raters = submitted.filter((s) => s.subjectKey === question.subjectKey);
    const levelsByRater = new Map<ScoringSheet, Map<string, number | null | undefined>>();
    const raterScores: Record<string, number | null> = {};
    for (const sheet of raters) {
      const levels = effectiveLevels(question, given.get(sheet)?.get(question.key) ?? new Map());
      levelsByRater.set(sheet, levels);
      const score = weightedScore(question.criteria.map((c) => ({ weight: c.weight, level: levels.get(c.id) })));
      raterScores[sheet.raterId] = score;
      if (score !== null) {
        const list = raterQuestionScores.get(sheet) ?? [];
        list.push(score);
        raterQuestionScores.set(sheet, list);
      }
    }
    const criteria: CriterionResult[] = question.criteria.map((c) => {
      const levels: Record<string, number | null> = {};
      for (const [sheet, byCriterion] of levelsByRater) {
        const level = byCriterion.get(c.id);
        if (level !== undefined) levels[sheet.raterId] = level;
      }
      const numeric = Object.values(levels).filter((l): l is number => typeof l === 'number');
      const spread = numeric.length >= 2 ? Math.max(...numeric) - Math.min(...numeric) : null;
      const criterionFlags: ScorecardFlag[] = [];
      if (spread !== null && spread >= SPREAD_FLAG_LEVELS) criterionFlags.push('spread');
      if (Object.values(levels).some((l) => l === null)) criterionFlags.push('no-evidence');
      criterionFlags.forEach((f) => flags.add(f));
      return { id: c.id, levels, mean: mean(numeric), spread, flags: criterionFlags };
    });
    const score = mean(Object.values(raterScores).filter((s): s is number => s !== null));
    return { key: question.key, score, raterScores, criteria };
  });

  const scored = questionResults.filter((q) => q.score !== null);
  const total = mean(scored.map((q) => q.score as number));

  const competencies: ScorecardResult['competencies'] = {};
  for (const question of questions) {
    for (const id of question.competencies) competencies[id] ??= { score: null, questions: 0 };
  }
  for (const id of Object.keys(competencies)) {
    const scores = questions
      .map((q, i) => (q.competencies.includes(id) ? questionResults[i].score : null))
      .filter((s): s is number => s !== null);
    competencies[id] = { score: mean(scores), questions: scores.length };
  }

  const recommendations = emptyRecommendations();
  for (const sheet of submitted) recommendations[sheet.recommendation ?? 'none'] += 1;

  return {
    total,
    percent: toPercent(total),
    questions: questionResults,
    raters: sheets.map((sheet) => ({
      raterId: sheet.raterId,
      subjectKey: sheet.subjectKey,
      status: sheet.status,
      total: sheet.status === 'submitted' ? mean(raterQuestionScores.get(sheet) ?? []) : null,
    })),
    competencies,
    flags: FLAG_ORDER.filter((f) => flags.has(f)),
    recommendations,
    ratersAssigned: sheets.length,
    ratersSubmitted: submitted.length,
  };
}

/** The formula of computeScorecard in words, for scorecards and the candidate's explanation. */
export const SCORECARD_FORMULA = {
  en:
    'Each rater scores every rubric criterion on its anchored 1-5 scale; criteria scored from hidden tests take the ' +
    'automatic level unless a rater overrides it with a reason. A rater’s question score is the weighted mean of their ' +
    'levels (criteria marked "no evidence" are left out and flagged); the question’s score is the mean over the raters ' +
    'who submitted; the total is the mean over the questions, and a competency’s score the mean over the questions ' +
    'that assess it. Recommendations and integrity signals are shown beside the score and never change it.',
  zh:
    '每位评分人按锚定的 1–5 级为每项评分标准打分；由隐藏测试自动评分的标准采用自动等级，除非评分人说明理由后修改。' +
    '评分人对一道题的得分是其各项等级的加权平均（标记为“无证据”的标准不计入，并会被标出）；题目得分是已提交评分人的平均分；' +
    '总分是各题得分的平均，某项能力的得分是考查该能力的各题得分的平均。推荐意见和诚信信号与分数并列展示，从不改变分数。',
};
