import type { RoleFamily, Text } from '../bank';
import { CODING_FAMILIES } from '../blueprint/blueprints';
import { normalise } from '../text/normalise';
import type { TaggedLine } from '../tagging/tag-line';

export interface FamilyEvidence {
  /** Title keywords that proposed a family, in rule order. */
  title: Array<{ keyword: string; family: RoleFamily }>;
  /** Competency-tag weight per family from the duty and requirement lines. */
  tags: Partial<Record<RoleFamily, number>>;
  rule: string;
}

/** Whether the duties say the person builds software, and the words that say so. */
export interface BuildEvidence {
  value: boolean;
  /** Index of the first duty line that says so. */
  line?: number;
  words?: string[];
}

export interface RoleFamilyResult {
  family: RoleFamily;
  /** A second family the title names (AI风险应用: ai, then risk): it adds one question of its own kind. */
  secondary?: RoleFamily;
  buildsSoftware: BuildEvidence;
  evidence: FamilyEvidence;
  /** Why, in sentences HR reads (family, then coding, then the second family). */
  reasons: Text[];
}

// Each rule: title keywords -> family. Earlier rules are more specific and win over later ones.
const TITLE_RULES: Array<{ family: RoleFamily; keywords: RegExp }> = [
  { family: 'solutions', keywords: /解决方案|售前|solutions?[\s-]*(engineer|architect|consultant)|pre-?sales/g },
  { family: 'product', keywords: /产品经理|产品专员|产品负责人|product[\s-]*(manager|owner)/g },
  {
    family: 'security',
    keywords: /信息安全|网络安全|数据安全|安全工程师|安全运营|安全架构|渗透|security|penetration|\bsoc\b|appsec/g,
  },
  { family: 'compliance', keywords: /合规|内控|审计|\bkyc\b|compliance|audit(or)?|regulatory/g },
  { family: 'risk', keywords: /风险|风控|反欺诈|反洗钱|\brisk\b|fraud|\baml\b/g },
  {
    family: 'business',
    keywords:
      /业务经理|市场|销售|客户成功|客户经理|商务|运营专员|business\s*(manager|development)|marketing|(?<!pre-?)\bsales\b|customer[\s-]*success|account\s*manager/g,
  },
  { family: 'management', keywords: /管理岗|技术管理|工程管理|engineering\s*manager|head\s*of|director/g },
  {
    family: 'operations',
    keywords:
      /网络|运维|dba|数据库管理|系统管理|\bsre\b|network|devops|operations\s*engineer|database\s*administrator|site\s*reliability/g,
  },
  { family: 'architecture', keywords: /架构|architect/g },
  { family: 'ai', keywords: /人工智能|\bai\b|算法|大模型|机器学习|machine\s*learning|\bml\b|\bllm\b|algorithm/g },
  { family: 'data', keywords: /大数据|数据开发|数据工程|数仓|\bdata\b|etl/g },
  { family: 'developer', keywords: /开发|程序员|developer|programmer|\bdev\b/g },
];
// "Engineer" alone says an engineering role, not which: a facilities engineer or a QA engineer is
// settled by the duties' tags, a developer when they say nothing.
const ENGINEER = /工程师|engineer/g;

// What a competency group says about the family of a role.
const GROUP_FAMILY: Record<string, RoleFamily> = {
  SE: 'developer',
  INF: 'operations',
  DATA: 'data',
  AI: 'ai',
  ARCH: 'architecture',
  DOM: 'business',
  RISK: 'risk',
  AUD: 'compliance',
  PM: 'product',
  BIZ: 'business',
  MGT: 'management',
};
const COMPETENCY_FAMILY: Record<string, RoleFamily> = {
  'BIZ.SOLUTION': 'solutions',
  'INF.CLOUD': 'developer',
  'INF.CONTAINER': 'developer',
  'INF.SEC': 'security',
  'SE.SECCODE': 'security',
  'DATA.GOV': 'security',
  'RISK.COMPLY': 'compliance',
  'RISK.AML': 'compliance',
  'RISK.MODEL': 'ai',
};

export const FAMILY_LABELS: Record<RoleFamily, Text> = {
  developer: { zh: '软件开发', en: 'software development' },
  data: { zh: '数据', en: 'data' },
  ai: { zh: '人工智能', en: 'AI' },
  product: { zh: '产品', en: 'product' },
  risk: { zh: '风险', en: 'risk' },
  business: { zh: '业务', en: 'business' },
  architecture: { zh: '架构', en: 'architecture' },
  operations: { zh: '运维与运营', en: 'operations' },
  management: { zh: '管理', en: 'management' },
  solutions: { zh: '解决方案', en: 'solutions' },
  compliance: { zh: '合规', en: 'compliance' },
  security: { zh: '安全', en: 'security' },
};

// Building software: a verb of making and a made thing in one clause. "市场开发" (market development)
// and "develop relationships" make nothing; "开发模型服务接口" and "build an AI platform" do.
const BUILD_VERB =
  /(开发|编码|编写|编程|研发|实现|搭建)|\b(develop|developing|build|building|implement|implementing|code|coding|program|programming|write)\b/;
const BUILT_THING =
  /(系统|平台|接口|代码|模块|服务|应用|工具|程序|软件|功能|框架|流水线|链路|页面|小程序|脚本|算法|模型|组件|后端|前端|客户端|服务端|app)|\b(system|platform|api|apis|code|module|service|application|app|tool|software|feature|framework|pipeline|page|script|algorithm|model|library|sdk|component|backend|frontend)s?\b/;
const NOT_BUILDING =
  /(市场|客户|渠道|业务|商务|人才|团队)(开发|拓展)|\b(develop|build)\w*\s+(the\s+)?(market|relationship|partnership|business|talent|team|strateg)/;
const CLAUSE = /[，,；;。：:！？!?]/;

// Competencies that are themselves building software: a duty line tagged with one from the
// dictionary (not the BM25 fallback) says the role builds, whatever verb it uses ("design APIs").
const BUILD_COMPETENCIES: ReadonlySet<string> = new Set([
  'SE.BACKEND',
  'SE.FRONTEND',
  'SE.MOBILE',
  'SE.API',
  'SE.CONCUR',
  'SE.MIDDLEWARE',
  'DATA.PIPELINE',
  'DATA.BIGDATA',
]);

export function buildEvidence(duties: TaggedLine[]): BuildEvidence {
  for (const [i, line] of duties.entries()) {
    if (!line.assessable) continue;
    const tag = line.lowConfidence ? undefined : line.competencies.find((c) => BUILD_COMPETENCIES.has(c.id));
    if (tag) return { value: true, line: i, words: tag.evidence.slice(0, 2) };
    for (const clause of normalise(line.text).split(CLAUSE)) {
      if (NOT_BUILDING.test(clause)) continue;
      const verb = BUILD_VERB.exec(clause);
      // The thing made is another word than the verb ("code" is both).
      const thing =
        verb &&
        BUILT_THING.exec(
          clause.slice(0, verb.index) + ' '.repeat(verb[0].length) + clause.slice(verb.index + verb[0].length),
        );
      if (verb && thing) return { value: true, line: i, words: [verb[0], thing[0]] };
    }
  }
  return { value: false };
}

function tagWeights(lines: TaggedLine[]): Partial<Record<RoleFamily, number>> {
  const out: Partial<Record<RoleFamily, number>> = {};
  for (const line of lines) {
    for (const tag of line.competencies) {
      const family = COMPETENCY_FAMILY[tag.id] ?? GROUP_FAMILY[tag.id.split('.')[0]];
      if (family) out[family] = Number(((out[family] ?? 0) + tag.score).toFixed(4));
    }
  }
  return out;
}

function bestByTags(candidates: RoleFamily[], tags: Partial<Record<RoleFamily, number>>): RoleFamily {
  // Candidates come in rule order, so a tie keeps the more specific title rule.
  return candidates.reduce((best, f) => ((tags[f] ?? 0) > (tags[best] ?? 0) ? f : best), candidates[0]);
}

const quote = (words: string[]) => ({
  zh: words.map((w) => `“${w}”`).join('、'),
  en: words.map((w) => `"${w}"`).join(', '),
});

/**
 * Title keywords dominate; the developer rule yields to the specialised ones in the same title;
 * several specialised title families (AI风险应用) or none at all are settled by the tags, and the
 * runner-up named in the title becomes the secondary family.
 */
export function classifyRoleFamily(title: string, duties: TaggedLine[], requirements: TaggedLine[]): RoleFamilyResult {
  const t = normalise(title);
  const hits: FamilyEvidence['title'] = [];
  for (const rule of TITLE_RULES) {
    for (const m of t.matchAll(rule.keywords)) hits.push({ keyword: m[0].trim(), family: rule.family });
  }
  // Duties describe the job; requirements count half.
  const tags = tagWeights(duties);
  for (const [f, w] of Object.entries(tagWeights(requirements))) {
    tags[f as RoleFamily] = Number(((tags[f as RoleFamily] ?? 0) + w / 2).toFixed(4));
  }
  const families = [...new Set(hits.map((h) => h.family))];
  const specific = families.filter((f) => f !== 'developer');
  const keywordsOf = (f: RoleFamily) => [...new Set(hits.filter((h) => h.family === f).map((h) => h.keyword))];
  let family: RoleFamily;
  let secondary: RoleFamily | undefined;
  let rule: string;
  let why: Text;
  if (families.length === 0) {
    const all = Object.keys(tags).sort() as RoleFamily[];
    family = all.length ? bestByTags(all, tags) : 'developer';
    const engineer = [...new Set([...t.matchAll(ENGINEER)].map((m) => m[0]))];
    rule = all.length ? 'no title keyword: strongest tags' : 'no evidence: default developer';
    const title = engineer.length
      ? {
          zh: `职位名称中的${quote(engineer).zh}只说明是工程类岗位`,
          en: `The title's ${quote(engineer).en} says only that it is an engineering role`,
        }
      : { zh: '职位名称没有表明类别的词', en: 'The title names no kind of role' };
    why = all.length
      ? {
          zh: `${title.zh}；职责的能力标签最偏向${FAMILY_LABELS[family].zh}（权重 ${tags[family]}），因此按${FAMILY_LABELS[family].zh}岗位出题。`,
          en: `${title.en}; the duties' competency tags lean most to ${FAMILY_LABELS[family].en} (weight ${tags[family]}), so the role is put in the ${FAMILY_LABELS[family].en} family.`,
        }
      : {
          zh: '职位名称和职责都没有表明类别，按软件开发岗位出题，请核对。',
          en: 'Neither the title nor the duties say what kind of role this is; it is treated as a software development role. Please check.',
        };
  } else if (specific.length <= 1) {
    family = specific[0] ?? 'developer';
    rule = `title keyword -> ${family}`;
    const words = quote(keywordsOf(family));
    why = {
      zh: `职位名称中的${words.zh}表明这是${FAMILY_LABELS[family].zh}岗位。`,
      en: `The title's ${words.en} puts the role in the ${FAMILY_LABELS[family].en} family.`,
    };
  } else {
    family = bestByTags(specific, tags);
    secondary = bestByTags(
      specific.filter((f) => f !== family),
      tags,
    );
    rule = `title keywords ${specific.join('/')}: tags decide -> ${family}`;
    const words = quote(specific.flatMap(keywordsOf));
    why = {
      zh: `职位名称中的${words.zh}指向${specific.map((f) => FAMILY_LABELS[f].zh).join('和')}；职责的能力标签更偏向${FAMILY_LABELS[family].zh}（${tags[family] ?? 0} 对 ${tags[secondary] ?? 0}），因此以${FAMILY_LABELS[family].zh}为主。`,
      en: `The title's ${words.en} point to ${specific.map((f) => FAMILY_LABELS[f].en).join(' and ')}; the duties' competency tags lean to ${FAMILY_LABELS[family].en} (${tags[family] ?? 0} against ${tags[secondary] ?? 0}), so the role is put in the ${FAMILY_LABELS[family].en} family.`,
    };
  }

  const build = buildEvidence(duties);
  const reasons: Text[] = [why];
  if (CODING_FAMILIES.has(family)) {
    if (build.value) {
      const words = quote(build.words!);
      reasons.push({
        zh: `职责第 ${build.line! + 1} 条写到${words.zh}，说明要亲自开发软件，因此包含编程题。`,
        en: `Duty line ${build.line! + 1} says ${words.en}: the role builds software, so it gets coding tasks.`,
      });
    } else {
      reasons.push({
        zh: '没有一条职责写到亲自开发软件，因此不出编程题。',
        en: 'No duty line says the person builds software, so there are no coding tasks.',
      });
    }
  } else {
    reasons.push({
      zh: `${FAMILY_LABELS[family].zh}类岗位不出编程题。`,
      en: `Roles in the ${FAMILY_LABELS[family].en} family get no coding tasks.`,
    });
  }
  return {
    family,
    ...(secondary ? { secondary } : {}),
    buildsSoftware: { ...build, value: build.value && CODING_FAMILIES.has(family) },
    evidence: { title: hits, tags, rule },
    reasons,
  };
}
