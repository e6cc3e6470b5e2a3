import { z } from 'zod';
import { ROLE_FAMILIES, TextSchema } from './text.schema';

const WEIGHT_TOLERANCE = 1e-6;

const CriterionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id'),
  name: TextSchema,
  weight: z.number().gt(0).lte(1),
  autoScored: z.boolean().optional(),
  anchors: z.strictObject({ noEvidence: TextSchema, '1': TextSchema, '3': TextSchema, '5': TextSchema }),
});
export type RubricCriterion = z.infer<typeof CriterionSchema>;

const RubricSchema = z
  .array(CriterionSchema)
  .min(3)
  .max(5)
  .superRefine((rubric, ctx) => {
    const sum = rubric.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      ctx.addIssue({ code: 'custom', message: `weights sum to ${Number(sum.toFixed(6))}, expected 1` });
    }
    const seen = new Set<string>();
    rubric.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate criterion id ${c.id}` });
      seen.add(c.id);
    });
  });

const common = {
  id: z.string().regex(/^[a-z]+\.[a-z0-9][a-z0-9.-]*$/, 'expected <kind>.<kebab-name>'),
  title: TextSchema,
  prompt: TextSchema,
  competencies: z.array(z.string().min(1)).min(1),
  roleFamilies: z.array(z.enum(ROLE_FAMILIES)).min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  minutes: z.number().int().positive().max(180),
  rubric: RubricSchema,
};
const Probes = z.array(TextSchema).min(2).max(3);

const SourcePair = z.strictObject({
  javascript: z.string().min(1),
  typescript: z.string().min(1),
  python: z.string().min(1),
});
const WrongSolution = z
  .strictObject({
    description: z.string().min(1),
    /** Right answers, too slow: must pass every test except the limit tests, and time out there. */
    slow: z.boolean().optional(),
    javascript: z.string().min(1).optional(),
    typescript: z.string().min(1).optional(),
    python: z.string().min(1).optional(),
  })
  .refine(
    (w) => w.javascript !== undefined || w.typescript !== undefined || w.python !== undefined,
    'needs javascript, typescript or python',
  );

/** A test at a stated size limit: the value at `path` (dot path; "" = the input) has `size` items or characters. */
const TestLimit = z.strictObject({ path: z.string(), size: z.number().int().positive() });

const HiddenTest = z
  .strictObject({
    input: z.json().optional(),
    /** Source defining `function input(random)`, for inputs too large to write out (see generated-input.ts). */
    generate: z.string().min(1).optional(),
    limit: TestLimit.optional(),
    expected: z.json(),
    weight: z.number().positive().optional(),
    note: z.string().optional(),
  })
  .refine((t) => (t.input === undefined) !== (t.generate === undefined), 'needs either input or generate, not both')
  .refine((t) => t.generate === undefined || /\bfunction\s+input\s*\(/.test(t.generate), {
    message: 'generate must define function input(random)',
    path: ['generate'],
  });
export type HiddenTest = z.infer<typeof HiddenTest>;

const CodingSchema = z.strictObject({
  ...common,
  kind: z.literal('coding'),
  probes: Probes.optional(),
  entry: z.string().regex(/^[A-Za-z_$][\w$]*$/),
  starter: SourcePair,
  reference: SourcePair,
  wrongSolutions: z.array(WrongSolution).min(1),
  comparator: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('exact') }),
    z.strictObject({ kind: z.literal('numeric'), tolerance: z.number().positive().optional() }),
    z.strictObject({ kind: z.literal('unordered') }),
  ]),
  limits: z
    .strictObject({
      timeMs: z.number().int().positive().optional(),
      memoryMb: z.number().int().positive().optional(),
      resultBytes: z.number().int().positive().optional(),
    })
    .optional(),
  examples: z.array(z.strictObject({ input: z.json(), expected: z.json(), explanation: TextSchema.optional() })).min(1),
  hiddenTests: z.array(HiddenTest).min(8),
});

const CaseSchema = z.strictObject({ ...common, kind: z.literal('case'), probes: Probes });
const ScenarioSchema = z.strictObject({ ...common, kind: z.literal('scenario'), probes: Probes });
const BehavioralSchema = z.strictObject({
  ...common,
  kind: z.literal('behavioral'),
  probes: Probes,
  style: z.enum(['past', 'situational']),
  /**
   * Set by the generator on a question it composed from a duty line the bank has no direct question
   * for (see compose-question.ts); HR reviews such a question. Never written in a bank file.
   */
  composedFrom: z.strictObject({ duty: z.string().min(1) }).optional(),
});

export const QuestionSchema = z
  .discriminatedUnion('kind', [CodingSchema, CaseSchema, ScenarioSchema, BehavioralSchema])
  .superRefine((q, ctx) => {
    if (!q.id.startsWith(`${q.kind}.`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id must start with "${q.kind}."` });
    }
    if (q.kind === 'behavioral' && q.composedFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['composedFrom'],
        message: 'composedFrom is set by the generator on questions it composes, not in a bank file',
      });
    }
    if (q.kind !== 'coding') {
      q.rubric.forEach((c, i) => {
        if (c.autoScored !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['rubric', i, 'autoScored'],
            message: 'autoScored is for coding tasks only',
          });
        }
      });
    }
  });
export type Question = z.infer<typeof QuestionSchema>;
export type CodingQuestion = Extract<Question, { kind: 'coding' }>;
