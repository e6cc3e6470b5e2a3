// Cold generation benchmark: each run is a fresh Node process that loads the question bank,
// initialises jieba, parses every seed document and generates every assessment. The libraries are
// compiled to JavaScript first (with swc, untimed), as they run in production: a TypeScript
// compiler inside the timed process would measure the compiler, not generation.
// Then the same for the built CLI (dist/apps/cli/generate.js, built first if needed), whose output must
// equal the library's.
// Run: npm run bench:generation -- [--runs N] [--bank dir]
// Writes bench-results/generation.json. The target (DESIGN.md) is < 2 s cold on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

// In the compiled child __dirname is inside the temp folder, so the parent passes the real root via cwd.
const ROOT = process.argv.includes('--child') ? process.cwd() : resolve(__dirname, '../..');
const TARGET_MS = 2000;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The measured work, in this (fresh) process. Prints one JSON line for the parent. */
function child(bankDir: string, compiledDir: string): void {
  const t0 = performance.now();
  // Required here, not imported at the top, so that module loading and jieba's start-up are timed.
  const lib = (name: string) => require(join(compiledDir, 'libs', name, 'src/index.js'));
  const { loadQuestionBank, generateAssessment } = lib('generation') as typeof import('@rubricon/generation');
  const { parsePostingsDocument } = lib('postings') as typeof import('@rubricon/postings');
  const tModules = performance.now();
  const bank = loadQuestionBank(bankDir);
  const tBank = performance.now();
  const seeds = join(ROOT, 'seeds');
  const postings = readdirSync(seeds)
    .sort()
    .flatMap((f) => parsePostingsDocument({ content: readFileSync(join(seeds, f)), filename: f }).postings);
  const tParse = performance.now();
  const out = postings.map((p) => generateAssessment(p, bank, { seed: 1 }).assessment);
  const tGenerate = performance.now();
  const json = JSON.stringify(out);
  // A second pass in the same process shows the warm cost once jieba and the indexes exist.
  const tWarm0 = performance.now();
  postings.forEach((p) => generateAssessment(p, bank, { seed: 2 }));
  const tWarm = performance.now() - tWarm0;
  process.stdout.write(
    `${JSON.stringify({
      postings: postings.length,
      bankVersion: bank.version,
      questions: bank.questions.length,
      outputSha256: createHash('sha256').update(json).digest('hex'),
      ms: {
        modules: tModules - t0,
        loadBank: tBank - tModules,
        parse: tParse - tBank,
        generate: tGenerate - tParse,
        cold: tGenerate - t0,
        warmAllPostings: tWarm,
      },
    })}\n`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Compiles libs/generation and libs/postings (and this file) to CommonJS with @rubricon/* imports rewritten to relative paths. */
function compile(): string {
  const swc = require('@swc/core') as typeof import('@swc/core');
  const out = mkdtempSync(join(tmpdir(), 'rubricon-bench-'));
  const files = ['libs/generation/src', 'libs/postings/src'].flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => join(dir, f)),
  );
  for (const rel of [...files, relative(ROOT, __filename)]) {
    const target = join(out, rel.replace(/\.ts$/, '.js'));
    let code = swc.transformFileSync(join(ROOT, rel), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
      module: { type: 'commonjs' },
      sourceMaps: false,
    }).code;
    code = code.replace(
      /require\("@rubricon\/(\w+)"\)/g,
      (_m, name: string) =>
        `require(${JSON.stringify(relative(dirname(target), join(out, 'libs', name, 'src')) || '.')})`,
    );
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  return out;
}

/**
 * The CLI as people run it (`npm run generate` runs dist/apps/cli/generate.js): whole-process wall time,
 * and the hash of its JSON, which must equal the library's (same seed, same postings, same order).
 */
function cliRuns(runs: number, bankDir: string): { wallMs: number[]; outputSha256: string[] } {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/build.mjs'), 'cli'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) process.exit(1);
  const seeds = readdirSync(join(ROOT, 'seeds'))
    .sort()
    .map((f) => join('seeds', f));
  const args = [join(ROOT, 'dist/apps/cli/generate.js'), ...seeds, '--json', '--seed', '1', '--bank', bankDir];
  const wallMs: number[] = [];
  const outputSha256: string[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    wallMs.push(performance.now() - t);
    if (res.status !== 0) {
      process.stderr.write(`cli run ${i + 1} failed:\n${res.stderr}\n`);
      process.exit(1);
    }
    outputSha256.push(
      createHash('sha256')
        .update(JSON.stringify(JSON.parse(res.stdout)))
        .digest('hex'),
    );
    process.stderr.write(`cli run ${i + 1}/${runs}: process wall ${r1(wallMs[i])} ms\n`);
  }
  return { wallMs, outputSha256 };
}

function parent(): void {
  const runs = Number(arg('--runs', '5'));
  const bankDir = resolve(arg('--bank', join(ROOT, 'question-banks')));
  const compiled = compile();
  const samples: Array<{ wallMs: number; report: any }> = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = spawnSync(
      process.execPath,
      [
        join(compiled, relative(ROOT, __filename).replace(/\.ts$/, '.js')),
        '--child',
        '--bank',
        bankDir,
        '--compiled',
        compiled,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } },
    );
    const wallMs = performance.now() - t;
    if (res.status !== 0) {
      process.stderr.write(`run ${i + 1} failed:\n${res.stderr}\n`);
      process.exit(1);
    }
    samples.push({ wallMs, report: JSON.parse(res.stdout.trim().split('\n').pop()!) });
    process.stderr.write(
      `run ${i + 1}/${runs}: cold ${r1(samples[i].report.ms.cold)} ms (process wall ${r1(wallMs)} ms)\n`,
    );
  }
  const cli = cliRuns(runs, bankDir);
  const cold = samples.map((s) => s.report.ms.cold);
  const phase = (k: string) => r1(median(samples.map((s) => s.report.ms[k])));
  const hashes = new Set(samples.map((s) => s.report.outputSha256));
  const result = {
    benchmark: 'generation',
    description:
      'fresh process per run: require libs (incl. jieba-wasm), load + validate bank, parse all seed documents, generate all assessments',
    // The machine is shared: a high load average means the figures overstate the cold cost.
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
      loadAverage1mAtEnd: Number(loadavg()[0].toFixed(2)),
    },
    bankDir: bankDir.startsWith(ROOT) ? bankDir.slice(ROOT.length + 1) : bankDir,
    bankVersion: samples[0].report.bankVersion,
    questions: samples[0].report.questions,
    postings: samples[0].report.postings,
    runs,
    coldMs: { median: r1(median(cold)), max: r1(Math.max(...cold)), min: r1(Math.min(...cold)) },
    phasesMedianMs: {
      modules: phase('modules'),
      loadBank: phase('loadBank'),
      parse: phase('parse'),
      generate: phase('generate'),
    },
    warmAllPostingsMedianMs: phase('warmAllPostings'),
    processWallMedianMs: r1(median(samples.map((s) => s.wallMs))),
    targetMs: TARGET_MS,
    meetsTarget: Math.max(...cold) < TARGET_MS,
    byteIdenticalAcrossRuns: hashes.size === 1,
    outputSha256: samples[0].report.outputSha256,
    cli: {
      command: 'node dist/apps/cli/generate.js seeds/* --json --seed 1',
      processWallMs: { median: r1(median(cli.wallMs)), max: r1(Math.max(...cli.wallMs)) },
      sameOutputAsLibrary: cli.outputSha256.every((h) => h === samples[0].report.outputSha256),
    },
    note: 'libraries precompiled with swc (untimed); modules = requiring them and their dependencies; processWall also includes Node start-up',
  };
  rmSync(compiled, { recursive: true, force: true });
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/generation.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(
    `cold median ${result.coldMs.median} ms, max ${result.coldMs.max} ms (target < 2000), byte-identical: ${result.byteIdenticalAcrossRuns}; ` +
      `CLI process median ${result.cli.processWallMs.median} ms, same output: ${result.cli.sameOutputAsLibrary} -> bench-results/generation.json\n`,
  );
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv.includes('--child'))
  child(resolve(arg('--bank', join(ROOT, 'question-banks'))), arg('--compiled', ''));
else parent();
