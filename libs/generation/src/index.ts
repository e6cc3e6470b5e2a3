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
export type { CompetencyTag, TaggedLine } from './tagging/tag-line';
export { classifyRoleFamily } from './classify/role-family';
export type { FamilyEvidence, RoleFamilyResult } from './classify/role-family';
export { blueprintFor } from './blueprint/blueprints';
export type { Blueprint, BlueprintSection } from './blueprint/blueprints';
export { detectSeniority } from './select/seniority';
export type { Seniority } from './select/seniority';
export { normalise } from './text/normalise';
export { segment } from './text/segmenter';
export { formatSummary } from './report/format-summary';
export { dutyCoverage, alternativesFor, rankReplacements } from './assessment/coverage';
export type { DutyCoverage, RankedReplacement } from './assessment/coverage';
