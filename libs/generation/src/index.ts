// Public surface of @rubricon/generation.
export * from './bank';
export { generateAssessment, defaultLang } from './assessment/generate-assessment';
export type {
  Assessment,
  GenerateOptions,
  GenerationDetail,
  GenerationResult,
  Lang,
  LineDetail,
  PostingInput,
} from './assessment/types';
export { tagLine } from './tagging/tag-line';
export { tagPosting } from './tagging/tag-posting';
export type { CompetencyTag, TaggedLine } from './tagging/tag-line';
export { classifyRoleFamily, FAMILY_LABELS } from './classify/role-family';
export type { BuildEvidence, FamilyEvidence, RoleFamilyResult } from './classify/role-family';
export { composeDutyQuestion, isComposed } from './compose/compose-question';
export type { ComposedQuestion } from './compose/compose-question';
export { blueprintFor } from './blueprint/blueprints';
export type { Blueprint, BlueprintInput, BlueprintSection } from './blueprint/blueprints';
export { detectSeniority } from './select/seniority';
export type { Seniority } from './select/seniority';
export { normalise } from './text/normalise';
export { segment } from './text/segmenter';
export { formatSummary } from './report/format-summary';
export { dutyCoverage, alternativesFor, rankReplacements } from './assessment/coverage';
export type { CoverageMatch, DutyCoverage, RankedReplacement } from './assessment/coverage';
export type { MatchStrength } from './relevance/duty-match';
