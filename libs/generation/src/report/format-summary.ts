import type { GenerationResult } from '../assessment/types';

/** A readable plain-text summary of one generated assessment, for HR and for checks. */
export function formatSummary(result: GenerationResult, source?: string): string {
  const { assessment: a, detail: d } = result;
  const assessable = d.duties.filter((x) => x.assessable).length;
  const lines = [
    `${a.posting.title}${source ? `  (${source})` : ''}`,
    `  family: ${a.roleFamily}${d.family.secondary ? ` (+ ${d.family.secondary})` : ''} [${d.family.evidence.rule}]`,
    ...d.family.reasons.map((r) => `    - ${r[d.lang]}`),
    `  minutes: ${a.durationMinutes}  difficulty: ${d.seniority.difficulty}${d.seniority.cues.length ? ` (${d.seniority.cues.join(', ')})` : ''}  seed: ${d.seed ?? 'canonical'}`,
  ];
  for (const s of a.sections)
    lines.push(`  ${s.kind}: ${s.questions.map((q) => (q.composedFrom ? `${q.id} (composed)` : q.id)).join(', ')}`);
  for (const u of d.unfilled)
    lines.push(`  ${u.kind}: ${u.missing} slot(s) unfilled (no question shares a competency with the posting)`);
  lines.push(
    `  coverage: ${d.coveragePercent}% of ${assessable} assessable duty line(s), ${d.directPercent}% directly; ${d.duties.length - assessable} not assessable`,
  );
  if (d.composed.length) lines.push(`  composed from duty lines (review them): ${d.composed.length} question(s)`);
  // Why each question: the duty lines it assesses directly, with the words they share.
  for (const [i, line] of d.duties.entries()) {
    const direct = line.matches.filter((m) => m.strength === 'direct');
    if (!direct.length) continue;
    const why = direct.map((m) => `${m.questionId} [${m.words.slice(0, 4).join(', ')}]`).join('; ');
    lines.push(`  duty ${i + 1}: ${why}`);
  }
  const lowConfidence = d.duties.filter((x) => x.lowConfidence).length;
  if (lowConfidence) lines.push(`  low-confidence tags (BM25 fallback): ${lowConfidence} duty line(s)`);
  for (const u of d.uncoveredDuties) lines.push(`  uncovered: ${u}`);
  return lines.join('\n');
}
