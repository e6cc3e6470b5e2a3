export type NotAssessableReason = 'generic' | 'education' | 'experience-years';

// Catch-all duties that no question can assess.
// Whoever hands the work over (部门负责人交办的其他审计工作) is part of the catch-all phrase too, and so is a
// word naming the department's own work between 其他 and 工作: the phrase asks for nothing assessable.
const ASSIGNER = '(上级|领导|公司|部门|主管|负责人|经理|团队|直属)';
const GENERIC = [
  new RegExp(
    `(完成|负责|承担)?(${ASSIGNER}的?)*交办的?(其他|其它)?(相关)?([\\u4e00-\\u9fff]{0,4}?(工作|任务|事项))?`,
    'g',
  ),
  new RegExp(
    `(完成|负责|承担)?(${ASSIGNER}的?)*(安排|布置|指派|分配)的(其他|其它)(相关)?([\\u4e00-\\u9fff]{0,4}?(工作|任务|事项))?`,
    'g',
  ),
  /(其他|其它)(相关)?[\u4e00-\u9fff]{0,4}?(工作|任务|事项)/g,
  /(perform |and )?other (related )?(duties|tasks|work|responsibilities)( as (assigned|required|needed|directed))?( by [a-z ]+)?/g,
  /as (assigned|required|directed) by (the |your )?(manager|management|supervisor|leader)s?/g,
];
// A clause about schooling, degree or major: never a skill to assess.
const EDUCATION =
  /(学历|学位|本科|硕士|博士|研究生|大专|毕业|专业背景|相关专业|[类科]专业|bachelor|master'?s|\bdegree\b|education|ph\.?d|diploma|\bmajors?\b)/;
// Years-of-experience phrases; what is left of the clause (the domain) still counts.
const YEARS = [
  /(具有|具备|拥有|有)?\d{1,2}\s*(\+|[-~至]\s*\d{1,2}\s*)?年(及|或)?(以上)?(的)?/g,
  /(more than|at least|over|minimum of|min\.?)?\s*\d{1,2}\s*\+?\s*(-\s*\d+\s*)?years?('s?)?( of)?/g,
];

const CLAUSE_SPLIT = /[，；;。！？:：]|[,.](?=\s|$)/;

export interface FilteredLine {
  /** The line with education clauses, years phrases and catch-all phrases removed. */
  text: string;
  reasons: NotAssessableReason[];
}

function strip(clause: string, patterns: RegExp[]): string {
  return patterns.reduce((s, re) => s.replace(re, ' '), clause);
}

export function filterLine(normalised: string): FilteredLine {
  const reasons = new Set<NotAssessableReason>();
  const kept: string[] = [];
  for (const clause of normalised.split(CLAUSE_SPLIT)) {
    if (EDUCATION.test(clause)) {
      reasons.add('education');
      continue;
    }
    const noGeneric = strip(clause, GENERIC);
    if (noGeneric !== clause) reasons.add('generic');
    const noYears = strip(noGeneric, YEARS);
    if (noYears !== noGeneric) reasons.add('experience-years');
    if (noYears.trim()) kept.push(noYears.trim());
  }
  const order: NotAssessableReason[] = ['generic', 'education', 'experience-years'];
  return { text: kept.join(' , '), reasons: order.filter((r) => reasons.has(r)) };
}
