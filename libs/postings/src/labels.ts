import { endsLikeSentence, displayLength } from './text-utils';
import { toSimplified } from './chinese-script';

export type SectionKind = 'duties' | 'requirements' | 'other';
/** `ignored`: a field the posting does not store (薪资, Job type): reported, never a duty or requirement. */
export type MetaKind = 'title' | 'location' | 'headcount' | 'department' | 'ignored';

const SECTIONS: Record<SectionKind, string[]> = {
  duties: [
    '岗位职责',
    '工作职责',
    '职位职责',
    '职位描述',
    '岗位描述',
    '工作内容',
    '职责描述',
    '主要职责',
    '岗位内容',
    '职责',
    '职责范围',
    'responsibilities',
    'key responsibilities',
    'main responsibilities',
    'your responsibilities',
    'job responsibilities',
    'duties',
    'duties and responsibilities',
    'what you will do',
    "what you'll do",
    "what you'll be doing",
    'what you will be doing',
    'the role',
    'your role',
    'about the role',
    'job description',
    'role description',
    'your mission',
    'roles and responsibilities',
    'role and responsibilities',
    'responsibilities and duties',
    'what you will be working on',
    "what you'll work on",
    'what you will work on',
    'the job',
    'day to day',
    'your day to day',
    'in this role you will',
    'in this role, you will',
    '工作描述',
    '主要工作',
    '工作范围',
    '岗位说明',
    '职位说明',
    '岗位任务',
    '主要工作内容',
    '工作职责及内容',
    '你将负责',
    '你要做的',
    '你要做什么',
    '你的职责',
    '职务内容',
    'responsibilities include',
    'your responsibilities include',
    'duties include',
    'you will',
    "you'll",
    'as a member of the team you will',
  ],
  requirements: [
    '任职要求',
    '任职资格',
    '岗位要求',
    '职位要求',
    '任职条件',
    '应聘要求',
    '资格要求',
    '加分项',
    '优先条件',
    '优先考虑',
    '技能要求',
    'requirements',
    'job requirements',
    'qualifications',
    'minimum qualifications',
    'basic qualifications',
    'preferred qualifications',
    'required qualifications',
    'requirements and qualifications',
    'what we look for',
    'what we are looking for',
    "what we're looking for",
    'who you are',
    'preferred',
    'nice to have',
    'nice-to-have',
    'bonus',
    'bonus points',
    'skills',
    'required skills',
    'skills and experience',
    'you have',
    'about you',
    'must have',
    'must-have',
    'plus',
    'skills and qualifications',
    'qualifications and skills',
    'requirements and skills',
    'skills and requirements',
    'experience and skills',
    'education and experience',
    'technical skills',
    'key skills',
    'preferred skills',
    'what you need',
    "what you'll need",
    'what you will need',
    'what you bring',
    "what you'll bring",
    'who we are looking for',
    'we are looking for',
    'candidate profile',
    'your profile',
    'ideal candidate',
    'the ideal candidate',
    '能力要求',
    '招聘要求',
    '职位资格',
    '岗位资格',
    '任职资格及要求',
    '任职要求及资格',
    '我们希望你',
    '希望你',
    '你需要',
    '优先',
    '加分',
    '专业技能',
    '技能',
    '要求',
    '条件要求',
    '应征条件',
    '应聘条件',
    '入职要求',
    '职位条件',
    '资历要求',
    '基本要求',
    '我们需要你',
    '我们期待你',
    'key requirements',
    'requirements include',
    'requirement',
    'qualification',
  ],
  other: [
    '公司介绍',
    '公司简介',
    '关于我们',
    '福利待遇',
    '薪资福利',
    '我们提供',
    '福利',
    '薪资待遇',
    '投递方式',
    '联系方式',
    '应聘方式',
    'about us',
    'about the company',
    'who we are',
    'benefits',
    'perks',
    'what we offer',
    'how to apply',
    'compensation',
    'salary',
    'perks and benefits',
    '团队介绍',
    'about the team',
    'the team',
    'our team',
    'meet the team',
    '职位亮点',
    '职位福利',
    '公司福利',
    '薪酬福利',
    '薪酬待遇',
    '我们的福利',
    '工作时间',
    '申请方式',
    '简历投递',
    'why join us',
    'why us',
    'our offer',
    'equal opportunity',
    'application process',
  ],
};

/**
 * Headings that describe the role as a whole. They hold the duties when nothing else does, but a
 * posting with both (`职位描述` prose, then `岗位职责`) has its duties under the specific one.
 */
const DESCRIPTIVE_DUTY_LABELS = new Set([
  '职位描述',
  '岗位描述',
  '岗位说明',
  '职位说明',
  'job description',
  'role description',
  'about the role',
  'the role',
  'your role',
  'the job',
]);

/** Words that qualify a heading without changing it: `Key Responsibilities`, `Core Requirements`. */
const QUALIFIERS =
  /^(key|core|main|primary|principal|essential|major|general|your|job|position|basic|required|minimum|our) /;

const META: Record<MetaKind, string[]> = {
  title: ['职位名称', '岗位名称', '职位', '岗位', '招聘岗位', '招聘职位', 'job title', 'position', 'title', 'role'],
  location: [
    '工作地点',
    '工作地址',
    '上班地点',
    '上班地址',
    '地点',
    '办公地点',
    '工作城市',
    'base',
    'location',
    'work location',
    'city',
  ],
  headcount: ['招聘人数', '人数', '需求人数', '招聘名额', 'headcount', 'openings', 'number of openings', 'vacancies'],
  department: ['部门', '所属部门', '用人部门', 'department', 'team'],
  ignored: [
    '薪资',
    '薪酬',
    '工资',
    '月薪',
    '年薪',
    '薪资范围',
    '工作待遇',
    '职能类别',
    '职务类别',
    '职位类别',
    '关键字',
    '关键词',
    '工作性质',
    '发布时间',
    '发布日期',
    '截止日期',
    '更新时间',
    'job type',
    'employment type',
    'pay',
    'salary range',
    'keywords',
    'posted',
    'date posted',
    'schedule',
  ],
};

/** Label → kind, the first kind listing it winning, as a search of the lists in order would. */
function index<K extends string>(table: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const kind of Object.keys(table) as K[])
    for (const label of table[kind]) if (!map.has(label)) map.set(label, kind);
  return map;
}

// Every line of a document is looked up: one map probe, not a scan of a hundred labels.
const SECTION_BY_LABEL = index(SECTIONS);
const META_BY_LABEL = index(META);

/**
 * `一、岗位职责：` / `**Requirements**` / `## What you'll do` / `【崗位職責】` → `岗位职责` /
 * `requirements` / … Traditional characters are converted to simplified for the lookup only.
 */
function normalizeLabel(text: string): string {
  return (
    toSimplified(text)
      // Emoji and symbols dressing up a heading: `🔥岗位职责`, `🚀 What you'll do`, `✅ Requirements`.
      .replace(/^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]+/u, '')
      .replace(/^([（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)/, '')
      .replace(/[【】[\]〔〕「」『』*_#]/g, '')
      .replace(/[’‘`]/g, "'")
      .replace(/[:：]\s*$/, '')
      // Not `\s*&\s*`: it retries every start inside a long run of spaces (quadratic).
      .replace(/\s+/g, ' ')
      .replace(/ ?& ?/g, ' and ')
      .replace(/ {2,}/g, ' ')
      .trim()
      .toLowerCase()
  );
}

export interface LabelMatch {
  section?: SectionKind;
  /** A duties heading that describes the role as a whole (职位描述, Job description). */
  descriptive?: boolean;
  meta?: MetaKind;
  /** Content on the same line after the label (`岗位职责：1、…2、…`), possibly empty. */
  rest: string;
}

/** A section heading by its normalised text, also without qualifiers (`core responsibilities`). */
function sectionByName(label: string): Pick<LabelMatch, 'section' | 'descriptive'> | undefined {
  let key = label;
  for (;;) {
    const section = SECTION_BY_LABEL.get(key);
    if (section) return { section, ...(DESCRIPTIVE_DUTY_LABELS.has(key) ? { descriptive: true } : {}) };
    const shorter = key.replace(QUALIFIERS, '');
    if (shorter === key) return undefined;
    key = shorter;
  }
}

/** `岗位职责（Responsibilities）` → `岗位职责`; `Job Responsibilities 工作职责` → either half. */
const TRANSLATION_IN_PARENS = /\s*[（(][^（()）]+[)）]$/;
const CJK_PART = /[\u3400-\u9fff][\u3400-\u9fff\s]*$/;

/**
 * A section heading by name, also when it carries its translation: headings of bilingual postings
 * (Hong Kong, joint ventures) name the section twice, in brackets or side by side.
 */
function sectionOf(label: string): Pick<LabelMatch, 'section' | 'descriptive'> | undefined {
  const direct = sectionByName(label);
  if (direct) return direct;
  const unbracketed = label.replace(TRANSLATION_IN_PARENS, '');
  if (unbracketed !== label && unbracketed) return sectionByName(unbracketed);
  const cjk = CJK_PART.exec(label);
  if (!cjk || cjk.index === 0) return undefined;
  return sectionByName(label.slice(0, cjk.index).trim()) ?? sectionByName(cjk[0].trim());
}

/** Longest line looked up as a heading: headings are short, and only they are converted. */
const MAX_LABEL_CHARS = 48;

/** Recognises section labels (岗位职责, Requirements, …) and field labels (工作地点：上海). */
export function matchLabel(text: string): LabelMatch | undefined {
  const whole = text.length <= MAX_LABEL_CHARS ? sectionOf(normalizeLabel(text)) : undefined;
  if (whole) return { ...whole, rest: '' };
  const colon = text.search(/[:：]/);
  if (colon <= 0 || colon > MAX_LABEL_CHARS) return undefined;
  const head = normalizeLabel(text.slice(0, colon));
  const rest = text.slice(colon + 1).trim();
  const meta = META_BY_LABEL.get(head);
  // A field value is short (`工作地点：上海`); a long sentence after `Role:` is content.
  if (meta && rest && displayLength(rest) <= 60 && !(meta === 'title' && endsLikeSentence(rest))) {
    return { meta, rest };
  }
  const sectionWithRest = sectionOf(head);
  return sectionWithRest ? { ...sectionWithRest, rest } : undefined;
}
