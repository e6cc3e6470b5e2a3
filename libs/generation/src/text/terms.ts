import * as jieba from 'jieba-wasm';

// Words that appear in every posting and question and say nothing about the skill.
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...['负责', '参与', '进行', '相关', '工作', '能力', '熟悉', '具有', '具备', '以上', '以及', '我们', '你的', '如何'],
  ...['根据', '完成', '提供', '支持', '推动', '相应', '良好', '较强', '优先', '经验', '要求', '问题', '一个', '如果'],
  ...[
    '包括',
    '不限于',
    '限于',
    '不限',
    '开展',
    '组织',
    '协助',
    '配合',
    '确保',
    '保障',
    '推进',
    '结合',
    '做好',
    '各类',
    '等等',
    '持续',
  ],
  // Duty-line boilerplate: every posting says it, so it tells one question from another by chance only.
  ...['技术', '应用', '开发', '智能', '规划', '建设', '管理', '优化', '提升', '实现', '落地', '实施', '系统', '平台'],
  ...['业务', '核心', '重点', '创新', '发展', '基础', '稳定', '运行', '解决', '部门', '人工', '体系', '方案', '设计'],
  ...['公司', '流程', '全流程', '日常', '高效', '关键', '前沿', '业界', '跟踪', '跟进', '探索', '研发', '构建', '支撑'],
  ...['引入', '合适', '实际', '服务', '整体', '其他', '其它', '高质量', '持续', '不断', '深入', '加强', '扩大', '迭代'],
  ...['the', 'and', 'of', 'to', 'in', 'for', 'with', 'on', 'is', 'are', 'be', 'an', 'as', 'by', 'or', 'at', 'it'],
  ...['you', 'your', 'we', 'our', 'this', 'that', 'from', 'have', 'has', 'will', 'can', 'such', 'etc', 'other'],
  ...['responsible', 'experience', 'ability', 'familiar', 'related', 'work', 'including', 'what', 'how', 'would'],
  ...['they', 'their', 'them', 'which', 'who', 'when', 'where', 'into', 'about', 'than', 'then', 'also', 'each'],
  ...['development', 'develop', 'system', 'product', 'technical', 'technology', 'business', 'process', 'complete'],
  ...['ensure', 'support', 'participate', 'assist', 'drive', 'help', 'take', 'make', 'across', 'within', 'using'],
]);

/**
 * English plural folding, so "agents" meets "agent" and "policies" meets "policy". Deliberately
 * no more than that: a stemmer that cuts "-ing" makes "pricing" and "price" one word but also
 * "string" and "str".
 */
export function foldPlural(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const NOT_CJK = /[^\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9][a-z0-9+#]*/g;

/**
 * Content terms of normalised text for relevance: for the Chinese, jieba's search-mode words (a long
 * word and the words inside it, so 反诈分析 also yields 分析) of 2+ characters; for the rest, Latin
 * words of 2+ characters with plurals folded; stopwords dropped. Repeats are kept (term frequency
 * counts). The Latin words are split by a pattern, not by jieba: the same for an English line and the
 * English half of a question, and several times faster on the bank's English text.
 */
export function contentTerms(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  const chinese = text.replace(NOT_CJK, ' ').trim();
  if (chinese) {
    for (const raw of jieba.cut_for_search(chinese, true)) {
      const w = raw.trim();
      if (w.length >= 2 && !STOPWORDS.has(w)) out.push(w);
    }
  }
  for (const [raw] of text.matchAll(LATIN_WORD)) {
    if (raw.length < 2) continue;
    const w = foldPlural(raw);
    if (!STOPWORDS.has(raw) && !STOPWORDS.has(w)) out.push(w);
  }
  return out;
}
