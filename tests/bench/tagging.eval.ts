// Tagger quality on hand-labelled duty lines: micro precision, recall and F1 over (line, competency)
// pairs for the labelled postings (dev split, holdout split, all) and the seed postings, with the
// competencies that err most. The prediction is every tag tagPosting gives a duty line, as generation
// tags them (see evaluate-tagging.ts).
// Run: npm run eval:tagging -- [--json] [--lines] [--bank dir]
// Writes bench-results/tagging.json. --json prints only that JSON to stdout; --lines also prints the
// dev and seed lines the tagger gets wrong (never holdout lines: tune on dev only).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadQuestionBank } from '../../libs/generation/src/bank';
import {
  evaluateTagging,
  LABELLED_POSTINGS_FILE,
  raterAgreement,
  readLabelledLines,
  SECOND_RATER_FILE,
  SEED_LABELS_FILE,
  type CompetencyErrors,
  type Scores,
  type TaggingEvaluation,
} from '../../libs/generation/src/tagging/evaluate-tagging';
import { SEEDS_DIR } from '../../libs/generation/src/testing/postings';

const ROOT = resolve(__dirname, '../..');
const TARGET_F1 = 0.85;
const WORST = 8;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const rounded = (s: Scores) => ({ ...s, precision: r4(s.precision), recall: r4(s.recall), f1: r4(s.f1) });
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

function row(name: string, s: Scores): string {
  const counts = `tp ${s.tp}, fp ${s.fp}, fn ${s.fn}`;
  return `  ${name.padEnd(10)}${String(s.lines).padStart(6)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${counts}`;
}

function worst(errors: CompetencyErrors[]): string[] {
  return errors
    .slice(0, WORST)
    .map((c) => `  ${c.id.padEnd(16)} fp ${String(c.fp).padStart(2)}  fn ${String(c.fn).padStart(2)}  (tp ${c.tp})`);
}

function wrongLines(ev: TaggingEvaluation): string[] {
  return ev.lines
    .filter((r) => r.line.split !== 'holdout' && (r.fp.length || r.fn.length))
    .map(
      (r) =>
        `  - ${r.line.text}\n      labels [${r.line.labels.join(', ')}]  fp [${r.fp.join(', ')}]  fn [${r.fn.join(', ')}]`,
    );
}

function main(): void {
  const bankDir = resolve(arg('--bank', join(ROOT, 'question-banks')));
  const bank = loadQuestionBank(bankDir);
  const labelled = evaluateTagging(readLabelledLines(LABELLED_POSTINGS_FILE), bank);
  const seeds = existsSync(SEED_LABELS_FILE)
    ? evaluateTagging(readLabelledLines(SEED_LABELS_FILE, SEEDS_DIR, 'seed'), bank)
    : undefined;
  // How far two people agree on the same lines: the ceiling a tagger can be expected to reach.
  const raters = existsSync(SECOND_RATER_FILE)
    ? raterAgreement(readLabelledLines(LABELLED_POSTINGS_FILE), readLabelledLines(SECOND_RATER_FILE))
    : undefined;
  const result = {
    benchmark: 'tagging',
    description:
      'micro precision, recall and F1 of the tagger (tagPosting) over (duty line, competency) pairs against hand labels; a catch-all line labelled not assessable counts any tag as a false positive',
    prediction:
      'every tag tagPosting gives a duty line (tagLine plus the platform a title names), BM25-fallback (low-confidence) tags included',
    bankDir: relative(ROOT, bankDir) || '.',
    bankVersion: bank.version,
    labelsFile: relative(ROOT, LABELLED_POSTINGS_FILE),
    labelled: {
      bySplit: Object.fromEntries(Object.entries(labelled.bySplit).map(([k, s]) => [k, rounded(s)])),
      overall: rounded(labelled.overall),
      targetF1: TARGET_F1,
      meetsTarget: labelled.overall.f1 >= TARGET_F1,
      worstCompetencies: labelled.byCompetency.slice(0, WORST),
    },
    raterAgreement: raters
      ? {
          labelsFile: relative(ROOT, SECOND_RATER_FILE),
          bySplit: Object.fromEntries(Object.entries(raters.bySplit).map(([k, s]) => [k, rounded(s)])),
          overall: rounded(raters.overall),
        }
      : null,
    seeds: seeds
      ? {
          labelsFile: relative(ROOT, SEED_LABELS_FILE),
          overall: rounded(seeds.overall),
          worstCompetencies: seeds.byCompetency.slice(0, WORST),
        }
      : null,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/tagging.json'), `${JSON.stringify(result, null, 2)}\n`);

  const out = [
    `Tagger on hand-labelled duty lines (bank ${bank.version.slice(0, 12)}):`,
    `  ${'split'.padEnd(10)} lines       P       R      F1`,
    ...Object.entries(labelled.bySplit).map(([k, s]) => row(k, s)),
    row('all', labelled.overall),
    ...(seeds
      ? [row('seeds', seeds.overall)]
      : ['  (no seed labels yet: libs/generation/test-fixtures/seed-labels.yaml)']),
    ...(raters
      ? [
          'Two labellers on the same postings (the second scored against the first):',
          ...Object.entries(raters.bySplit).map(([k, s]) => row(k, s)),
          row('all', raters.overall),
        ]
      : []),
    `Target F1 >= ${TARGET_F1} on the labelled postings: ${result.labelled.meetsTarget ? 'met' : 'NOT met'}.`,
    'Most errors, labelled postings (all splits):',
    ...worst(labelled.byCompetency),
    ...(seeds ? ['Most errors, seeds:', ...worst(seeds.byCompetency)] : []),
    ...(process.argv.includes('--lines')
      ? ['Wrong dev lines:', ...wrongLines(labelled), ...(seeds ? ['Wrong seed lines:', ...wrongLines(seeds)] : [])]
      : []),
    '-> bench-results/tagging.json',
  ];
  process.stderr.write(`${out.join('\n')}\n`);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
