// How well the tagger agrees with hand labels: micro precision, recall and F1 over (duty line,
// competency) pairs, per split and overall, with per-competency errors for diagnosis. Used by
// evaluate-tagging.spec.ts (which holds the figures) and `npm run eval:tagging` (which reports them).
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { parsePostingsDocument } from '@rubricon/postings';
import type { QuestionBank } from '../bank';
import type { TaggedLine } from './tag-line';
import { tagPosting } from './tag-posting';

const FIXTURES = join(__dirname, '../../test-fixtures');
/** Hand labels of 15 postings the tagger was not written against, split into dev and holdout. */
export const LABELLED_POSTINGS_FILE = join(FIXTURES, 'labelled-postings/labels.yaml');
/** Hand labels of the seed postings' duty lines (posting files in seeds/, no split). */
export const SEED_LABELS_FILE = join(FIXTURES, 'seed-labels.yaml');
/** A second labeller's labels of the same postings, made without seeing the first's: how far people agree. */
export const SECOND_RATER_FILE = join(FIXTURES, 'labelled-postings/labels-second-rater.yaml');

const LabelledPostingSchema = z.strictObject({
  file: z.string().min(1),
  title: z.string().min(1),
  split: z.string().min(1).optional(),
  duties: z.array(
    z.strictObject({
      text: z.string().min(1),
      labels: z.array(z.string()),
      assessable: z.boolean().optional(),
    }),
  ),
});
const LabelsFileSchema = z.object({ postings: z.array(LabelledPostingSchema).min(1) });
export type LabelledPosting = z.infer<typeof LabelledPostingSchema>;

/** One hand-labelled duty line. A catch-all line (assessable: false) has no labels. */
export interface LabelledLine {
  file: string;
  title: string;
  split: string;
  text: string;
  labels: string[];
  assessable: boolean;
}

/** The postings of a labels file (the YAML text), validated. */
export function parseLabels(yamlText: string): LabelledPosting[] {
  return LabelsFileSchema.parse(parseYaml(yamlText)).postings;
}

/**
 * The labelled lines, after checking that the real parser still turns each posting file into exactly
 * the labelled duty lines: labels that drifted from the parser's output would measure nothing.
 * `readPosting(file)` returns a posting file's bytes.
 */
export function labelledLines(
  postings: LabelledPosting[],
  readPosting: (file: string) => Buffer,
  defaultSplit = 'all',
): LabelledLine[] {
  const problems: string[] = [];
  const lines = postings.flatMap((p) => {
    const parsed = parsePostingsDocument({ content: readPosting(p.file), filename: basename(p.file) }).postings;
    const labelled = p.duties.map((d) => d.text);
    const same = (duties: string[]) => duties.length === labelled.length && duties.every((d, i) => d === labelled[i]);
    // A document may hold several postings (the seeds do): the labelled one has the title and the duties.
    if (!parsed.some((x) => x.title === p.title && same(x.duties))) {
      const titled = parsed.find((x) => x.title === p.title);
      const first = titled?.duties.findIndex((d, i) => d !== labelled[i]) ?? -1;
      problems.push(
        titled
          ? `${p.file} "${p.title}": duty ${first === -1 ? titled.duties.length + 1 : first + 1} differs from the parser's`
          : `${p.file}: no posting titled "${p.title}" (parser titles: ${parsed.map((x) => x.title).join(' | ')})`,
      );
    }
    return p.duties.map((d) => ({
      file: p.file,
      title: p.title,
      split: p.split ?? defaultSplit,
      text: d.text,
      labels: d.labels,
      assessable: d.assessable ?? true,
    }));
  });
  if (problems.length) throw new Error(`labels do not match the parser's output:\n${problems.join('\n')}`);
  return lines;
}

/** Reads and checks a labels file; posting files are looked up in `postingsDir` (default: the labels file's folder). */
export function readLabelledLines(labelsPath: string, postingsDir = dirname(labelsPath), defaultSplit = 'all') {
  const read = (file: string) => {
    const direct = join(postingsDir, file);
    return readFileSync(existsSync(direct) ? direct : join(postingsDir, basename(file)));
  };
  return labelledLines(parseLabels(readFileSync(labelsPath, 'utf8')), read, defaultSplit);
}

/**
 * The tags that count as the tagger's prediction for a line: all of them, BM25-fallback tags included.
 * Generation consumes every tag (lineShares in select/relevance.ts spreads a line's weight over all
 * its tags, a fallback line's too, for duty matching and the posting's weights), so scoring a filtered
 * subset (say, tags above a share of the top score) would report a better tagger than the one the
 * assessments are built from. Such rules belong in the tagger itself: tagLine now drops passing
 * mentions (tag-line.ts) and tagPosting adds the title's platform (tag-posting.ts), both tuned on the
 * dev split. No dev line falls back to BM25 any more, so counting the fallback tags or not changes
 * nothing there.
 */
export function predictedIds(line: TaggedLine): string[] {
  return line.competencies.map((c) => c.id);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  lines: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Micro scores from pooled counts. With nothing predicted, precision is 1 (no claim was wrong); with
 * nothing labelled, recall is 1 (nothing was missed); F1 is their harmonic mean, 0 when both are 0.
 */
export function scores(c: Counts, lines: number): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, lines, precision, recall, f1 };
}

export interface LineResult {
  line: LabelledLine;
  predicted: string[];
  tp: string[];
  /** Predicted, not labelled (every tag of a catch-all line). */
  fp: string[];
  /** Labelled, not predicted. */
  fn: string[];
}

/** Set comparison of one line; a line labelled not assessable counts as an empty label set. */
export function compareLine(line: LabelledLine, predicted: string[]): LineResult {
  const gold = new Set(line.assessable ? line.labels : []);
  const pred = [...new Set(predicted)].sort();
  return {
    line,
    predicted: pred,
    tp: pred.filter((id) => gold.has(id)),
    fp: pred.filter((id) => !gold.has(id)),
    fn: [...gold].filter((id) => !pred.includes(id)).sort(),
  };
}

export interface CompetencyErrors extends Counts {
  id: string;
}

export interface TaggingEvaluation {
  lines: LineResult[];
  /** Per split, in first-seen order. */
  bySplit: Record<string, Scores>;
  overall: Scores;
  /** Competencies with any error, most errors (fp + fn) first, then by id. */
  byCompetency: CompetencyErrors[];
}

function pool(results: LineResult[]): Scores {
  const sum = (k: 'tp' | 'fp' | 'fn') => results.reduce((s, r) => s + r[k].length, 0);
  return scores({ tp: sum('tp'), fp: sum('fp'), fn: sum('fn') }, results.length);
}

/** Scores already-made predictions (one list of competency ids per line) against the labels. */
export function evaluatePredictions(lines: LabelledLine[], predictions: string[][]): TaggingEvaluation {
  const results = lines.map((line, i) => compareLine(line, predictions[i]));
  const splits = [...new Set(lines.map((l) => l.split))];
  const bySplit = Object.fromEntries(splits.map((s) => [s, pool(results.filter((r) => r.line.split === s))]));
  const perId = new Map<string, CompetencyErrors>();
  const bump = (id: string, k: keyof Counts) => {
    const c = perId.get(id) ?? { id, tp: 0, fp: 0, fn: 0 };
    c[k] += 1;
    perId.set(id, c);
  };
  for (const r of results) {
    r.tp.forEach((id) => bump(id, 'tp'));
    r.fp.forEach((id) => bump(id, 'fp'));
    r.fn.forEach((id) => bump(id, 'fn'));
  }
  const byCompetency = [...perId.values()]
    .filter((c) => c.fp + c.fn > 0)
    .sort((a, b) => b.fp + b.fn - (a.fp + a.fn) || (a.id < b.id ? -1 : 1));
  return { lines: results, bySplit, overall: pool(results), byCompetency };
}

/**
 * How well two labellers agree, scored like the tagger: the second's labels as predictions of the
 * first's (micro F1 is the same either way round), per split of the first. Every line of the first
 * must be labelled by the second.
 */
export function raterAgreement(first: LabelledLine[], second: LabelledLine[]): TaggingEvaluation {
  const key = (l: LabelledLine) => `${l.file}\n${l.text}`;
  const byKey = new Map(second.map((l) => [key(l), l.labels]));
  const missing = first.filter((l) => !byKey.has(key(l)));
  if (missing.length)
    throw new Error(`the second labeller has not labelled: ${missing.map((l) => `${l.file}: ${l.text}`).join('; ')}`);
  return evaluatePredictions(
    first,
    first.map((l) => byKey.get(key(l))!),
  );
}

/**
 * Tags every labelled line with the real tagger, posting by posting, and scores it; refuses labels
 * naming unknown competencies.
 */
export function evaluateTagging(lines: LabelledLine[], bank: QuestionBank): TaggingEvaluation {
  const unknown = [...new Set(lines.flatMap((l) => l.labels))].filter((id) => !bank.competencyById[id]);
  if (unknown.length) throw new Error(`labels name competencies not in the bank: ${unknown.join(', ')}`);
  return evaluatePredictions(lines, tagAsGeneration(lines, bank).map(predictedIds));
}

/**
 * Tags the lines the way generation does (generate-assessment.ts): posting by posting with
 * tagPosting, so a line gets what its posting's title says (the platform of an Android posting).
 * A posting is a run of consecutive lines with the same file and title.
 */
function tagAsGeneration(lines: LabelledLine[], bank: QuestionBank): TaggedLine[] {
  const out: TaggedLine[] = [];
  for (let start = 0; start < lines.length;) {
    const { file, title } = lines[start];
    let end = start;
    while (end < lines.length && lines[end].file === file && lines[end].title === title) end++;
    out.push(...tagPosting({ title, duties: lines.slice(start, end).map((l) => l.text) }, bank));
    start = end;
  }
  return out;
}
