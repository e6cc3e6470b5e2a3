import type { QuestionBank } from '../bank';
import { normalise } from '../text/normalise';
import { queryTerms } from '../relevance/content-index';
import { bm25Best } from './bm25';
import { contentSupport } from './content-support';
import { isContextMention } from './context';
import { buildDictionary } from './dictionary';
import { filterLine, NotAssessableReason } from './line-filters';
import { matchTerms, type TermMatch } from './match-terms';

export interface CompetencyTag {
  id: string;
  score: number;
  /** The matched synonyms, or `bm25:<question id>` for a fallback tag. */
  evidence: string[];
}

export interface TaggedLine {
  text: string;
  assessable: boolean;
  reason?: NotAssessableReason;
  /** True when the tags come from the BM25 fallback rather than the synonym dictionary. */
  lowConfidence: boolean;
  /** Highest score first, then by id. */
  competencies: CompetencyTag[];
}

// A fallback question's first competency is the one it centres on; later ones count less.
const FALLBACK_WEIGHTS = [0.6, 0.4, 0.3, 0.2, 0.2];
// Passing mentions. A competency a line names much less often than its strongest one is usually
// named in passing (SQL in a reporting line that lists 可视化、报表、报表): below MIN_SHARE of the top
// score a tag is dropped, and up to CLOSE_SHARE (once beside twice) it stays only when the bank's
// questions on it match the line at least MIN_SUPPORT_SHARE as well as those on the best-matched
// tag (content-support.ts). Core skills (communicating, writing, learning) are another side of the
// line, not rivals of its domain skills, and always stay. Tuned on the dev split of the labelled
// postings (see evaluate-tagging.ts).
const MIN_SHARE = 0.5;
const CLOSE_SHARE = 0.6;
const MIN_SUPPORT_SHARE = 0.5;

/** Communicating, writing, learning: how any work is done, not what it is about. */
function coreSkill(bank: QuestionBank, id: string): boolean {
  return bank.competencyById[id]?.group === 'CORE';
}

function sortTags(tags: Map<string, CompetencyTag>): CompetencyTag[] {
  return [...tags.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** Dictionary tags of a filtered line, strongest first, without passing mentions. */
function dictionaryTags(filtered: string, bank: QuestionBank): CompetencyTag[] {
  const matches = matchTerms(filtered, buildDictionary(bank));
  // Mentions of the line's setting (a team, an enumerated subject) count only when nothing else does.
  // A core skill (协调, communicate) is a way of working with that setting, never the setting itself.
  const setting = (m: TermMatch) =>
    !m.competencies.some((id) => coreSkill(bank, id)) && isContextMention(filtered, m.end);
  const skills = matches.filter((m) => !setting(m));
  const tags = new Map<string, CompetencyTag>();
  for (const m of skills.length ? skills : matches) {
    for (const id of m.competencies) {
      const tag = tags.get(id) ?? { id, score: 0, evidence: [] };
      tag.score += 1;
      if (!tag.evidence.includes(m.term)) tag.evidence.push(m.term);
      tags.set(id, tag);
    }
  }
  return withoutPassingMentions(sortTags(tags), filtered, bank);
}

/** `tags` strongest first, without the ones the line names only in passing (see MIN_SHARE). */
function withoutPassingMentions(tags: CompetencyTag[], filtered: string, bank: QuestionBank): CompetencyTag[] {
  const top = tags[0]?.score ?? 0;
  const close = (t: CompetencyTag) => coreSkill(bank, t.id) || t.score >= CLOSE_SHARE * top;
  const weak = tags.filter((t) => !close(t) && t.score >= MIN_SHARE * top);
  if (weak.length === 0) return tags.filter(close);
  const terms = queryTerms(filtered);
  const support = new Map(tags.map((t) => [t.id, contentSupport(terms, t.id, bank)]));
  const best = Math.max(...support.values());
  const supported = new Set(weak.filter((t) => best > 0 && support.get(t.id)! >= MIN_SUPPORT_SHARE * best));
  return tags.filter((t) => close(t) || supported.has(t));
}

/** Tags one duty or requirement line with competencies (see DESIGN.md, Generation step 2). */
export function tagLine(text: string, bank: QuestionBank): TaggedLine {
  const filtered = filterLine(normalise(text));
  const found = dictionaryTags(filtered.text, bank);
  if (found.length > 0) return { text, assessable: true, lowConfidence: false, competencies: found };
  if (filtered.reasons.length > 0 || !filtered.text.trim()) {
    return {
      text,
      assessable: false,
      reason: filtered.reasons[0] ?? 'generic',
      lowConfidence: false,
      competencies: [],
    };
  }
  const tags = new Map<string, CompetencyTag>();
  const hit = bm25Best(filtered.text, bank);
  if (hit) {
    hit.competencies.forEach((id, i) => {
      tags.set(id, {
        id,
        score: FALLBACK_WEIGHTS[Math.min(i, FALLBACK_WEIGHTS.length - 1)],
        evidence: [`bm25:${hit.questionId}`],
      });
    });
  }
  return { text, assessable: true, lowConfidence: true, competencies: sortTags(tags) };
}
