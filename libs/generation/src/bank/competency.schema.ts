import { z } from 'zod';
import { COMPETENCY_GROUPS, LevelAnchorsSchema, MODALITIES, TextSchema } from './text.schema';

const SynonymList = z.array(z.string().trim().min(1)).min(10).max(30);

export const CompetencySchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]+\.[A-Z0-9]+$/, 'expected GROUP.NAME, e.g. SE.BACKEND'),
    group: z.enum(COMPETENCY_GROUPS),
    label: TextSchema,
    definition: TextSchema,
    modalities: z.array(z.enum(MODALITIES)).min(1),
    synonyms: z.strictObject({ zh: SynonymList, en: SynonymList }),
    anchors: LevelAnchorsSchema,
  })
  .superRefine((c, ctx) => {
    if (c.id.split('.')[0] !== c.group) {
      ctx.addIssue({ code: 'custom', path: ['group'], message: `group ${c.group} does not match id ${c.id}` });
    }
  });
export type Competency = z.infer<typeof CompetencySchema>;

export const CompetenciesFileSchema = z.strictObject({
  competencies: z.array(CompetencySchema).min(1),
});
