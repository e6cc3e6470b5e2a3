import type { QuestionBank, QuestionKind, Text } from '../bank';
import { blueprintFor } from '../blueprint/blueprints';
import { classifyRoleFamily, FAMILY_LABELS } from '../classify/role-family';
import { composeDutyQuestion, isComposed, type ComposedQuestion } from '../compose/compose-question';
import { dutyQuery } from '../relevance/duty-match';
import { lineShares } from '../select/relevance';
import { dutyCoverage } from './coverage';
import { selectQuestions, type SelectedQuestion } from '../select/select-questions';
import { detectSeniority } from '../select/seniority';
import { tagLine, TaggedLine } from '../tagging/tag-line';
import { tagPosting } from '../tagging/tag-posting';
import { hasCjk } from '../text/normalise';
import type {
  Assessment,
  GenerateOptions,
  GenerationDetail,
  GenerationResult,
  Lang,
  LineDetail,
  PostingInput,
} from './types';

function lineDetail(line: TaggedLine): LineDetail {
  const out: LineDetail = {
    text: line.text,
    assessable: line.assessable,
    lowConfidence: line.lowConfidence,
    competencies: line.competencies,
  };
  if (line.reason) out.reason = line.reason;
  return out;
}

export function defaultLang(posting: PostingInput): Lang {
  return hasCjk([posting.title, ...posting.duties].join('')) ? 'zh' : 'en';
}

const KIND_LABELS: Record<QuestionKind, Text> = {
  coding: { zh: '编程题', en: 'coding task' },
  case: { zh: '案例题', en: 'case prompt' },
  scenario: { zh: '情景题', en: 'scenario question' },
  behavioral: { zh: '行为面试题', en: 'behavioural question' },
};

const roundUp5 = (n: number) => Math.ceil(n / 5) * 5;

/**
 * Each assessable duty line without a direct question gets one composed from it. Composed
 * questions are behavioural: they take the behavioural slots that were only filled by relevance
 * (and assess no duty line directly) first, then join the section.
 */
function addComposed(
  picked: SelectedQuestion[],
  lines: TaggedLine[],
  bank: QuestionBank,
  difficulty: 1 | 2 | 3,
): { picked: SelectedQuestion[]; composed: ComposedQuestion[] } {
  const before = dutyCoverage(
    lines,
    picked.map((p) => p.question),
    bank,
  );
  const lacking = lines.filter((l, i) => l.assessable && !before.matches[i].some((m) => m.strength === 'direct'));
  if (lacking.length === 0) return { picked, composed: [] };
  const composed = lacking.map((l) => composeDutyQuestion(l, bank, difficulty));
  const directIds = new Set(
    before.matches.flatMap((ms) => ms.filter((m) => m.strength === 'direct').map((m) => m.questionId)),
  );
  // The last replaceable ones go first, so the best-ranked fill question stays longest.
  const replaceable = picked
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.question.kind === 'behavioral' && p.phase === 'fill' && !directIds.has(p.question.id))
    .reverse();
  const out = [...picked];
  const toAppend: SelectedQuestion[] = [];
  composed.forEach((question, n) => {
    const entry: SelectedQuestion = { question, phase: 'composed', familyFallback: false };
    if (n < replaceable.length) out[replaceable[n].i] = entry;
    else toAppend.push(entry);
  });
  // Behavioural questions close the assessment, so appended ones go after the last of them.
  return { picked: [...out, ...toAppend], composed };
}

/**
 * Posting -> assessment with a coverage map. Pure and deterministic: the same posting, bank and
 * options give byte-identical JSON.
 */
export function generateAssessment(
  posting: PostingInput,
  bank: QuestionBank,
  options: GenerateOptions = {},
): GenerationResult {
  const lang = options.lang ?? defaultLang(posting);
  const duties = tagPosting(posting, bank);
  const requirements = posting.requirements.map((r) => tagLine(r, bank));
  const classified = classifyRoleFamily(posting.title, duties, requirements);
  const blueprint = blueprintFor({
    family: classified.family,
    buildsSoftware: classified.buildsSoftware.value,
    secondary: classified.secondary,
  });
  // Only the blueprint knows whether the second family added a question, so its reason is added here.
  const family =
    blueprint.secondaryKind && classified.secondary
      ? {
          ...classified,
          reasons: [
            ...classified.reasons,
            {
              zh: `职位也涉及${FAMILY_LABELS[classified.secondary].zh}，因此加一道${KIND_LABELS[blueprint.secondaryKind].zh}。`,
              en: `The role also has a ${FAMILY_LABELS[classified.secondary].en} side, so one ${KIND_LABELS[blueprint.secondaryKind].en} is added.`,
            },
          ],
        }
      : classified;
  const seniority = detectSeniority(posting.title, [...posting.duties, ...posting.requirements]);
  const selection = selectQuestions({
    bank,
    blueprint,
    family: family.family,
    difficulty: seniority.difficulty,
    duties: duties.map(dutyQuery),
    requirements: requirements.map(lineShares),
    seed: options.seed,
  });
  const { picked, composed } = addComposed(
    selection.sections.flatMap((s) => s.questions),
    duties,
    bank,
    seniority.difficulty,
  );
  const sections = blueprint.sections
    .map((b) => ({ kind: b.kind, questions: picked.filter((p) => p.question.kind === b.kind) }))
    .filter((s) => s.questions.length > 0);
  const ordered = sections.flatMap((s) => s.questions);
  const questions = ordered.map((p) => p.question);
  const coverage = dutyCoverage(duties, questions, bank);
  const requirementCoverage = dutyCoverage(requirements, questions, bank);
  const questionMinutes = questions.reduce((sum, q) => sum + q.minutes, 0);

  const assessment: Assessment = {
    posting: { title: posting.title, duties: [...posting.duties], requirements: [...posting.requirements] },
    roleFamily: family.family,
    // The time the questions need, rounded up to 5 minutes: the estimate always fits the duration.
    durationMinutes: roundUp5(questionMinutes),
    sections: sections.map((s) => ({
      kind: s.kind,
      questions: s.questions.map(({ question: q }) => ({
        id: q.id,
        title: q.title[lang],
        prompt: q.prompt[lang],
        competencies: [...q.competencies],
        rubric: q.rubric,
        ...(isComposed(q) ? { composedFrom: { ...q.composedFrom } } : {}),
      })),
    })),
    coverage: duties.map((d, i) => ({
      duty: d.text,
      competencies: d.competencies.map((c) => c.id),
      questionIds: coverage.questionIds[i],
      matches: coverage.matches[i].map(({ questionId, strength, words }) => ({ questionId, strength, words })),
    })),
  };

  const detail: GenerationDetail = {
    bankVersion: bank.version,
    seed: options.seed ?? null,
    lang,
    family,
    seniority,
    blueprint,
    duties: duties.map((d, i) => ({
      ...lineDetail(d),
      questionIds: coverage.questionIds[i],
      matches: coverage.matches[i],
    })),
    requirements: requirements.map(lineDetail),
    questions: ordered.map(({ question: q, phase, familyFallback }) => ({
      id: q.id,
      kind: q.kind,
      difficulty: q.difficulty,
      minutes: q.minutes,
      phase,
      familyFallback,
      sourceDuties: duties.filter((_, i) => coverage.questionIds[i].includes(q.id)).map((d) => d.text),
      sourceRequirements: requirements
        .filter((_, i) => requirementCoverage.questionIds[i].includes(q.id))
        .map((r) => r.text),
    })),
    coveragePercent: coverage.coveragePercent,
    directPercent: coverage.directPercent,
    uncoveredDuties: coverage.uncoveredDuties,
    composed,
    questionMinutes,
    unfilled: selection.unfilled,
  };
  return { assessment, detail };
}
