// Generate assessments from posting files: a readable summary by default, the JSON contract with --json.
// Usage: generate.ts <files...> [--seed N] [--json] [--lang zh|en] [--bank dir]
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  Assessment,
  BankValidationError,
  formatSummary,
  generateAssessment,
  Lang,
  loadQuestionBank,
} from '@rubricon/generation';
import { parsePostingsDocument, PostingParseError } from '@rubricon/postings';

interface Args {
  files: string[];
  seed?: number;
  json: boolean;
  lang?: Lang;
  bank: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], json: false, bank: resolve(__dirname, '../../../question-banks') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') args.json = true;
    else if (a === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 2_147_483_647)
        throw new UsageError(`--seed must be a whole number from 0 to 2147483647, got "${v}"`);
      args.seed = Number(v);
    } else if (a === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang must be zh or en, got "${v}"`);
      args.lang = v;
    } else if (a === '--bank') args.bank = resolve(value());
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new UsageError('no posting files given');
  return args;
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(
      `generate: ${(err as Error).message}\nusage: generate <files...> [--seed N] [--json] [--lang zh|en] [--bank dir]\n`,
    );
    return 1;
  }
  let bank;
  try {
    bank = loadQuestionBank(args.bank);
  } catch (err) {
    if (!(err instanceof BankValidationError)) throw err;
    process.stderr.write(`generate: the question bank is invalid:\n${err.message}\n`);
    return 1;
  }
  const results: Assessment[] = [];
  let failed = 0;
  args.files.forEach((file, i) => {
    if (args.files.length > 3) process.stderr.write(`[${i + 1}/${args.files.length}] ${file}\n`);
    let postings;
    try {
      postings = parsePostingsDocument({ content: readFileSync(file), filename: basename(file) });
      // file:line: like a compiler, so an editor can jump to the line.
      for (const w of postings.warnings)
        process.stderr.write(`${file}${w.line ? `:${w.line}` : ''}: warning: ${w.message}\n`);
    } catch (err) {
      const known = err instanceof PostingParseError || (err as NodeJS.ErrnoException).code !== undefined;
      if (!known) throw err;
      process.stderr.write(`${file}: ${(err as Error).message}\n`);
      failed += 1;
      return;
    }
    postings.postings.forEach((posting, n) => {
      const result = generateAssessment(posting, bank, { seed: args.seed, lang: args.lang });
      results.push(result.assessment);
      if (!args.json) process.stdout.write(`${formatSummary(result, `${file} #${n + 1}`)}\n\n`);
    });
  });
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (failed) process.stderr.write(`generate: ${failed} of ${args.files.length} file(s) could not be read\n`);
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  // A bug, not bad input: still one line, no stack trace for the user.
  process.stderr.write(`generate: unexpected error: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
