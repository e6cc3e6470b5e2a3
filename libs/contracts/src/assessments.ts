/** Staff-facing assessment shapes (HR review). Candidates get their own, smaller shapes. */
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
  starter: { javascript: string; typescript: string };
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

/**
 * A question that may replace another in a draft, as HR's swap list shows it: ranked by the
 * posting's duty lines it assesses, most first; `coversNoDuty` warns before one assessing none is chosen.
 */
export interface QuestionAlternative extends BankQuestionSummary {
  /** Indexes into the assessment's duty lines (AssessmentView.duties) this question assesses. */
  dutyIndexes: number[];
  /** The same lines with their text. */
  duties: { index: number; text: string }[];
  coversNoDuty: boolean;
}

export interface AssessmentQuestionView extends BankQuestionSummary {
  prompt: BilingualText;
  rubric: RubricCriterionView[];
  probes: BilingualText[];
  /** Indexes into the assessment's duty lines that this question assesses. */
  dutyIndexes: number[];
  coding?: CodingDetailView;
}

export interface AssessmentDutyView {
  text: string;
  assessable: boolean;
  lowConfidence: boolean;
  competencies: string[];
  questionIds: string[];
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
  /** Labels of every competency in the bank, by id. */
  competencyLabels: Record<string, BilingualText>;
}
