import type { Competency } from './competency.schema';
import { GeneratedInputError, hiddenCase, sizeAt } from './generated-input';
import type { QuestionBank } from './load-question-bank';
import type { CodingQuestion, Question, RubricCriterion } from './question.schema';
import type { Text } from './text.schema';

/**
 * The bank's quality rules (question-banks/README.md, "Quality rules") that need no sandbox: anchors
 * raters can apply, neutral probes, both languages, stated limits tested. `bank:check` applies them
 * and then runs the coding tasks; they are not load-time validation, so a bank that breaks a rule
 * still serves (an operator's own bank is not refused at start for its style).
 */
export interface RuleProblem {
  file: string;
  /** `question <id>` or `competency <id>` */
  item: string;
  /** Dotted path of the field, e.g. rubric[1].anchors.3.en */
  path: string;
  message: string;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/g;
const LATIN = /[A-Za-z]/g;
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** A size a prompt states: a number before a plural noun ("100,000 transfers"), or after "length ≤". */
const NUMBER = String.raw`(\d+(?:[.,]\d+)?\s*[×x*]\s*10\^\d+|10\^\d+|\d{1,3}(?:,\d{3})+|\d+)`;
/** Up to two words may stand between the number and its plural noun: "1,000 BIN ranges", "20,000 account entries". */
const SIZE_BEFORE_NOUN = new RegExp(String.raw`${NUMBER}\s+(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][A-Za-z-]*s\b`, 'g');
const SIZE_AFTER_LENGTH = new RegExp(String.raw`length\W{0,3}(?:≤|<=|at most|up to)\s*${NUMBER}`, 'gi');
/** Any number in a (Chinese or English) prompt, for "the other language states the same number". */
const ANY_NUMBER =
  /(\d+(?:\.\d+)?)\s*[×x*]\s*10\s*\^\s*(\d+)|10\s*\^\s*(\d+)|(\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?)\s*(万)?/g;

/** 2×10^5 → 200000; 100,000 → 100000 */
export function parseNumber(text: string): number {
  const t = text.replace(/\s/g, '');
  const pow = /^(?:(\d+(?:[.,]\d+)?)[×x*])?10\^(\d+)$/.exec(t);
  if (pow) return Math.round(Number((pow[1] ?? '1').replace(',', '.')) * 10 ** Number(pow[2]));
  return Number(t.replace(/,/g, ''));
}

/** The sizes an English prompt's **Constraints** paragraph states (numbers of items or characters). */
export function statedSizes(promptEn: string): number[] {
  const lines = promptEn.split('\n').filter((l) => /^\s*(?:[-*]\s+)?(?:\*\*)?constraints\b/i.test(l));
  const sizes: number[] = [];
  for (const line of lines) {
    for (const m of line.matchAll(SIZE_BEFORE_NOUN)) sizes.push(parseNumber(m[1]));
    for (const m of line.matchAll(SIZE_AFTER_LENGTH)) sizes.push(parseNumber(m[1]));
  }
  return sizes;
}

/** Every number a text states, whatever its notation (10^5, 2×10^5, 100,000, 100 000, 10 万). */
export function statedNumbers(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(ANY_NUMBER)) {
    if (m[1] !== undefined) out.add(Math.round(Number(m[1]) * 10 ** Number(m[2])));
    else if (m[3] !== undefined) out.add(10 ** Number(m[3]));
    else {
      const n = Number(m[4].replace(/[,\s]/g, ''));
      out.add(m[5] ? Math.round(n * 10_000) : n);
    }
  }
  return out;
}

/** Sizes from which a quadratic solution must time out at the limit. */
const SLOW_FROM_SIZE = 10_000;
/** Sizes from which a test at the limit is required. */
const LIMIT_FROM_SIZE = 1_000;
/** A wrong solution must lose at least this share of the hidden weight. */
export const MIN_WRONG_LOSS = 0.25;

const EN_ABSENCE =
  /^\s*(no|none|nothing|not|never|without|does not|doesn't|did not|didn't|do not|don't|fails? to|failed to|cannot|can't|unable|lacks?|lacking|absent|missing)\b/i;
const ZH_ABSENCE = /^\s*(没有|没|未|无|不|缺乏|缺少|从未|从不)/;
const EN_RELATIVE =
  /\blevels?\s*[1-5]\b|on top of|in addition to (?:the )?(?:above|level)|beyond (?:the )?(?:above|level|3)/i;
/** A level in Chinese (3 分), not minutes (23 分钟) or words that start with 分 (分片, 分区, 分析…). */
const ZH_SCORE = String.raw`(?<![\d.])[1-5]\s*分(?![钟片区配析布级支行类期摊组])`;
const ZH_RELATIVE = new RegExp(`${ZH_SCORE}|基础上`);
/** (1) or （1）, but not the (1) of O(1). */
const LIST_MARK = /(?<![A-Za-z])[(（]\s*\d\s*[)）]/;
const SEMICOLON = /[;；]/;
const EN_THRESHOLD = /^\s*At least (\d+) of (?:these|the following) (\d+)\s*:/;
const ZH_THRESHOLD = /^\s*以下\s*(\d+)\s*项中至少\s*(\d+)\s*项\s*[:：]/;
const EN_PROBE = /\bprobe/i;
const ZH_PROBE = /追问/;
const EN_LEVEL = /\b(?:level|score)s?\s*(?:of\s*)?[1-5]\b|low score/i;
const ZH_LEVEL = new RegExp(`${ZH_SCORE}|低分`);
const FORMULA = /1\s*\+\s*4\s*[×x*]/;
const EN_HYPOTHETICAL = /\b(if|would|should have|could have|suppose|imagine)\b/i;
/** 假设 is left out: it is also "hypothesis", which a past probe may well ask about. */
const ZH_HYPOTHETICAL = /如果|假如|假使|要是|本应|本该|应该早|早该/;
const EN_LEADING = /^\s*(don't you|wouldn't you|isn't it|shouldn't you|didn't you|wasn't it)\b/i;
const ZH_LEADING = /难道|是不是应该/;
/** 他/她 of a person whose gender the text does not know; 其他, 他人, 他们 are fine. */
const ZH_GENDERED = /(?<!其)他(?![们人])|她(?!们)/;
const READ_WORDS_PER_MINUTE = 200;

class Collector {
  readonly problems: RuleProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly item: string,
  ) {}
  add(path: string, message: string): void {
    this.problems.push({ file: this.file, item: this.item, path, message });
  }
}

function checkBilingual(out: Collector, path: string, text: Text): void {
  if (count(text.zh, CJK) === 0) out.add(`${path}.zh`, 'the zh text has no Chinese');
  if (count(text.en, CJK) >= count(text.en, LATIN)) out.add(`${path}.en`, 'the en text is not English');
  if (ZH_GENDERED.test(text.zh)) {
    out.add(`${path}.zh`, 'says 他/她 of a person whose gender is unknown: use 对方, 该同事, 候选人 or TA');
  }
}

/** One behaviour: no (1) list, no semicolons. */
function checkSingle(out: Collector, path: string, text: Text): void {
  for (const lang of ['zh', 'en'] as const) {
    if (LIST_MARK.test(text[lang])) out.add(`${path}.${lang}`, 'one behaviour per anchor: no (1) (2) list here');
    else if (SEMICOLON.test(text[lang])) out.add(`${path}.${lang}`, "one behaviour per anchor: no ';' here");
  }
}

function checkThreshold(out: Collector, path: string, text: Text): void {
  const en = EN_THRESHOLD.exec(text.en);
  const zh = ZH_THRESHOLD.exec(text.zh);
  if (!en) out.add(`${path}.en`, 'level 3 must read "At least K of these N: (1) …; (2) …"');
  if (!zh) out.add(`${path}.zh`, 'level 3 must read "以下 N 项中至少 K 项：(1)…；(2)…"');
  if (!en || !zh) return;
  const [k, n] = [Number(en[1]), Number(en[2])];
  if (Number(zh[2]) !== k || Number(zh[1]) !== n) {
    out.add(path, `zh says ${zh[2]} of ${zh[1]}, en says ${k} of ${n}`);
  }
  if (n < 2 || n > 6 || k < 1 || k >= n) out.add(path, `K of N must have 2 ≤ N ≤ 6 and 1 ≤ K < N, not ${k} of ${n}`);
  for (const [lang, listed] of [
    ['zh', Number(zh[1])],
    ['en', n],
  ] as const) {
    const marks = [...text[lang].matchAll(/(?<![A-Za-z])[(（]\s*(\d)\s*[)）]/g)].map((m) => Number(m[1]));
    const expected = Array.from({ length: listed }, (_, i) => i + 1);
    if (marks.join() !== expected.join()) {
      out.add(`${path}.${lang}`, `lists items ${marks.join(', ') || 'none'}; expected (1) to (${listed})`);
    }
  }
}

function checkRaterCriterion(out: Collector, path: string, c: RubricCriterion): void {
  const { anchors } = c;
  const a1 = `${path}.anchors.1`;
  if (EN_ABSENCE.test(anchors['1'].en))
    out.add(`${a1}.en`, 'level 1 is poor behaviour seen in the answer, not an absence');
  if (ZH_ABSENCE.test(anchors['1'].zh))
    out.add(`${a1}.zh`, 'level 1 is poor behaviour seen in the answer, not an absence');
  checkSingle(out, a1, anchors['1']);
  checkThreshold(out, `${path}.anchors.3`, anchors['3']);
  const a5 = `${path}.anchors.5`;
  if (EN_RELATIVE.test(anchors['5'].en)) out.add(`${a5}.en`, 'level 5 stands on its own: no "beyond level 3"');
  if (ZH_RELATIVE.test(anchors['5'].zh)) out.add(`${a5}.zh`, 'level 5 stands on its own: no "在 3 分基础上"');
  checkSingle(out, a5, anchors['5']);
  const ne = `${path}.anchors.noEvidence`;
  if (!EN_PROBE.test(anchors.noEvidence.en)) out.add(`${ne}.en`, 'no evidence means probe again: name the probe');
  if (!ZH_PROBE.test(anchors.noEvidence.zh))
    out.add(`${ne}.zh`, 'no evidence means probe again (追问): name the probe');
  if (EN_LEVEL.test(anchors.noEvidence.en) || ZH_LEVEL.test(anchors.noEvidence.zh)) {
    out.add(ne, 'no evidence is never a level or a low score');
  }
}

function checkAutoCriterion(out: Collector, path: string, c: RubricCriterion): void {
  for (const level of ['1', '3', '5'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      if (!FORMULA.test(c.anchors[level][lang])) {
        out.add(`${path}.anchors.${level}.${lang}`, 'an auto-scored anchor states the formula "1 + 4 × …"');
      }
    }
  }
}

function checkRubric(out: Collector, q: Question): void {
  q.rubric.forEach((c, i) => {
    const path = `rubric[${i}]`;
    checkBilingual(out, `${path}.name`, c.name);
    for (const key of ['noEvidence', '1', '3', '5'] as const)
      checkBilingual(out, `${path}.anchors.${key}`, c.anchors[key]);
    if (c.autoScored) checkAutoCriterion(out, path, c);
    else checkRaterCriterion(out, path, c);
  });
}

function checkProbes(out: Collector, q: Exclude<Question, CodingQuestion>): void {
  const past = q.kind === 'behavioral' && q.style === 'past';
  q.probes.forEach((p, i) => {
    const path = `probes[${i}]`;
    checkBilingual(out, path, p);
    if (EN_LEADING.test(p.en) || ZH_LEADING.test(p.zh)) out.add(path, 'a probe asks, it does not lead');
    if (past && (EN_HYPOTHETICAL.test(p.en) || ZH_HYPOTHETICAL.test(p.zh))) {
      out.add(path, 'a past-behaviour probe stays in the past: no "if", "would", "should have", 如果, 假如');
    }
  });
}

function checkCoding(out: Collector, q: CodingQuestion): void {
  const auto = q.rubric.filter((c) => c.autoScored).length;
  if (auto !== 1) out.add('rubric', `a coding task has exactly one autoScored criterion, not ${auto}`);
  const unweighted = q.hiddenTests.flatMap((t, i) => (t.weight === undefined ? [i + 1] : []));
  if (unweighted.length) out.add('hiddenTests', `hidden tests ${unweighted.join(', ')} have no explicit weight`);
  else if (new Set(q.hiddenTests.map((t) => t.weight)).size === 1) {
    out.add('hiddenTests', 'every hidden test has the same weight: edge cases count more');
  }
  const zhNumbers = statedNumbers(q.prompt.zh);
  const enNumbers = statedNumbers(q.prompt.en);
  q.hiddenTests.forEach((t, i) => {
    if (!t.limit) return;
    const path = `hiddenTests[${i}].limit`;
    let size: number | undefined;
    try {
      size = sizeAt(hiddenCase(t).input, t.limit.path);
    } catch (error) {
      if (!(error instanceof GeneratedInputError)) throw error;
      out.add(`hiddenTests[${i}].generate`, error.message);
      return;
    }
    if (size === undefined) out.add(path, `path "${t.limit.path}" is not an array or string of the input`);
    else if (size !== t.limit.size)
      out.add(path, `the input has ${size} at "${t.limit.path}", the limit says ${t.limit.size}`);
    if (!enNumbers.has(t.limit.size)) out.add(path, `the en prompt never states ${t.limit.size}`);
    if (!zhNumbers.has(t.limit.size)) out.add(path, `the zh prompt never states ${t.limit.size}`);
  });
  const largest = Math.max(0, ...statedSizes(q.prompt.en));
  if (largest >= LIMIT_FROM_SIZE) {
    if (!q.hiddenTests.some((t) => t.limit?.size === largest)) {
      out.add(
        'hiddenTests',
        `the Constraints state ${largest}: add a hidden test at that limit (limit.size ${largest})`,
      );
    }
    if (largest >= SLOW_FROM_SIZE && !q.wrongSolutions.some((w) => w.slow)) {
      out.add('wrongSolutions', `the Constraints state ${largest}: add a slow: true (quadratic) wrong solution`);
    }
  }
  if (q.wrongSolutions.some((w) => w.slow) && !q.hiddenTests.some((t) => t.limit)) {
    out.add('wrongSolutions', 'a slow wrong solution needs a hidden test with a limit to time out on');
  }
  if (!q.wrongSolutions.some((w) => w.python !== undefined)) {
    out.add(
      'wrongSolutions',
      'give one wrong solution a python version too: the Python checks need a plausible mistake',
    );
  }
}

function checkQuestion(out: Collector, q: Question): void {
  checkBilingual(out, 'title', q.title);
  checkBilingual(out, 'prompt', q.prompt);
  checkRubric(out, q);
  if (q.kind === 'coding') {
    checkCoding(out, q);
    return;
  }
  checkProbes(out, q);
  const words = q.prompt.en.split(/\s+/).filter(Boolean).length;
  const reading = Math.ceil((2 * words) / READ_WORDS_PER_MINUTE);
  if (q.minutes < reading)
    out.add('minutes', `${q.minutes} minutes is less than reading the prompt twice (${reading})`);
  if (q.kind === 'case') {
    if (!/calculator/i.test(q.prompt.en)) out.add('prompt.en', 'a case prompt says whether a calculator is allowed');
    if (!/计算器/.test(q.prompt.zh))
      out.add('prompt.zh', 'a case prompt says whether a calculator is allowed (计算器)');
  }
}

function checkCompetency(out: Collector, c: Competency): void {
  checkBilingual(out, 'label', c.label);
  checkBilingual(out, 'definition', c.definition);
  for (const level of ['1', '3', '5'] as const) checkBilingual(out, `anchors.${level}`, c.anchors[level]);
  if (EN_ABSENCE.test(c.anchors['1'].en)) out.add('anchors.1.en', 'level 1 is poor behaviour, not an absence');
  if (ZH_ABSENCE.test(c.anchors['1'].zh)) out.add('anchors.1.zh', 'level 1 is poor behaviour, not an absence');
  if (EN_RELATIVE.test(c.anchors['5'].en) || ZH_RELATIVE.test(c.anchors['5'].zh)) {
    out.add('anchors.5', 'level 5 stands on its own: no reference to other levels');
  }
}

/** Applies the rules to every question and competency whose file `include` accepts (default: all). */
export function checkBankRules(bank: QuestionBank, include: (file: string) => boolean = () => true): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (include(bank.competencyFile)) {
    for (const c of bank.competencies) {
      const out = new Collector(bank.competencyFile, `competency ${c.id}`);
      checkCompetency(out, c);
      problems.push(...out.problems);
    }
  }
  for (const q of bank.questions) {
    const file = bank.questionFile[q.id];
    if (!include(file)) continue;
    const out = new Collector(file, `question ${q.id}`);
    checkQuestion(out, q);
    problems.push(...out.problems);
  }
  return problems;
}
