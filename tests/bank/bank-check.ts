/**
 * bank:check: runs every coding task's reference solution (JavaScript and TypeScript) against its
 * examples and hidden tests (all must pass), and every wrong solution as JavaScript and as
 * TypeScript (each must fail at least one hidden test), through the real sandbox pool.
 * One line per question on stderr; exit code 1 on any problem.
 * Run: npm run bank:check [-- --bank dir]
 */
import path from 'node:path';
import { BankValidationError, CodingQuestion, loadQuestionBank } from '@rubricon/generation';
import { Language, RunnerPool, RunResult, RunTest } from '@rubricon/sandbox';

const bankArg = process.argv.indexOf('--bank');
const BANK = path.resolve(bankArg > 0 ? process.argv[bankArg + 1] : path.join(__dirname, '../../question-banks'));

interface Loaded {
  file: string;
  question: CodingQuestion;
  id: string;
}

/** The bank as the API loads it (schema, competencies, unique ids): invalid content stops here. */
function loadCodingQuestions(): Loaded[] {
  const bank = loadQuestionBank(BANK);
  return bank.questions
    .filter((q): q is CodingQuestion => q.kind === 'coding')
    .map((question) => ({ file: bank.questionFile[question.id], id: question.id, question }));
}

/** All tests visible to the checker: authors need outputs and messages to fix content. */
function testsOf(q: CodingQuestion): { tests: RunTest[]; hiddenFrom: number } {
  const examples = q.examples.map((e) => ({ input: e.input, expected: e.expected }));
  const hidden = q.hiddenTests.map((t) => ({ input: t.input, expected: t.expected, weight: t.weight }));
  return { tests: [...examples, ...hidden], hiddenFrom: examples.length };
}

const LOAD_FAILURE = /^(SyntaxError|The code threw while loading|No top-level function)/;

async function checkQuestion(pool: RunnerPool, q: CodingQuestion): Promise<{ problems: string[]; summary: string }> {
  const { tests, hiddenFrom } = testsOf(q);
  const run = (language: Language, code: string): Promise<RunResult> =>
    pool.run({ language, code, tests, entry: q.entry, comparator: q.comparator, limits: q.limits });
  const problems: string[] = [];
  for (const language of ['javascript', 'typescript'] as const) {
    const result = await run(language, q.reference[language]);
    const bad = result.tests.findIndex((t) => !t.passed);
    if (bad >= 0) {
      const t = result.tests[bad];
      const which = bad < hiddenFrom ? `example ${bad + 1}` : `hidden test ${bad - hiddenFrom + 1}`;
      problems.push(
        `reference (${language}) ${t.verdict} on ${which}${t.error ? `: ${t.error}` : t.output ? `: got ${t.output.slice(0, 200)}` : ''}`,
      );
    }
  }
  let wrongRuns = 0;
  for (const [i, wrong] of q.wrongSolutions.entries()) {
    // JavaScript is also valid TypeScript; TypeScript-only wrong solutions run as TypeScript.
    const variants: Array<[Language, string]> = [];
    if (wrong.javascript) variants.push(['javascript', wrong.javascript], ['typescript', wrong.javascript]);
    if (wrong.typescript) variants.push(['typescript', wrong.typescript]);
    for (const [language, code] of variants) {
      wrongRuns++;
      const result = await run(language, code);
      const hidden = result.tests.slice(hiddenFrom);
      const label = `wrong solution ${i + 1} "${wrong.description}" (${language}${language === 'typescript' && code === wrong.javascript ? ', from javascript' : ''})`;
      if (hidden.every((t) => t.passed)) problems.push(`${label} passes every hidden test`);
      else if (result.tests.every((t) => !t.passed && t.error && LOAD_FAILURE.test(t.error)))
        problems.push(`${label} does not even load: ${result.tests[0].error}`);
    }
  }
  return { problems, summary: `${tests.length} tests, reference js+ts, ${wrongRuns} wrong-solution runs` };
}

async function main(): Promise<void> {
  const loaded = loadCodingQuestions();
  const pool = await RunnerPool.start({ queueLimit: 10_000 });
  let failures = 0;
  try {
    const checks = loaded.map(async (item) => ({ item, ...(await checkQuestion(pool, item.question)) }));
    for (const check of checks) {
      const { item, problems, summary } = await check;
      if (problems.length) failures++;
      process.stderr.write(`${problems.length ? 'FAIL' : 'ok  '} ${item.id} (${item.file}) ${summary}\n`);
      for (const p of problems) process.stderr.write(`       - ${p}\n`);
    }
  } finally {
    await pool.close();
  }
  process.stderr.write(`bank:check: ${loaded.length} coding questions, ${failures} with problems\n`);
  process.exitCode = failures || loaded.length === 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  const detail =
    error instanceof BankValidationError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`bank:check failed: ${detail}\n`);
  process.exitCode = 1;
});
