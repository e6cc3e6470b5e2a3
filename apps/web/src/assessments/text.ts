import type { AssessmentView, BilingualText } from '@rubricon/contracts';
import type { Lang } from '../i18n/lang';

/** The bank text in the UI language, falling back to the other one when a translation is empty. */
export function pick(text: BilingualText, lang: Lang): string {
  return text[lang] || text[lang === 'zh' ? 'en' : 'zh'];
}

export function competencyLabel(id: string, labels: AssessmentView['competencyLabels'], lang: Lang): string {
  const label = labels[id];
  return label ? pick(label, lang) : id;
}

/**
 * Q1..Qn in the order the candidate meets them. The server lists the sections in delivery order
 * (the same order the candidate page numbers 1..n), so numbering runs on across sections.
 */
export function questionNumbers(view: AssessmentView): Map<string, number> {
  return new Map(view.sections.flatMap((s) => s.questions).map((q, i) => [q.id, i + 1]));
}
