import type { QuestionKind, RoleFamily, RubricCriterion } from '../bank';
import type { Blueprint } from '../blueprint/blueprints';
import type { FamilyEvidence } from '../classify/role-family';
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
    questions: Array<{ id: string; title: string; prompt: string; competencies: string[]; rubric: RubricCriterion[] }>;
  }>;
  coverage: Array<{ duty: string; competencies: string[]; questionIds: string[] }>;
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
  family: { family: RoleFamily; evidence: FamilyEvidence };
  seniority: Seniority;
  blueprint: Blueprint;
  duties: Array<LineDetail & { questionIds: string[] }>;
  requirements: LineDetail[];
  questions: Array<{
    id: string;
    kind: QuestionKind;
    difficulty: number;
    minutes: number;
    phase: 'cover' | 'fill';
    familyFallback: boolean;
    sourceDuties: string[];
    sourceRequirements: string[];
  }>;
  /** Covered assessable duty lines / assessable duty lines, in percent (100 when none is assessable). */
  coveragePercent: number;
  uncoveredDuties: string[];
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
