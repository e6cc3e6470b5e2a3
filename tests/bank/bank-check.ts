/**
 * bank:check: the question bank's quality rules (question-banks/README.md, "Quality rules").
 *
 * 1. Loads the bank as the API does (schema, competencies, unique ids): invalid content stops here.
 * 2. Applies the static rules (anchors, probes, both languages, stated limits tested): checkBankRules.
 * 3. Runs every coding task through the real sandbox pool:
 *    - the reference, as JavaScript and TypeScript, passes every example and hidden test, and finishes
 *      each limit test in a quarter of the time limit or less (timed again alone, best of three, when
 *      the first run, beside the others, was slower);
 *    - each wrong solution, as JavaScript and as TypeScript, loads and loses at least 25 % of the
 *      hidden weight;
 *    - each slow wrong solution (JavaScript) passes every test but the limit tests and times out on one;
 *    - the Python reference passes every test within Python's time limit (PYTHON_TIME_FACTOR times
 *      the task's) and each Python wrong solution loses at least 25 % of the hidden weight.
 * Reports per file on stderr; exit code 1 on any problem.
 * Run: npm run bank:check [-- --bank dir] [--file part-of-path] [--static] [--language python]
 */
import path from 'node:path';
import {
  BankValidationError,
  checkBankRules,
  CodingQuestion,
  GeneratedInputError,
  hiddenCases,
  loadQuestionBank,
  MIN_WRONG_LOSS,
} from '@rubricon/generation';
import { DEFAULT_LIMITS, Language, RunnerPool, RunResult, RunTest } from '@rubricon/sandbox';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const BANK = path.resolve(option('--bank') ?? path.join(__dirname, '../../question-banks'));
const FILE = option('--file');
const STATIC_ONLY = process.argv.includes('--static');
/** Only this language's references and wrong solutions (for authors; CI checks them all). */
const ONLY_LANGUAGE = option('--language') as Language | undefined;
const checks = (language: Language) => !ONLY_LANGUAGE || ONLY_LANGUAGE === language;
const include = (file: string) => !FILE || file.includes(FILE);

/** The share of the reference's time limit a limit test may take: room for a loaded CI machine. */
const REFERENCE_LIMIT_SHARE = 0.25;
const REFERENCE_TIMING_RETRIES = 2;
const LOAD_FAILURE = /^(SyntaxError|The code threw while loading|No top-level function)/;

interface Tests {
  tests: RunTest[];
  hiddenFrom: number;
  /** Indexes into tests of the hidden tests at a stated limit. */
  limitTests: Set<number>;
  hiddenWeight: number;
}

/** All tests visible to the checker: authors need outputs and messages to fix content. */
function testsOf(q: CodingQuestion): Tests {
  const examples = q.examples.map((e) => ({ input: e.input, expected: e.expected }));
  const hidden = hiddenCases(q);
  const limitTests = new Set(hidden.flatMap((t, i) => (t.limit ? [examples.length + i] : [])));
  return {
    tests: [...examples, ...hidden.map((t) => ({ input: t.input, expected: t.expected, weight: t.weight }))],
    hiddenFrom: examples.length,
    limitTests,
    hiddenWeight: hidden.reduce((s, t) => s + t.weight, 0),
  };
}

function describeTest(t: Tests, index: number): string {
  return index < t.hiddenFrom ? `example ${index + 1}` : `hidden test ${index - t.hiddenFrom + 1}`;
}

/** Times a reference's limit tests again, alone; answers the problems that remain. */
type Retime = () => Promise<string[]>;

async function checkQuestion(pool: RunnerPool, q: CodingQuestion): Promise<{ problems: string[]; retimes: Retime[] }> {
  let t: Tests;
  try {
    t = testsOf(q);
  } catch (error) {
    if (error instanceof GeneratedInputError) return { problems: [error.message], retimes: [] };
    throw error;
  }
  const run = (language: Language, code: string, tests: RunTest[] = t.tests): Promise<RunResult> =>
    pool.run({ language, code, tests, entry: q.entry, comparator: q.comparator, limits: q.limits });
  /** Runs every test but the limit tests, whose results come from `limitsFrom`. */
  const runBesideLimits = async (language: Language, code: string, limitsFrom: RunResult): Promise<RunResult> => {
    const others = t.tests.flatMap((_, k) => (t.limitTests.has(k) ? [] : [k]));
    const result = await run(
      language,
      code,
      others.map((k) => t.tests[k]),
    );
    const tests = [...limitsFrom.tests];
    others.forEach((k, j) => (tests[k] = result.tests[j]));
    return { ...result, tests };
  };
  const timeMs = q.limits?.timeMs ?? DEFAULT_LIMITS.timeMs;
  const problems: string[] = [];
  const allowed = timeMs * REFERENCE_LIMIT_SHARE;
  const retimes: Retime[] = [];
  for (const language of ['javascript', 'typescript', 'python'] as const) {
    const reference = q.reference[language];
    if (!checks(language) || reference === undefined) continue;
    const result = await run(language, reference);
    result.tests.forEach((r, i) => {
      if (r.passed) return;
      const detail = r.error ? `: ${r.error}` : r.output ? `: got ${r.output.slice(0, 200)}` : '';
      problems.push(`reference (${language}) ${r.verdict} on ${describeTest(t, i)}${detail}`);
    });
    // Python has its own, longer limit, and passing within it is its rule.
    if (language === 'python') continue;
    const slow = [...t.limitTests].filter((i) => result.tests[i].passed && result.tests[i].durationMs > allowed);
    if (slow.length === 0) continue;
    // Timed again later, alone: here the other worker may be busy timing out a slow solution.
    retimes.push(async () => {
      const best = new Map(slow.map((i) => [i, result.tests[i].durationMs]));
      for (let retry = 0; retry < REFERENCE_TIMING_RETRIES && [...best.values()].some((ms) => ms > allowed); retry++) {
        const again = await run(language, reference);
        for (const i of slow) if (again.tests[i].passed) best.set(i, Math.min(best.get(i)!, again.tests[i].durationMs));
      }
      return slow
        .filter((i) => best.get(i)! > allowed)
        .map(
          (i) =>
            `reference (${language}) takes ${Math.round(best.get(i)!)} ms at best on limit ${describeTest(t, i)}: more than a quarter of timeMs ${timeMs}`,
        );
    });
  }
  for (const [i, wrong] of q.wrongSolutions.entries()) {
    // JavaScript is also valid TypeScript; TypeScript-only wrong solutions run as TypeScript.
    // A slow solution is the same algorithm in either language: it runs once, as JavaScript.
    // The JavaScript run as TypeScript skips the limit tests and reuses the JavaScript run's results
    // there: the compiler strips types and changes no algorithm, and those inputs are the costly ones.
    let variants: Array<[Language, string]> = [];
    if (wrong.javascript) variants.push(['javascript', wrong.javascript]);
    if (wrong.javascript && !wrong.slow) variants.push(['typescript', wrong.javascript]);
    if (wrong.typescript) variants.push(['typescript', wrong.typescript]);
    if (wrong.python) variants.push(['python', wrong.python]);
    variants = variants.filter(([language]) => checks(language));
    let asJavaScript: RunResult | undefined;
    for (const [language, code] of variants) {
      const fromJavaScript = language === 'typescript' && code === wrong.javascript && asJavaScript !== undefined;
      const result = fromJavaScript ? await runBesideLimits(language, code, asJavaScript!) : await run(language, code);
      if (language === 'javascript') asJavaScript = result;
      const label = `wrong solution ${i + 1} "${wrong.description}" (${language}${language === 'typescript' && code === wrong.javascript ? ', from javascript' : ''})`;
      if (result.tests.every((r) => !r.passed && r.error && LOAD_FAILURE.test(r.error))) {
        problems.push(`${label} does not even load: ${result.tests[0].error}`);
        continue;
      }
      const lost = result.tests.reduce(
        (s, r, k) => s + (k >= t.hiddenFrom && !r.passed ? (t.tests[k].weight ?? 1) : 0),
        0,
      );
      const share = t.hiddenWeight > 0 ? lost / t.hiddenWeight : 0;
      if (share < MIN_WRONG_LOSS) {
        problems.push(
          `${label} loses ${Math.round(share * 100)} % of the hidden weight (needs ${MIN_WRONG_LOSS * 100} %): it would score ${(1 + 4 * (1 - share)).toFixed(2)} of 5`,
        );
      }
      if (wrong.slow) {
        const wrongOutside = result.tests.flatMap((r, k) => (!t.limitTests.has(k) && !r.passed ? [k] : []));
        if (wrongOutside.length) {
          problems.push(
            `${label} is marked slow but fails ${wrongOutside.map((k) => describeTest(t, k)).join(', ')}: a slow solution gives right answers`,
          );
        }
        if (![...t.limitTests].some((k) => result.tests[k].verdict === 'timeout')) {
          const verdicts = [...t.limitTests].map((k) => `${describeTest(t, k)} ${result.tests[k].verdict}`);
          problems.push(`${label} does not time out on a limit test (${verdicts.join(', ') || 'no limit test'})`);
        }
      }
    }
  }
  return { problems, retimes };
}

async function main(): Promise<void> {
  const bank = loadQuestionBank(BANK);
  const problems = new Map<string, string[]>();
  const byFile = new Map<string, string[]>();
  const note = (file: string, item: string, message: string) => {
    if (!byFile.has(file)) byFile.set(file, []);
    if (!byFile.get(file)!.includes(item)) byFile.get(file)!.push(item);
    const key = `${file}\0${item}`;
    problems.set(key, [...(problems.get(key) ?? []), message]);
  };
  if (include(bank.competencyFile)) byFile.set(bank.competencyFile, []);
  for (const q of bank.questions) {
    const file = bank.questionFile[q.id];
    if (include(file) && !byFile.has(file)) byFile.set(file, []);
  }
  for (const p of checkBankRules(bank, include)) note(p.file, p.item, `${p.path}: ${p.message}`);

  const coding = bank.questions.filter(
    (q): q is CodingQuestion => q.kind === 'coding' && include(bank.questionFile[q.id]),
  );
  if (!STATIC_ONLY && coding.length) {
    const pool = await RunnerPool.start({ queueLimit: 10_000 });
    try {
      const checks = coding.map(async (q) => ({ q, found: await checkQuestion(pool, q) }));
      const retimes: Array<{ q: CodingQuestion; retime: Retime }> = [];
      for (const check of checks) {
        const { q, found } = await check;
        for (const message of found.problems) note(bank.questionFile[q.id], `question ${q.id}`, message);
        retimes.push(...found.retimes.map((retime) => ({ q, retime })));
        process.stderr.write('.');
      }
      // One at a time, once everything else has finished: a quiet machine, as a candidate's run has.
      for (const { q, retime } of retimes) {
        for (const message of await retime()) note(bank.questionFile[q.id], `question ${q.id}`, message);
        process.stderr.write('t');
      }
      process.stderr.write('\n');
    } finally {
      await pool.close();
    }
  }

  let failing = 0;
  const counts = new Map<string, number>();
  for (const q of bank.questions) counts.set(bank.questionFile[q.id], (counts.get(bank.questionFile[q.id]) ?? 0) + 1);
  for (const [file, items] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const what =
      file === bank.competencyFile ? `${bank.competencies.length} competencies` : `${counts.get(file) ?? 0} questions`;
    process.stderr.write(`${items.length ? 'FAIL' : 'ok  '} ${file}: ${what}, ${items.length} with problems\n`);
    for (const item of items) {
      failing++;
      process.stderr.write(`     ${item}\n`);
      for (const message of problems.get(`${file}\0${item}`) ?? []) process.stderr.write(`       - ${message}\n`);
    }
  }
  const kinds = ['coding', 'case', 'scenario', 'behavioral'].map(
    (k) => `${bank.questions.filter((q) => q.kind === k).length} ${k}`,
  );
  process.stderr.write(
    `bank:check: ${byFile.size} files (${kinds.join(', ')} in the bank), ${failing} items with problems${STATIC_ONLY ? ' (static rules only, no sandbox runs)' : `, ${coding.length} coding tasks run`}\n`,
  );
  process.exitCode = failing || byFile.size === 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  const detail =
    error instanceof BankValidationError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`bank:check failed: ${detail}\n`);
  process.exitCode = 1;
});
