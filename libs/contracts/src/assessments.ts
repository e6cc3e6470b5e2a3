/** Staff-facing assessment shapes (HR review). Candidates get their own, smaller shapes. */
import type { StarterCode } from './attempts';

export type QuestionKind = 'coding' | 'case' | 'scenario' | 'behavioral';
export const QUESTION_KIND_ORDER: QuestionKind[] = ['coding', 'case', 'scenario', 'behavioral'];

export interface BilingualText {
  zh: string;
  en: string;
}

export interface RubricCriterionView {
  id: string;
  name: BilingualText;
  weight: number;
  autoScored?: boolean;
  anchors: { noEvidence: BilingualText; '1': BilingualText; '3': BilingualText; '5': BilingualText };
}

export interface CodingDetailView {
  starter: StarterCode;
  examples: { input: unknown; expected: unknown; explanation?: BilingualText }[];
  hiddenTestCount: number;
  comparator: { kind: 'exact' | 'numeric' | 'unordered'; tolerance?: number };
}

export interface BankQuestionSummary {
  id: string;
  kind: QuestionKind;
  title: BilingualText;
  competencies: string[];
  roleFamilies: string[];
  difficulty: number;
  minutes: number;
}

/** How a question assesses a duty line: directly (it is about what the line says) or partly. */
export type MatchStrength = 'direct' | 'partial';

/** "Why this question" for one duty line: the line's words the question uses and the competencies they share. */
export interface DutyMatchView {
  /** Index into the assessment's duty lines (AssessmentView.duties). */
  index: number;
  strength: MatchStrength;
  words: string[];
  competencies: string[];
}

/**
 * A question that may replace another in a draft, as HR's swap list shows it: only questions that
 * assess at least one of the posting's duty lines, those assessing most lines directly first.
 */
export interface QuestionAlternative extends BankQuestionSummary {
  /** Indexes into the assessment's duty lines (AssessmentView.duties) this question assesses. */
  dutyIndexes: number[];
  /** The same lines with their text and why the question assesses them. */
  duties: (DutyMatchView & { text: string })[];
  /** Always false now that such questions are left out; kept for older clients. */
  coversNoDuty: boolean;
}

export interface AssessmentQuestionView extends BankQuestionSummary {
  prompt: BilingualText;
  rubric: RubricCriterionView[];
  probes: BilingualText[];
  /** Indexes into the assessment's duty lines that this question assesses. */
  dutyIndexes: number[];
  /** Why: for each of those lines, how the question assesses it. */
  dutyMatches: DutyMatchView[];
  /** Set on a question the generator composed from this duty line (the bank had no direct one): HR reviews it. */
  composedFrom?: { duty: string };
  coding?: CodingDetailView;
}

export interface AssessmentDutyView {
  text: string;
  assessable: boolean;
  lowConfidence: boolean;
  competencies: string[];
  questionIds: string[];
  /** How each of those questions assesses the line, direct ones first. */
  matches: { questionId: string; strength: MatchStrength; words: string[]; competencies: string[] }[];
}

export type AssessmentStatus = 'draft' | 'published';

export interface AssessmentSummary {
  id: string;
  postingId: string;
  postingTitle: string;
  status: AssessmentStatus;
  roleFamily: string;
  durationMinutes: number;
  questionCount: number;
  coveragePercent: number;
  seed: number | null;
  createdAt: string;
  publishedAt: string | null;
  /** Raters see a pseudonym instead of the candidate's name and email. */
  blindScoring: boolean;
}

export interface AssessmentView extends AssessmentSummary {
  /** The minutes its questions need (each bank question's estimate, summed): warn when durationMinutes is less. */
  questionMinutes: number;
  lang: 'zh' | 'en';
  bankVersion: string;
  sections: { kind: QuestionKind; questions: AssessmentQuestionView[] }[];
  duties: AssessmentDutyView[];
  uncoveredDuties: string[];
  /** Assessable duty lines with a direct question, in percent. */
  directPercent: number;
  /** Assessable duty lines no question assesses directly. */
  indirectDuties: string[];
  /** Why the role got its family and its kinds of questions, in sentences HR reads (empty for older assessments). */
  familyReasons: BilingualText[];
  /** Labels of every competency in the bank, by id. */
  competencyLabels: Record<string, BilingualText>;
}
