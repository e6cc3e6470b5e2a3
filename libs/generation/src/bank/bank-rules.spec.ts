import { checkBankRules, parseNumber, statedNumbers, statedSizes } from './bank-rules';
import { generatedInput, hiddenCases, sizeAt } from './generated-input';
import type { QuestionBank } from './load-question-bank';
import { QuestionSchema, type Question } from './question.schema';

const t = (zh: string, en: string) => ({ zh, en });

/** A criterion that keeps every anchor rule. */
function goodCriterion(id = 'analysis', weight = 0.5) {
  return {
    id,
    name: t('分析', 'Analysis'),
    weight,
    anchors: {
      noEvidence: t('可追问：你是如何核对这些数字的？', 'Probe: how did you check these figures?'),
      1: t('把各家银行的头寸直接相加，重复计算了资金。', 'Adds every bank’s positions together, counting money twice.'),
      3: t(
        '以下 4 项中至少 3 项：(1) 算出净额；(2) 说明假设；(3) 核对合计；(4) 给出建议。',
        'At least 3 of these 4: (1) computes the net figure; (2) states assumptions; (3) checks the total; (4) recommends.',
      ),
      5: t(
        '说明审批率下降 20% 时建议会如何改变。',
        'Shows how a 20 % drop in approval would change the recommendation.',
      ),
    },
  };
}

function caseQuestion(overrides: Record<string, unknown> = {}) {
  return {
    id: 'case.sample',
    kind: 'case',
    title: t('样例案例', 'Sample case'),
    prompt: t('请分析下表。可以使用计算器。', 'Analyse the table. A calculator is allowed.'),
    competencies: ['PM.METRICS'],
    roleFamilies: ['product'],
    difficulty: 2,
    minutes: 30,
    rubric: [goodCriterion('analysis', 0.5), goodCriterion('judgement', 0.3), goodCriterion('writing', 0.2)],
    probes: [
      t('你先看了哪些数字？', 'Which figures did you look at first?'),
      t('你是怎么核对的？', 'How did you check them?'),
    ],
    ...overrides,
  };
}

function behavioral(style: 'past' | 'situational', probes: Array<{ zh: string; en: string }>) {
  return caseQuestion({
    id: 'behavioral.sample',
    kind: 'behavioral',
    style,
    prompt: t('请讲一次你处理客户投诉的经历。', 'Tell me about a time you handled a customer complaint.'),
    probes,
  });
}

const hidden = (weight: number | undefined, extra: Record<string, unknown> = {}) => ({
  input: { xs: [1] },
  expected: 1,
  ...(weight === undefined ? {} : { weight }),
  ...extra,
});

const FORMULA = t(
  '等级 = 1 + 4 × 通过的隐藏用例权重占比。',
  'Level = 1 + 4 × the weighted share of hidden tests passed.',
);

function codingQuestion(overrides: Record<string, unknown> = {}) {
  const code = 'function solve(input) { return input.xs.length; }';
  const pythonCode = "def solve(input):\n    return len(input['xs'])\n";
  return {
    id: 'coding.sample',
    kind: 'coding',
    title: t('计数', 'Count'),
    prompt: t(
      '返回 xs 的长度。\n\n**约束**：xs 最多 100 个元素。',
      'Return the length of xs.\n\n**Constraints**: up to 100 items.',
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
        anchors: {
          noEvidence: t('未提交代码。可追问思路。', 'No code. Probe the approach.'),
          1: FORMULA,
          3: FORMULA,
          5: FORMULA,
        },
      },
      goodCriterion('clarity', 0.2),
      goodCriterion('testing', 0.2),
    ],
    entry: 'solve',
    starter: { javascript: code, typescript: code, python: pythonCode },
    reference: { javascript: code, typescript: code, python: pythonCode },
    wrongSolutions: [
      {
        description: 'off by one',
        javascript: 'function solve(input) { return input.xs.length + 1; }',
        python: "def solve(input):\n    return len(input['xs']) + 1\n",
      },
    ],
    comparator: { kind: 'exact' },
    examples: [{ input: { xs: [] }, expected: 0 }],
    hiddenTests: [1, 1, 1, 1, 1, 1, 2, 3].map((w) => hidden(w)),
    ...overrides,
  };
}

function bankOf(...raw: unknown[]): QuestionBank {
  const questions = raw.map((r) => QuestionSchema.parse(r)) as Question[];
  return {
    version: 'test',
    competencies: [],
    competencyById: {},
    questions,
    questionFile: Object.fromEntries(questions.map((q) => [q.id, `bank/${q.kind}/x.yaml`])),
    competencyFile: 'bank/competencies.yaml',
  };
}

const problems = (...raw: unknown[]) => checkBankRules(bankOf(...raw)).map((p) => `${p.path}: ${p.message}`);

function withAnchor(level: '1' | '3' | '5' | 'noEvidence', text: { zh: string; en: string }) {
  const c = goodCriterion();
  (c.anchors as Record<string, unknown>)[level] = text;
  return caseQuestion({ rubric: [c, goodCriterion('judgement', 0.3), goodCriterion('writing', 0.2)] });
}

describe('checkBankRules: anchors raters can apply', () => {
  it('accepts a question that keeps every rule', () => {
    expect(problems(caseQuestion())).toEqual([]);
  });

  it('refuses a level 1 that is an absence rather than poor behaviour', () => {
    expect(problems(withAnchor('1', t('没有讨论任何边界。', 'No edge case discussed.')))).toEqual([
      'rubric[0].anchors.1.en: level 1 is poor behaviour seen in the answer, not an absence',
      'rubric[0].anchors.1.zh: level 1 is poor behaviour seen in the answer, not an absence',
    ]);
  });

  it('refuses a level 3 without "at least K of these N" and a list that does not match N', () => {
    expect(problems(withAnchor('3', t('处理了大部分边界。', 'Handles most edges.')))).toEqual([
      'rubric[0].anchors.3.en: level 3 must read "At least K of these N: (1) …; (2) …"',
      'rubric[0].anchors.3.zh: level 3 must read "以下 N 项中至少 K 项：(1)…；(2)…"',
    ]);
    const mismatch = t('以下 3 项中至少 2 项：(1) 甲；(2) 乙；(3) 丙。', 'At least 2 of these 4: (1) a; (2) b; (3) c.');
    expect(problems(withAnchor('3', mismatch))).toEqual([
      'rubric[0].anchors.3: zh says 2 of 3, en says 2 of 4',
      'rubric[0].anchors.3.en: lists items 1, 2, 3; expected (1) to (4)',
    ]);
    const bigO = t(
      '以下 2 项中至少 1 项：(1) O(1) 查找；(2) 一次遍历。',
      'At least 1 of these 2: (1) O(1) lookups; (2) one pass.',
    );
    expect(problems(withAnchor('3', bigO))).toEqual([]);
    const all = t('以下 2 项中至少 2 项：(1) 甲；(2) 乙。', 'At least 2 of these 2: (1) a; (2) b.');
    expect(problems(withAnchor('3', all))).toEqual([
      'rubric[0].anchors.3: K of N must have 2 ≤ N ≤ 6 and 1 ≤ K < N, not 2 of 2',
    ]);
  });

  it('refuses a level 5 defined on top of level 3, or holding a list', () => {
    expect(problems(withAnchor('5', t('在 3 分基础上给出敏感性分析。', 'Beyond level 3, shows sensitivity.')))).toEqual(
      [
        'rubric[0].anchors.5.en: level 5 stands on its own: no "beyond level 3"',
        'rubric[0].anchors.5.zh: level 5 stands on its own: no "在 3 分基础上"',
      ],
    );
    expect(
      problems(withAnchor('5', t('给出敏感性分析；并提出试点。', 'Shows sensitivity; proposes a pilot.'))),
    ).toEqual([
      "rubric[0].anchors.5.zh: one behaviour per anchor: no ';' here",
      "rubric[0].anchors.5.en: one behaviour per anchor: no ';' here",
    ]);
  });

  it('does not take minutes (5 分钟) for a score', () => {
    const probe = t(
      '可追问：告警后的前 5 分钟你做了什么？',
      'Probe: what did you do in the first 5 minutes after the alert?',
    );
    expect(problems(withAnchor('noEvidence', probe))).toEqual([]);
  });

  it('reads "no evidence" as probe again, never as a low score', () => {
    expect(problems(withAnchor('noEvidence', t('没有作答，记 1 分。', 'Nothing said: score 1.')))).toEqual([
      'rubric[0].anchors.noEvidence.en: no evidence means probe again: name the probe',
      'rubric[0].anchors.noEvidence.zh: no evidence means probe again (追问): name the probe',
      'rubric[0].anchors.noEvidence: no evidence is never a level or a low score',
    ]);
  });
});

describe('checkBankRules: probes, languages, cases', () => {
  it('keeps past-behaviour probes in the past, and allows hypotheticals in situational questions', () => {
    const probes = [
      t('如果当时客户拒绝了呢？', 'If the customer had refused, what would you do?'),
      t('你怎么做的？', 'What did you do?'),
    ];
    expect(problems(behavioral('past', probes))).toEqual([
      'probes[0]: a past-behaviour probe stays in the past: no "if", "would", "should have", 如果, 假如',
    ]);
    expect(problems(behavioral('situational', probes))).toEqual([]);
  });

  it('refuses leading probes', () => {
    const probes = [
      t('难道你不先通知客户吗？', "Didn't you tell the customer first?"),
      t('你怎么做的？', 'What did you do?'),
    ];
    expect(problems(behavioral('past', probes))).toEqual(['probes[0]: a probe asks, it does not lead']);
  });

  it('asks case prompts to say whether a calculator is allowed', () => {
    expect(problems(caseQuestion({ prompt: t('请分析下表。', 'Analyse the table.') }))).toEqual([
      'prompt.en: a case prompt says whether a calculator is allowed',
      'prompt.zh: a case prompt says whether a calculator is allowed (计算器)',
    ]);
  });

  it('refuses 他 of a person of unknown gender, but not 其他 or 他们', () => {
    const prompt = t(
      '一位同事说他不同意。可以使用计算器。',
      'A colleague says they disagree. A calculator is allowed.',
    );
    expect(problems(caseQuestion({ prompt }))).toEqual([
      'prompt.zh: says 他/她 of a person whose gender is unknown: use 对方, 该同事, 候选人 or TA',
    ]);
    const fine = t(
      '其他同事说他们不同意。可以使用计算器。',
      'Other colleagues say they disagree. A calculator is allowed.',
    );
    expect(problems(caseQuestion({ prompt: fine }))).toEqual([]);
  });

  it('wants Chinese in zh and English in en', () => {
    expect(problems(caseQuestion({ title: t('Sample case', '样例案例') }))).toEqual([
      'title.zh: the zh text has no Chinese',
      'title.en: the en text is not English',
    ]);
  });
});

describe('checkBankRules: coding tasks', () => {
  it('accepts a task with weighted tests and formula anchors', () => {
    expect(problems(codingQuestion())).toEqual([]);
  });

  it('wants explicit, unequal weights and the formula in auto-scored anchors', () => {
    expect(problems(codingQuestion({ hiddenTests: [1, 1, 1, 1, 1, 1, 1, 1].map((w) => hidden(w)) }))).toEqual([
      'hiddenTests: every hidden test has the same weight: edge cases count more',
    ]);
    const tests = [1, 1, 1, 1, 1, 1, 2, undefined].map((w) => hidden(w));
    expect(problems(codingQuestion({ hiddenTests: tests }))).toEqual([
      'hiddenTests: hidden tests 8 have no explicit weight',
    ]);
    const q = codingQuestion();
    q.rubric[0].anchors[5] = t('全部通过。', 'All hidden tests pass.');
    expect(problems(q)).toEqual([
      'rubric[0].anchors.5.zh: an auto-scored anchor states the formula "1 + 4 × …"',
      'rubric[0].anchors.5.en: an auto-scored anchor states the formula "1 + 4 × …"',
    ]);
  });

  it('wants a test at a stated limit, and a slow wrong solution from 10,000 up', () => {
    const prompt = t(
      '**约束**：最多 10 万笔转账。',
      '**Constraints**: up to 100,000 transfers; totals stay below 2^53.',
    );
    expect(problems(codingQuestion({ prompt }))).toEqual([
      'hiddenTests: the Constraints state 100000: add a hidden test at that limit (limit.size 100000)',
      'wrongSolutions: the Constraints state 100000: add a slow: true (quadratic) wrong solution',
    ]);
    const generate = 'function input(random) { return { xs: Array.from({ length: 100000 }, () => random()) }; }';
    const atLimit = hidden(3, { input: undefined, generate, limit: { path: 'xs', size: 100000 }, expected: 100000 });
    const tests = [...[1, 1, 1, 1, 1, 1, 2].map((w) => hidden(w)), atLimit];
    const slow = { description: 'quadratic', slow: true, javascript: 'function solve(i) { return i.xs.length; }' };
    const wrongSolutions = [codingQuestion().wrongSolutions[0], slow];
    expect(problems(codingQuestion({ prompt, hiddenTests: tests, wrongSolutions }))).toEqual([]);
  });

  it('wants one wrong solution with a Python version', () => {
    const wrongSolutions = [{ description: 'off by one', javascript: 'function solve(i) { return i.xs.length + 1; }' }];
    expect(problems(codingQuestion({ wrongSolutions }))).toEqual([
      'wrongSolutions: give one wrong solution a python version too: the Python checks need a plausible mistake',
    ]);
  });

  it('checks that a limit test is as large as it says and that both prompts state its size', () => {
    const prompt = t('**约束**：最多 1000 个元素。', '**Constraints**: up to 1,000 items.');
    const generate = 'function input() { return { xs: new Array(999).fill(0) }; }';
    const atLimit = hidden(3, { input: undefined, generate, limit: { path: 'xs', size: 1000 }, expected: 999 });
    const tests = [...[1, 1, 1, 1, 1, 1, 2].map((w) => hidden(w)), atLimit];
    expect(problems(codingQuestion({ prompt, hiddenTests: tests }))).toEqual([
      'hiddenTests[7].limit: the input has 999 at "xs", the limit says 1000',
    ]);
    const english = t('**约束**：元素很多。', '**Constraints**: up to 1,000 items.');
    expect(problems(codingQuestion({ prompt: english, hiddenTests: tests }))).toContain(
      'hiddenTests[7].limit: the zh prompt never states 1000',
    );
  });

  it('reports a generator that throws, naming the test', () => {
    const broken = hidden(3, { input: undefined, generate: 'function input() { throw new Error("boom"); }' });
    const tests = [...[1, 1, 1, 1, 1, 1, 2].map((w) => hidden(w)), { ...broken, limit: { path: '', size: 3 } }];
    expect(problems(codingQuestion({ hiddenTests: tests }))).toEqual([
      'hiddenTests[7].generate: generate failed: boom',
    ]);
  });
});

describe('stated sizes and numbers', () => {
  it.each([
    ['**Constraints** up to 100,000 transfers; every running total stays below 2^53 in absolute value.', [100000]],
    ['**Constraints**: ≤ 2×10^5 events, `1 ≤ windowSec ≤ 86400`, sums stay below 2^53.', [200000]],
    ['**Constraints**: `text` length ≤ 10^5, `1 ≤ maxChars ≤ 10^4`, `0 ≤ overlapSentences ≤ 10`.', [100000]],
    ['**Constraints**: ≤ 10^5 requests; `capacity` ≥ 1; `t ≤ 10^13`.', [100000]],
    ['**Constraints** at most 10,000 merchants; each merchant volume ≤ 10^11.', [10000]],
    ['**Constraints** up to 1,000 BIN ranges and 20,000 account entries; amounts < 10^9.', [1000, 20000]],
    ['Sizes outside the Constraints paragraph: up to 100,000 transfers.', []],
  ])('%s', (prompt, sizes) => {
    expect(statedSizes(prompt)).toEqual(sizes);
  });

  it('reads numbers in every notation the prompts use', () => {
    expect(parseNumber('2×10^5')).toBe(200000);
    expect(parseNumber('100,000')).toBe(100000);
    const zh = statedNumbers(
      '**约束**：转账笔数 ≤ 10 万，规则 ≤ 1,000 条，文本长度 ≤ 10^5，事件 ≤ 2×10^5，行 ≤ 5 000。',
    );
    expect([...zh]).toEqual(expect.arrayContaining([100000, 1000, 200000, 5000]));
  });
});

describe('generated inputs', () => {
  const source =
    'function input(random) { return { xs: Array.from({ length: 5 }, () => Math.floor(random() * 1000)) }; }';

  it('are deterministic, and each caller gets its own copy', () => {
    const a = generatedInput(source) as { xs: number[] };
    const b = generatedInput(source) as { xs: number[] };
    expect(a).toEqual(b);
    a.xs.push(1);
    expect(generatedInput(source)).toEqual(b);
    expect(generatedInput(source.replace('1000', '999'))).not.toEqual(b);
  });

  it('resolve inside a question, and sizes are read at dot paths', () => {
    const q = QuestionSchema.parse(
      codingQuestion({
        hiddenTests: [
          ...[1, 1, 1, 1, 1, 1, 2].map((w) => hidden(w)),
          hidden(3, { input: undefined, generate: source }),
        ],
      }),
    );
    if (q.kind !== 'coding') throw new Error('expected a coding question');
    const cases = hiddenCases(q);
    expect(cases[7].input).toEqual(generatedInput(source));
    expect(cases[7].weight).toBe(3);
    expect(sizeAt(cases[7].input, 'xs')).toBe(5);
    expect(sizeAt({ a: [{ text: 'abc' }] }, 'a.0.text')).toBe(3);
    expect(sizeAt('abcd', '')).toBe(4);
    expect(sizeAt({ a: 1 }, 'a')).toBeUndefined();
  });

  it('a test needs an input or a generator, not both', () => {
    const both = codingQuestion({
      hiddenTests: [...[1, 1, 1, 1, 1, 1, 2].map((w) => hidden(w)), hidden(3, { generate: source })],
    });
    expect(QuestionSchema.safeParse(both).success).toBe(false);
  });
});
