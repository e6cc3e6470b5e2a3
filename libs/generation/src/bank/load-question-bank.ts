import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
import { z } from 'zod';
import { BankIssue, BankValidationError, formatPath } from './bank-validation-error';
import { Competency, CompetencySchema } from './competency.schema';
import { Question, QuestionSchema } from './question.schema';
import { QUESTION_KINDS, QuestionKind } from './text.schema';

export interface QuestionBank {
  /** sha256 over every bank file (sorted by path): changes whenever any content changes. */
  version: string;
  competencies: Competency[];
  competencyById: Readonly<Record<string, Competency>>;
  /** Sorted by id so iteration order never depends on file order. */
  questions: Question[];
  /** Display path of the file each question came from. */
  questionFile: Readonly<Record<string, string>>;
  /** Display path of competencies.yaml. */
  competencyFile: string;
}

// "Required" instead of zod's "expected string, received undefined": the message a content author needs.
const MISSING_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);
const errorMap = (iss: { code?: string; input?: unknown }) =>
  iss.input === undefined && MISSING_CODES.has(iss.code ?? '') ? 'Required' : undefined;

const QuestionsFileSchema = z.strictObject({ questions: z.array(z.unknown()).min(1) });

interface BankFile {
  rel: string;
  display: string;
  content: string;
}

function listFiles(dir: string): BankFile[] {
  const root = basename(dir);
  const files: BankFile[] = [];
  const add = (rel: string) =>
    files.push({ rel, display: `${root}/${rel}`, content: readFileSync(join(dir, rel), 'utf8') });
  if (!existsSync(join(dir, 'competencies.yaml'))) {
    throw new BankValidationError([{ file: `${root}/competencies.yaml`, path: '', message: 'file not found' }]);
  }
  add('competencies.yaml');
  for (const kind of QUESTION_KINDS) {
    const sub = join(dir, kind);
    if (!existsSync(sub) || !statSync(sub).isDirectory()) continue;
    for (const name of readdirSync(sub).sort()) {
      if (/\.ya?ml$/.test(name)) add(`${kind}/${name}`);
    }
  }
  return files;
}

function parseFile(file: BankFile, issues: BankIssue[]): unknown {
  try {
    // js-yaml (YAML 1.2 core schema) refuses duplicate keys; it parses the bank ~5x faster than `yaml`.
    return parseYaml(file.content);
  } catch (err) {
    const mark = err instanceof YAMLException ? err.mark : undefined;
    const line = mark ? ` (line ${mark.line + 1})` : '';
    const reason = err instanceof YAMLException ? err.reason : (err as Error).message.split('\n')[0];
    issues.push({ file: file.display, path: '', message: `invalid YAML${line}: ${reason}` });
    return undefined;
  }
}

// `{ zh: 文本, en: Works, but slowly }` is valid YAML with a third key "but slowly": say so.
const COMMA_HINT = ' (an unquoted comma inside { zh: …, en: … } splits the text: quote it)';

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  );
}

function pushZodIssues(issues: BankIssue[], file: string, item: string | undefined, error: z.ZodError, raw: unknown) {
  for (const iss of error.issues) {
    const at = valueAt(raw, iss.path) as Record<string, unknown> | undefined;
    const hint = iss.code === 'unrecognized_keys' && at && ('zh' in at || 'en' in at) ? COMMA_HINT : '';
    issues.push({ file, item, path: formatPath(iss.path), message: iss.message + hint });
  }
}

function itemLabel(kind: 'question' | 'competency', raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? `${kind} ${id}` : `${kind} #${index + 1}`;
}

function loadCompetencies(file: BankFile, issues: BankIssue[]): Competency[] {
  const data = parseFile(file, issues);
  if (data === undefined) return [];
  const envelope = z.strictObject({ competencies: z.array(z.unknown()).min(1) }).safeParse(data, { error: errorMap });
  if (!envelope.success) {
    pushZodIssues(issues, file.display, undefined, envelope.error, data);
    return [];
  }
  const out: Competency[] = [];
  envelope.data.competencies.forEach((raw, i) => {
    const parsed = CompetencySchema.safeParse(raw, { error: errorMap });
    if (parsed.success) out.push(parsed.data);
    else pushZodIssues(issues, file.display, itemLabel('competency', raw, i), parsed.error, raw);
  });
  return out;
}

function loadQuestions(file: BankFile, issues: BankIssue[]): Array<{ q: Question; file: string }> {
  const data = parseFile(file, issues);
  if (data === undefined) return [];
  const envelope = QuestionsFileSchema.safeParse(data, { error: errorMap });
  if (!envelope.success) {
    pushZodIssues(issues, file.display, undefined, envelope.error, data);
    return [];
  }
  const dirKind = file.rel.split('/')[0] as QuestionKind;
  const out: Array<{ q: Question; file: string }> = [];
  envelope.data.questions.forEach((raw, i) => {
    const label = itemLabel('question', raw, i);
    const parsed = QuestionSchema.safeParse(raw, { error: errorMap });
    if (!parsed.success) {
      pushZodIssues(issues, file.display, label, parsed.error, raw);
      return;
    }
    if (parsed.data.kind !== dirKind) {
      issues.push({
        file: file.display,
        item: label,
        path: 'kind',
        message: `kind ${parsed.data.kind} does not belong in ${dirKind}/`,
      });
      return;
    }
    out.push({ q: parsed.data, file: file.display });
  });
  return out;
}

/** Reads, validates and cross-checks a whole bank directory; throws BankValidationError listing every problem. */
export function loadQuestionBank(dir: string): QuestionBank {
  const files = listFiles(dir);
  const issues: BankIssue[] = [];
  const competencies = loadCompetencies(files[0], issues);
  const competencyById: Record<string, Competency> = {};
  for (const c of competencies) {
    if (competencyById[c.id])
      issues.push({
        file: files[0].display,
        item: `competency ${c.id}`,
        path: 'id',
        message: 'duplicate competency id',
      });
    competencyById[c.id] = c;
  }
  const questionFile: Record<string, string> = {};
  const questions: Question[] = [];
  for (const file of files.slice(1)) {
    for (const { q, file: display } of loadQuestions(file, issues)) {
      const label = `question ${q.id}`;
      if (questionFile[q.id]) {
        issues.push({ file: display, item: label, path: 'id', message: `duplicate id, also in ${questionFile[q.id]}` });
        continue;
      }
      q.competencies.forEach((c, i) => {
        if (competencies.length > 0 && !competencyById[c]) {
          issues.push({ file: display, item: label, path: `competencies[${i}]`, message: `unknown competency ${c}` });
        }
      });
      questionFile[q.id] = display;
      questions.push(q);
    }
  }
  if (issues.length > 0) throw new BankValidationError(issues);
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    hash.update(f.rel).update('\0').update(f.content).update('\0');
  }
  return {
    version: hash.digest('hex'),
    competencies: [...competencies].sort((a, b) => cmp(a.id, b.id)),
    competencyById,
    questions: questions.sort((a, b) => cmp(a.id, b.id)),
    questionFile,
    competencyFile: files[0].display,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
