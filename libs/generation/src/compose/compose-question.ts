import { createHash } from 'node:crypto';
import { ROLE_FAMILIES, type Question, type QuestionBank, type RubricCriterion, type Text } from '../bank';
import type { TaggedLine } from '../tagging/tag-line';
import { normalise } from '../text/normalise';

export type ComposedQuestion = Extract<Question, { kind: 'behavioral' }> & { composedFrom: { duty: string } };

/** Whether a question was composed by the generator from a duty line rather than taken from the bank. */
export function isComposed(q: Question): q is ComposedQuestion {
  return q.kind === 'behavioral' && q.composedFrom !== undefined;
}

// A structured-interview question answered in writing or aloud: about the time a behavioural one takes.
const COMPOSED_MINUTES = 10;
// When a line names no competency, the question still asks how the candidate owned such work.
const FALLBACK_COMPETENCY = 'CORE.OWN';
const TITLE_CHARS = 28;

/**
 * The subject of a duty line in a few words: its own heading ("新技术探索与 POC 验证：…") when it has
 * one, else the line without its leading verb (负责, Responsible for) and trailing 等工作 / etc.
 */
export function dutySubject(duty: string): { subject: string; short: string } {
  const text = duty
    .replace(/^\s*(\(?\d{1,2}[).、．.]|[一二三四五六七八九十]+[、.．]|[-*•·])\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const heading = /^([^：:。；;]{2,24})[：:]\s*\S/.exec(text)?.[1];
  const body = text
    .replace(/^(负责|参与|协助|配合|牵头|主导|组织|开展)+(相关的?)?/, '')
    .replace(/^(responsible for|participate in|assist (with|in)|support|lead|own)\s+/i, '')
    .replace(/(等相关|等)?(工作|事项|事宜)?[。；;.!！]*$/, '')
    .trim();
  const subject = body || text;
  const first = subject.split(/[，,；;。]/)[0].trim();
  const base = heading ?? first;
  const short = Array.from(base).length > TITLE_CHARS ? `${Array.from(base).slice(0, TITLE_CHARS).join('')}…` : base;
  return { subject, short };
}

function criterionId(competencyId: string): string {
  return `competency-${competencyId.toLowerCase().replace(/\./g, '-')}`;
}

function competencyCriterion(bank: QuestionBank, id: string, weight: number): RubricCriterion {
  const c = bank.competencyById[id];
  return {
    id: criterionId(id),
    name: c.label,
    weight,
    anchors: {
      noEvidence: {
        zh: `追问“你本人具体做了什么？”之后，仍没有讲出与“${c.label.zh}”相关的事例或做法。`,
        en: `Even after the probe "What exactly did you do yourself?", no example or approach involving ${c.label.en.toLowerCase()}.`,
      },
      '1': c.anchors['1'],
      '3': c.anchors['3'],
      '5': c.anchors['5'],
    },
  };
}

const EVIDENCE: Omit<RubricCriterion, 'weight'> = {
  id: 'specific-evidence',
  name: { zh: '事例具体、可核实', en: 'Specific, checkable evidence' },
  anchors: {
    noEvidence: {
      zh: '追问“当时的结果用什么衡量？”之后，仍只有泛泛而谈，没有具体情境。',
      en: 'Even after the probe "How was the result measured?", only generalities and no concrete situation.',
    },
    '1': {
      zh: '只讲团队大致做了什么，说不出自己的决定和结果。',
      en: 'Describes what the team did in general terms and cannot name own decisions or results.',
    },
    '3': {
      zh: '以下 3 项中至少 2 项：(1) 讲清具体情境和目标；(2) 讲清自己的做法及每一步的理由；(3) 用数字或可观察的变化说明结果。',
      en: 'At least 2 of these 3: (1) states the concrete situation and goal; (2) states own actions with the reason for each; (3) states the result in numbers or an observable change.',
    },
    '5': {
      zh: '用数字把结果与最初目标对照，并指出其中起决定作用的那一个决定。',
      en: 'Compares the result with the original goal in numbers and names the one decision that made the difference.',
    },
  },
};

const REFLECTION: Omit<RubricCriterion, 'weight'> = {
  id: 'reflection',
  name: { zh: '复盘与改进', en: 'Reflection and improvement' },
  anchors: {
    noEvidence: {
      zh: '追问“如果重来一次，你会改变什么？”之后，仍没有谈到任何不足或改进。',
      en: 'Even after the probe "What would you change if you did it again?", names no shortcoming or improvement.',
    },
    '1': {
      zh: '把不顺利的地方都归因于别人或客观条件。',
      en: 'Blames other people or circumstances for whatever went wrong.',
    },
    '3': {
      zh: '以下 3 项中至少 2 项：(1) 指出做得不好的地方；(2) 说明下次会怎么做；(3) 说出学到并在之后用上的东西。',
      en: 'At least 2 of these 3: (1) names what did not go well; (2) says what they would do differently; (3) names a lesson they applied later.',
    },
    '5': {
      zh: '说明这次的教训如何改变了自己或团队之后的做法，并举出后来的例子。',
      en: 'Shows with a later example how a lesson from this work changed the way they or their team worked.',
    },
  },
};

/**
 * A structured-interview question composed from a duty line the bank has no direct question for:
 * a past-behaviour question about the line ("tell us about a time…") with a situational form for
 * a candidate who has not done such work ("suppose you are responsible for…"), follow-up probes for
 * both, and a rubric built from the line's competencies' anchored levels. Marked `composedFrom` so HR
 * reviews it. Deterministic: the same line gives the same question, id included.
 */
export function composeDutyQuestion(line: TaggedLine, bank: QuestionBank, difficulty: 1 | 2 | 3): ComposedQuestion {
  const duty = line.text.trim();
  const { subject, short } = dutySubject(duty);
  const known = line.competencies.map((c) => c.id).filter((id) => bank.competencyById[id]);
  // A bank without the ownership competency (a test bank) falls back to its first CORE one, or any.
  const fallback =
    [FALLBACK_COMPETENCY, ...bank.competencies.filter((c) => c.group === 'CORE').map((c) => c.id)].find(
      (id) => bank.competencyById[id],
    ) ?? bank.competencies[0].id;
  const competencies = known.length ? known.slice(0, 2) : [fallback];
  const competencyWeights = competencies.length === 2 ? [0.3, 0.3] : [0.5];
  const rest = competencies.length === 2 ? 0.2 : 0.25;
  const rubric: RubricCriterion[] = [
    ...competencies.map((id, i) => competencyCriterion(bank, id, competencyWeights[i])),
    { ...EVIDENCE, weight: rest },
    { ...REFLECTION, weight: rest },
  ];
  const quoted: Text = { zh: `“${subject}”`, en: `"${subject}"` };
  const probes: Text[] = [
    {
      zh: '你本人具体做了什么？其中哪一个决定最关键，为什么？',
      en: 'What exactly did you do yourself? Which decision mattered most, and why?',
    },
    {
      zh: '当时的结果用什么衡量？和最初的目标相比如何？',
      en: 'How was the result measured, and how did it compare with the goal?',
    },
    {
      zh: '如果重来一次，你会改变什么？',
      en: 'What would you change if you did it again?',
    },
  ];
  return {
    id: `behavioral.duty-${createHash('sha256').update(normalise(duty)).digest('hex').slice(0, 10)}`,
    kind: 'behavioral',
    title: { zh: `岗位职责：${short}`, en: `From the duties: ${short}` },
    prompt: {
      zh: [
        '这道题来自本职位的一条工作职责：',
        '',
        `> ${duty}`,
        '',
        `请讲一次你亲身负责过${quoted.zh}或与之相近工作的经历：当时的情境和目标是什么？你具体做了什么、为什么这样做？结果如何（尽量用数字说明）？`,
        '',
        `如果你还没有做过这类工作：假设你入职后负责${quoted.zh}，请说明前 90 天你会如何开展——先了解什么、先做什么，以及如何判断做得好不好。`,
      ].join('\n'),
      en: [
        'This question comes from one of the duties of this role:',
        '',
        `> ${duty}`,
        '',
        `Tell us about a time you were responsible for ${quoted.en} or similar work: what was the situation and the goal, what did you do and why, and what was the result (in numbers where you can)?`,
        '',
        `If you have not done such work yet: suppose you are responsible for ${quoted.en} from your first day here. How would you go about it in the first 90 days: what would you find out first, what would you do first, and how would you tell whether it is going well?`,
      ].join('\n'),
    },
    competencies,
    roleFamilies: [...ROLE_FAMILIES],
    difficulty,
    minutes: COMPOSED_MINUTES,
    rubric,
    probes,
    style: 'past',
    composedFrom: { duty },
  };
}
