import { z } from 'zod';

/** Every text a person reads is bilingual. */
export const TextSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type Text = z.infer<typeof TextSchema>;

/** Behavioural anchors of the 1-5 scale (YAML keys 1, 3, 5 arrive as strings). */
export const LevelAnchorsSchema = z.strictObject({
  '1': TextSchema,
  '3': TextSchema,
  '5': TextSchema,
});

export const ROLE_FAMILIES = [
  'developer',
  'data',
  'ai',
  'product',
  'risk',
  'business',
  'architecture',
  'operations',
  'management',
  'solutions',
  'compliance',
  'security',
] as const;
export type RoleFamily = (typeof ROLE_FAMILIES)[number];

export const QUESTION_KINDS = ['coding', 'case', 'scenario', 'behavioral'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const COMPETENCY_GROUPS = [
  'SE',
  'INF',
  'DATA',
  'AI',
  'ARCH',
  'DOM',
  'RISK',
  'AUD',
  'PM',
  'BIZ',
  'MGT',
  'CORE',
] as const;
export const MODALITIES = ['C', 'K', 'S', 'B', 'Q'] as const;
