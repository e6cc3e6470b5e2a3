import { normalise } from '../text/normalise';

export interface Seniority {
  difficulty: 1 | 2 | 3;
  cues: string[];
}

const SENIOR = [
  /([3-9]|\d{2})\s*年(及|或)?以上/g,
  /([5-9]|\d{2})\s*年/g,
  /([3-9]|\d{2})\s*\+\s*years?/g,
  /(more than|at least|over|minimum of)\s*([3-9]|\d{2})\s*years?/g,
  /\bsenior\b/g,
  /资深/g,
  // 高级职称 is a professional certificate, not a seniority level of the role.
  /高级(?!职称)/g,
];
const JUNIOR = [/应届/g, /\bjunior\b/g, /\bentry[- ]level\b/g, /\bnew grad(uate)?s?\b/g];

/** Difficulty preference from seniority cues in the title and lines: 3 senior, 1 junior, else 2. */
export function detectSeniority(title: string, lines: string[]): Seniority {
  const text = normalise([title, ...lines].join('\n'));
  const find = (patterns: RegExp[]) => [
    ...new Set(patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[0].trim()))),
  ];
  const senior = find(SENIOR);
  if (senior.length) return { difficulty: 3, cues: senior };
  const junior = find(JUNIOR);
  if (junior.length) return { difficulty: 1, cues: junior };
  return { difficulty: 2, cues: [] };
}
