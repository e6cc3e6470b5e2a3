import type { AssessmentView, BilingualText } from '@rubricon/contracts';
import type { Lang } from '../i18n';

/** The bank text in the UI language, falling back to the other one when a translation is empty. */
export function pick(text: BilingualText, lang: Lang): string {
  return text[lang] || text[lang === 'zh' ? 'en' : 'zh'];
}

export function competencyLabel(id: string, labels: AssessmentView['competencyLabels'], lang: Lang): string {
  const label = labels[id];
  return label ? pick(label, lang) : id;
}

export function formatDate(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Q1..Qn in the order the candidate meets them: section by section, as the view lists them. */
export function questionNumbers(view: AssessmentView): Map<string, number> {
  return new Map(view.sections.flatMap((s) => s.questions).map((q, i) => [q.id, i + 1]));
}
