import type { RoleFamily } from '../bank';
import { normalise } from '../text/normalise';
import type { TaggedLine } from '../tagging/tag-line';

export interface FamilyEvidence {
  /** Title keywords that proposed a family, in rule order. */
  title: Array<{ keyword: string; family: RoleFamily }>;
  /** Competency-tag weight per family from the duty and requirement lines. */
  tags: Partial<Record<RoleFamily, number>>;
  rule: string;
}

export interface RoleFamilyResult {
  family: RoleFamily;
  evidence: FamilyEvidence;
}

// Each rule: title keywords -> family. Earlier rules are more specific and win over later ones.
const TITLE_RULES: Array<{ family: RoleFamily; keywords: RegExp }> = [
  { family: 'solutions', keywords: /解决方案|售前|solutions?[\s-]*(engineer|architect|consultant)|pre-?sales/g },
  { family: 'product', keywords: /产品经理|产品专员|product[\s-]*(manager|owner)/g },
  { family: 'risk', keywords: /风险|风控|反欺诈|反洗钱|\brisk\b|fraud|\baml\b/g },
  {
    family: 'business',
    keywords:
      /业务经理|市场|销售|客户成功|客户经理|商务|business\s*(manager|development)|marketing|sales|customer[\s-]*success|account\s*manager/g,
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
  { family: 'developer', keywords: /开发|工程师|程序员|developer|engineer|programmer|\bdev\b/g },
];

// What a competency group says about the family of a role.
const GROUP_FAMILY: Record<string, RoleFamily> = {
  SE: 'developer',
  INF: 'operations',
  DATA: 'data',
  AI: 'ai',
  ARCH: 'architecture',
  DOM: 'business',
  RISK: 'risk',
  AUD: 'product',
  PM: 'product',
  BIZ: 'business',
  MGT: 'management',
};
const COMPETENCY_FAMILY: Record<string, RoleFamily> = {
  'BIZ.SOLUTION': 'solutions',
  'INF.CLOUD': 'developer',
  'INF.CONTAINER': 'developer',
  'RISK.MODEL': 'ai',
};

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

/**
 * Title keywords dominate; the developer rule yields to ai / data / architecture keywords in the same
 * title; several non-developer title families (AI风险应用) or none at all are settled by the tags.
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
  if (families.length === 0) {
    const all = Object.keys(tags).sort() as RoleFamily[];
    const family = all.length ? bestByTags(all, tags) : 'developer';
    return {
      family,
      evidence: {
        title: hits,
        tags,
        rule: all.length ? 'no title keyword: strongest tags' : 'no evidence: default developer',
      },
    };
  }
  if (specific.length === 1) {
    return { family: specific[0], evidence: { title: hits, tags, rule: `title keyword -> ${specific[0]}` } };
  }
  if (specific.length === 0)
    return { family: 'developer', evidence: { title: hits, tags, rule: 'title keyword -> developer' } };
  const family = bestByTags(specific, tags);
  return {
    family,
    evidence: { title: hits, tags, rule: `title keywords ${specific.join('/')}: tags decide -> ${family}` },
  };
}
