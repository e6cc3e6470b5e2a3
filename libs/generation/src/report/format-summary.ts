import type { GenerationResult } from '../assessment/types';

/** A readable plain-text summary of one generated assessment, for HR and for checks. */
export function formatSummary(result: GenerationResult, source?: string): string {
  const { assessment: a, detail: d } = result;
  const assessable = d.duties.filter((x) => x.assessable).length;
  const lines = [
    `${a.posting.title}${source ? `  (${source})` : ''}`,
    `  family: ${a.roleFamily} [${d.family.evidence.rule}]`,
    `  minutes: ${a.durationMinutes}  difficulty: ${d.seniority.difficulty}${d.seniority.cues.length ? ` (${d.seniority.cues.join(', ')})` : ''}  seed: ${d.seed ?? 'canonical'}`,
  ];
  for (const s of a.sections) lines.push(`  ${s.kind}: ${s.questions.map((q) => q.id).join(', ')}`);
  for (const u of d.unfilled)
    lines.push(`  ${u.kind}: ${u.missing} slot(s) unfilled (no question shares a competency with the posting)`);
  lines.push(
    `  coverage: ${d.coveragePercent}% of ${assessable} assessable duty line(s); ${d.duties.length - assessable} not assessable`,
  );
  const lowConfidence = d.duties.filter((x) => x.lowConfidence).length;
  if (lowConfidence) lines.push(`  low-confidence tags (BM25 fallback): ${lowConfidence} duty line(s)`);
  for (const u of d.uncoveredDuties) lines.push(`  uncovered: ${u}`);
  return lines.join('\n');
}
