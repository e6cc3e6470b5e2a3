import type { QuestionBank } from '../bank';
import { normalise } from '../text/normalise';
import { bm25Best } from './bm25';
import { buildDictionary } from './dictionary';
import { filterLine, NotAssessableReason } from './line-filters';
import { matchTerms } from './match-terms';

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

function sortTags(tags: Map<string, CompetencyTag>): CompetencyTag[] {
  return [...tags.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** Tags one duty or requirement line with competencies (see DESIGN.md, Generation step 2). */
export function tagLine(text: string, bank: QuestionBank): TaggedLine {
  const dict = buildDictionary(bank);
  const filtered = filterLine(normalise(text));
  const tags = new Map<string, CompetencyTag>();
  for (const m of matchTerms(filtered.text, dict)) {
    for (const id of m.competencies) {
      const tag = tags.get(id) ?? { id, score: 0, evidence: [] };
      tag.score += 1;
      if (!tag.evidence.includes(m.term)) tag.evidence.push(m.term);
      tags.set(id, tag);
    }
  }
  if (tags.size > 0) return { text, assessable: true, lowConfidence: false, competencies: sortTags(tags) };
  if (filtered.reasons.length > 0 || !filtered.text.trim()) {
    return {
      text,
      assessable: false,
      reason: filtered.reasons[0] ?? 'generic',
      lowConfidence: false,
      competencies: [],
    };
  }
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
