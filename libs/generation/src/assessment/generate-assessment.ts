import type { QuestionBank } from '../bank';
import { blueprintFor } from '../blueprint/blueprints';
import { classifyRoleFamily } from '../classify/role-family';
import { lineRelevance, lineShares } from '../select/relevance';
import { dutyCoverage } from './coverage';
import { selectQuestions } from '../select/select-questions';
import { detectSeniority } from '../select/seniority';
import { tagLine, TaggedLine } from '../tagging/tag-line';
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
  const duties = posting.duties.map((d) => tagLine(d, bank));
  const requirements = posting.requirements.map((r) => tagLine(r, bank));
  const family = classifyRoleFamily(posting.title, duties, requirements);
  const blueprint = blueprintFor(family.family);
  const seniority = detectSeniority(posting.title, [...posting.duties, ...posting.requirements]);
  const dutyShares = duties.map(lineShares);
  const requirementShares = requirements.map(lineShares);
  const selection = selectQuestions({
    bank,
    blueprint,
    family: family.family,
    difficulty: seniority.difficulty,
    duties: dutyShares,
    requirements: requirementShares,
    seed: options.seed,
  });
  const picked = selection.sections.flatMap((s) => s.questions);
  const dutyLines = duties.map(lineDetail);
  const coverage = dutyCoverage(
    dutyLines,
    picked.map((p) => p.question),
  );

  const assessment: Assessment = {
    posting: { title: posting.title, duties: [...posting.duties], requirements: [...posting.requirements] },
    roleFamily: family.family,
    // An optional section that was not filled does not take time.
    durationMinutes:
      blueprint.totalMinutes -
      blueprint.sections
        .filter((b) => b.optional && !selection.sections.some((s) => s.kind === b.kind))
        .reduce((sum, b) => sum + (b.minutes ?? 0), 0),
    sections: selection.sections.map((s) => ({
      kind: s.kind,
      questions: s.questions.map(({ question: q }) => ({
        id: q.id,
        title: q.title[lang],
        prompt: q.prompt[lang],
        competencies: [...q.competencies],
        rubric: q.rubric,
      })),
    })),
    coverage: duties.map((d, i) => ({
      duty: d.text,
      competencies: d.competencies.map((c) => c.id),
      questionIds: coverage.questionIds[i],
    })),
  };

  const detail: GenerationDetail = {
    bankVersion: bank.version,
    seed: options.seed ?? null,
    lang,
    family,
    seniority,
    blueprint,
    duties: dutyLines.map((d, i) => ({ ...d, questionIds: coverage.questionIds[i] })),
    requirements: requirements.map(lineDetail),
    questions: picked.map(({ question: q, phase, familyFallback }) => ({
      id: q.id,
      kind: q.kind,
      difficulty: q.difficulty,
      minutes: q.minutes,
      phase,
      familyFallback,
      sourceDuties: duties.filter((_, i) => lineRelevance(q, dutyShares[i]) > 0).map((d) => d.text),
      sourceRequirements: requirements.filter((_, i) => lineRelevance(q, requirementShares[i]) > 0).map((r) => r.text),
    })),
    coveragePercent: coverage.coveragePercent,
    uncoveredDuties: coverage.uncoveredDuties,
    unfilled: selection.unfilled,
  };
  return { assessment, detail };
}
