import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';

/**
 * bank:check itself, on a small bank written here: it runs the real sandbox, so a planted mistake
 * that loses too little of the hidden weight, or a "slow" solution that is not slow, must fail it.
 */
const ROOT = join(__dirname, '..', '..');
const t = (zh: string, en: string) => ({ zh, en });
const FORMULA = t(
  '等级 = 1 + 4 × 通过的隐藏用例权重占比。',
  'Level = 1 + 4 × the weighted share of hidden tests passed.',
);

const criterion = (id: string, weight: number) => ({
  id,
  name: t('代码清晰度', 'Code clarity'),
  weight,
  anchors: {
    noEvidence: t('可追问：请说明你的思路。', 'Probe: ask for the approach.'),
    1: t('对每笔转账重新扫描全部记录。', 'Rescans every record for each transfer.'),
    3: t(
      '以下 3 项中至少 2 项：(1) 一次遍历；(2) 命名清楚；(3) 处理空输入。',
      'At least 2 of these 3: (1) one pass; (2) clear names; (3) handles empty input.',
    ),
    5: t('把排序规则写成有名字的函数。', 'Names the ordering rule as its own function.'),
  },
});

const REFERENCE = 'function solve(input) { let s = 0; for (const x of input.xs) s += x; return s; }';
const QUADRATIC =
  'function solve(input) { let s = 0; for (let i = 0; i < input.xs.length; i++) for (let j = 0; j <= i; j++) if (j === i) s += input.xs[j]; return s; }';
/** Wrong only on negative numbers. */
const DROPS_NEGATIVES = 'function solve(input) { let s = 0; for (const x of input.xs) if (x > 0) s += x; return s; }';
const PY_REFERENCE = "def solve(input):\n    return sum(input['xs'])\n";
const PY_DROPS_NEGATIVES = "def solve(input):\n    return sum(x for x in input['xs'] if x > 0)\n";
const GENERATE =
  'function input(random) { return { xs: Array.from({ length: 100000 }, () => Math.floor(random() * 10)) }; }';

function task(wrongSolutions: unknown[], negativeWeight: number) {
  const plain = [1, 2, 3, 4, 5, 6].map((n) => ({ input: { xs: [n, n] }, expected: 2 * n, weight: 1 }));
  return {
    id: 'coding.sum',
    kind: 'coding',
    title: t('求和', 'Sum'),
    prompt: t(
      '返回 xs 之和。\n\n**约束**：最多 100,000 个元素。',
      'Return the sum of xs.\n\n**Constraints**: up to 100,000 numbers.',
    ),
    competencies: ['SE.ALGO'],
    roleFamilies: ['developer'],
    difficulty: 1,
    minutes: 10,
    rubric: [
      {
        id: 'correctness',
        name: t('正确性', 'Correctness'),
        weight: 0.6,
        autoScored: true,
        anchors: { noEvidence: FORMULA, 1: FORMULA, 3: FORMULA, 5: FORMULA },
      },
      criterion('clarity', 0.2),
      criterion('testing', 0.2),
    ],
    entry: 'solve',
    starter: { javascript: REFERENCE, typescript: REFERENCE, python: PY_REFERENCE },
    reference: { javascript: REFERENCE, typescript: REFERENCE, python: PY_REFERENCE },
    wrongSolutions,
    comparator: { kind: 'exact' },
    limits: { timeMs: 1000 },
    examples: [{ input: { xs: [] }, expected: 0 }],
    hiddenTests: [
      ...plain,
      { input: { xs: [-5, 2] }, expected: -3, weight: negativeWeight, note: 'negative' },
      { generate: GENERATE, limit: { path: 'xs', size: 100000 }, expected: 450133, weight: 4, note: 'at the limit' },
    ],
  };
}

function check(questions: unknown[]): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rubricon-bank-check-'));
  try {
    copyFileSync(join(ROOT, 'question-banks', 'competencies.yaml'), join(dir, 'competencies.yaml'));
    mkdirSync(join(dir, 'coding'));
    writeFileSync(join(dir, 'coding', 'sum.yaml'), dump({ questions }));
    const run = spawnSync(
      process.execPath,
      [
        '--no-node-snapshot',
        '-r',
        './tools/ts-register.js',
        'tests/bank/bank-check.ts',
        '--bank',
        dir,
        '--file',
        'coding/',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    return { status: run.status, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bank:check', () => {
  it('passes a task whose wrong solutions lose enough weight and whose slow solution times out', () => {
    const { status, stderr } = check([
      task(
        [
          { description: 'drops negative amounts', javascript: DROPS_NEGATIVES, python: PY_DROPS_NEGATIVES },
          { description: 'quadratic', slow: true, javascript: QUADRATIC },
        ],
        4,
      ),
    ]);
    expect(stderr).toContain('ok   ');
    expect(stderr).toMatch(/0 items with problems, 1 coding tasks run/);
    expect(status).toBe(0);
  });

  it('fails a planted mistake that loses under 25 % of the weight, and a slow solution that is not slow', () => {
    const { status, stderr } = check([
      task(
        [
          { description: 'drops negative amounts', javascript: DROPS_NEGATIVES, python: PY_DROPS_NEGATIVES },
          { description: 'not actually slow', slow: true, javascript: REFERENCE },
        ],
        1,
      ),
    ]);
    expect(stderr).toMatch(/FAIL .*coding\/sum\.yaml: 1 questions, 1 with problems/);
    expect(stderr).toContain(
      'wrong solution 1 "drops negative amounts" (javascript) loses 9 % of the hidden weight (needs 25 %): it would score 4.64 of 5',
    );
    expect(stderr).toContain('wrong solution 1 "drops negative amounts" (typescript, from javascript) loses 9 %');
    expect(stderr).toContain('wrong solution 1 "drops negative amounts" (python) loses 9 %');
    expect(stderr).toContain('wrong solution 2 "not actually slow" (javascript) loses 0 % of the hidden weight');
    expect(stderr).toContain(
      'wrong solution 2 "not actually slow" (javascript) does not time out on a limit test (hidden test 8 passed)',
    );
    expect(status).toBe(1);
  });
});
