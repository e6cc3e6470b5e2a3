import type { QuestionKind, RoleFamily } from '../bank';

export interface BlueprintSection {
  kind: QuestionKind;
  count: number;
  /** Filled only when a question of the family and this kind assesses a duty line of the posting. */
  optional?: boolean;
  /** For an optional section: the minutes it adds to totalMinutes when it is filled. */
  minutes?: number;
}

export interface Blueprint {
  family: RoleFamily;
  sections: BlueprintSection[];
  /** Including every optional section. */
  totalMinutes: number;
}

// Section order is the order a candidate meets them: hands-on work first, behavioural last.
const BLUEPRINTS: Record<RoleFamily, Omit<Blueprint, 'family'>> = {
  developer: {
    sections: [
      { kind: 'coding', count: 2 },
      { kind: 'scenario', count: 1 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 100,
  },
  data: {
    sections: [
      { kind: 'coding', count: 2 },
      { kind: 'scenario', count: 1 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 100,
  },
  ai: {
    sections: [
      { kind: 'coding', count: 2 },
      { kind: 'scenario', count: 1 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 100,
  },
  product: {
    sections: [
      { kind: 'case', count: 2 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 80,
  },
  risk: {
    sections: [
      { kind: 'case', count: 2 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 80,
  },
  business: {
    sections: [
      { kind: 'case', count: 2 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 80,
  },
  architecture: {
    sections: [
      { kind: 'scenario', count: 2 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 75,
  },
  operations: {
    sections: [
      { kind: 'scenario', count: 2 },
      { kind: 'coding', count: 1, optional: true, minutes: 25 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 100,
  },
  management: {
    sections: [
      { kind: 'case', count: 1 },
      { kind: 'scenario', count: 1 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 80,
  },
  solutions: {
    sections: [
      { kind: 'case', count: 1 },
      { kind: 'coding', count: 1 },
      { kind: 'behavioral', count: 2 },
    ],
    totalMinutes: 80,
  },
};

export function blueprintFor(family: RoleFamily): Blueprint {
  const b = BLUEPRINTS[family];
  return { family, totalMinutes: b.totalMinutes, sections: b.sections.map((s) => ({ ...s })) };
}
