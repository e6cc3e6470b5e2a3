import type { QuestionKind, RoleFamily, RubricCriterion } from '../bank';
import type { Blueprint } from '../blueprint/blueprints';
import type { RoleFamilyResult } from '../classify/role-family';
import type { ComposedQuestion } from '../compose/compose-question';
import type { CoverageMatch } from './coverage';
import type { Seniority } from '../select/seniority';
import type { CompetencyTag } from '../tagging/tag-line';
import type { NotAssessableReason } from '../tagging/line-filters';

export type Lang = 'zh' | 'en';

/** What generation needs from a parsed posting (ParsedPosting from @rubricon/postings fits). */
export interface PostingInput {
  title: string;
  duties: string[];
  requirements: string[];
}

/** The public contract (DESIGN.md, Generation): what the CLI prints and the API stores. */
export interface Assessment {
  posting: { title: string; duties: string[]; requirements: string[] };
  roleFamily: RoleFamily;
  durationMinutes: number;
  sections: Array<{
    kind: QuestionKind;
    questions: Array<{
      id: string;
      title: string;
      prompt: string;
      competencies: string[];
      rubric: RubricCriterion[];
      /** Present on a question composed from this duty line (no bank question assessed it directly). */
      composedFrom?: { duty: string };
    }>;
  }>;
  /** Per duty line: its competencies, the questions that assess it and how (direct or partial, with the words). */
  coverage: Array<{
    duty: string;
    competencies: string[];
    questionIds: string[];
    matches: Array<{ questionId: string; strength: 'direct' | 'partial'; words: string[] }>;
  }>;
}

export interface LineDetail {
  text: string;
  assessable: boolean;
  reason?: NotAssessableReason;
  lowConfidence: boolean;
  competencies: CompetencyTag[];
}

/** Everything behind the contract, for review screens and for explaining a choice. */
export interface GenerationDetail {
  bankVersion: string;
  seed: number | null;
  lang: Lang;
  family: RoleFamilyResult;
  seniority: Seniority;
  blueprint: Blueprint;
  duties: Array<LineDetail & { questionIds: string[]; matches: CoverageMatch[] }>;
  requirements: LineDetail[];
  questions: Array<{
    id: string;
    kind: QuestionKind;
    difficulty: number;
    minutes: number;
    phase: 'cover' | 'fill' | 'composed';
    familyFallback: boolean;
    sourceDuties: string[];
    sourceRequirements: string[];
  }>;
  /** Covered assessable duty lines / assessable duty lines, in percent (100 when none is assessable). */
  coveragePercent: number;
  /** The same for lines with a direct question: 100 after generation, as lines without one get a composed question. */
  directPercent: number;
  uncoveredDuties: string[];
  /** The questions composed from duty lines, in section order, whole (they are in no bank file). */
  composed: ComposedQuestion[];
  /** The minutes the questions need; durationMinutes is this rounded up to 5. */
  questionMinutes: number;
  unfilled: Array<{ kind: QuestionKind; missing: number }>;
}

export interface GenerationResult {
  assessment: Assessment;
  detail: GenerationDetail;
}

export interface GenerateOptions {
  seed?: number;
  lang?: Lang;
}
