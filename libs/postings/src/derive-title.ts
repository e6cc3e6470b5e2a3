import { CJK, firstGraphemes } from './text-utils';

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'our', 'its', 'their', 'all', 'new', 'various', 'related']);
const ROLE_NOUNS =
  /(engineer|developer|manager|analyst|administrator|architect|scientist|designer|specialist|lead)s?$/i;
const SUFFIXES: Array<[RegExp, string]> = [
  [/\b(customer|client|account|partner)s?\b/i, 'Manager'],
  [/\b(product|project|programme|program)s?\b/i, 'Manager'],
  [/\b(settlement|reconciliation|finance|financial|risk|report|reporting)s?\b/i, 'Analyst'],
  [/\b(database|databases|dba)\b/i, 'Administrator'],
];

function singular(word: string): string {
  if (/^[A-Z0-9]+s?$/.test(word) && word.length <= 5) return word.replace(/s$/, '');
  if (/ies$/i.test(word)) return word.replace(/ies$/i, 'y');
  if (/(ss|us|is)$/i.test(word)) return word;
  return word.replace(/s$/i, '');
}

function titleCase(word: string): string {
  return /[A-Z]/.test(word.slice(1)) ? word : word[0].toUpperCase() + word.slice(1);
}

/**
 * The noun phrase a duty line is about: in "Responsible for the research and implementation of AI
 * algorithms (such as …)" it is "AI algorithms", taken after the last `of`/`for`/`on` of the first
 * clause, at most three words.
 */
function subjectPhrase(duty: string): string[] {
  const clause = duty.split(/[,;:(（，；]/)[0];
  const parts = clause.split(/\b(?:of|for|on|with)\b/i);
  const tail = (parts.length > 1 ? parts[parts.length - 1] : clause.split(/\s+/).slice(1).join(' ')).split(
    /\b(?:in|to|at|by|across|within|and)\b/i,
  )[0];
  const words = tail.split(/\s+/).filter((w) => /^[A-Za-z][\w+#./-]*$/.test(w) && !STOP.has(w.toLowerCase()));
  return words.slice(-3);
}

/**
 * A title for a posting that has none, built from the role nouns of its first duty lines
 * ("AI Algorithm Engineer", "数据库运维岗位"). Callers add a warning that the title was derived.
 */
export function deriveTitle(duties: string[]): string {
  const first = duties[0] ?? '';
  if (CJK.test(first)) {
    const topic = first.replace(/^(负责|参与|协助|主导|牵头|承担|组织|完成)+/, '').split(/[，,。；;、：:（(的]/)[0];
    return topic ? `${firstGraphemes(topic, 12)}岗位` : '未命名岗位';
  }
  for (const duty of duties.slice(0, 3)) {
    const words = subjectPhrase(duty);
    if (words.length === 0) continue;
    const phrase = [...words.slice(0, -1), singular(words[words.length - 1])].map(titleCase).join(' ');
    if (ROLE_NOUNS.test(phrase)) return phrase;
    const suffix = SUFFIXES.find(([pattern]) => pattern.test(phrase))?.[1] ?? 'Engineer';
    return `${phrase} ${suffix}`;
  }
  return 'Untitled posting';
}
