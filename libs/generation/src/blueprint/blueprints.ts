import type { QuestionKind, RoleFamily } from '../bank';

export interface BlueprintSection {
  kind: QuestionKind;
  count: number;
}

export interface Blueprint {
  family: RoleFamily;
  /** In the order a candidate meets them: hands-on work first, behavioural last. */
  sections: BlueprintSection[];
  /** The kind a second family added (one question), if it added one. */
  secondaryKind?: QuestionKind;
}

/** What decides the sections: the family, whether the role builds software, a second family. */
export interface BlueprintInput {
  family: RoleFamily;
  buildsSoftware: boolean;
  secondary?: RoleFamily;
}

// The kind of question each family is assessed with beyond behavioural ones.
const CASE_FAMILIES: ReadonlySet<RoleFamily> = new Set(['product', 'risk', 'compliance', 'business', 'solutions']);
const SCENARIO_FAMILIES: ReadonlySet<RoleFamily> = new Set(['architecture', 'operations', 'security']);
const ENGINEERING_FAMILIES: ReadonlySet<RoleFamily> = new Set(['developer', 'data', 'ai']);
/** Families whose people may write code for a living: only they get coding tasks, and only when they build software. */
export const CODING_FAMILIES: ReadonlySet<RoleFamily> = new Set([...ENGINEERING_FAMILIES, 'operations', 'security']);
const ORDER: QuestionKind[] = ['coding', 'case', 'scenario', 'behavioral'];

function mainKind(family: RoleFamily): QuestionKind | undefined {
  if (CASE_FAMILIES.has(family)) return 'case';
  if (SCENARIO_FAMILIES.has(family)) return 'scenario';
  return undefined;
}

/**
 * Coding tasks only for a role that builds software (two for engineering families, one for
 * operations and security); case prompts for product, risk, compliance, business and solutions
 * roles; scenarios for architecture, operations and security (and one for engineers); management
 * gets one of each of case and scenario; behavioural questions for all. A second family adds one
 * question of its own kind and takes one from the largest section.
 */
export function blueprintFor({ family, buildsSoftware, secondary }: BlueprintInput): Blueprint {
  const coding = buildsSoftware && CODING_FAMILIES.has(family);
  const counts = new Map<QuestionKind, number>();
  const add = (kind: QuestionKind, n: number) => counts.set(kind, (counts.get(kind) ?? 0) + n);
  if (ENGINEERING_FAMILIES.has(family)) {
    if (coding) add('coding', 2);
    add('scenario', coding ? 1 : 2);
  } else if (family === 'management') {
    add('case', 1);
    add('scenario', 1);
  } else {
    add(mainKind(family)!, 2);
    if (coding) add('coding', 1);
  }
  const wanted = secondary && mainKind(secondary);
  const extra = wanted && !counts.has(wanted) ? wanted : undefined;
  if (extra) {
    const largest = [...counts.entries()].sort((a, b) => b[1] - a[1] || ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]))[0];
    if (largest[1] > 1) counts.set(largest[0], largest[1] - 1);
    add(extra, 1);
  }
  add('behavioral', 2);
  return {
    family,
    ...(extra && counts.get(extra) === 1 && secondary ? { secondaryKind: extra } : {}),
    sections: ORDER.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! })),
  };
}
