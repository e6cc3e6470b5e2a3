import { CODE_LANGUAGES, type CodeLanguage } from '@rubricon/contracts';
import type { Lang } from './lang';
import type { FeatureText } from './translation';

/**
 * The names of the languages candidates write code in, for every screen that lists or labels one
 * (the candidate's language choice, scheduling, starter code, answers, replays). Free of React and
 * i18next so the light candidate page uses it too. Product names, the same in both languages today,
 * but worded per interface language like every other text; a language the contracts add without a
 * name here fails `tsc`.
 */
const en: Record<CodeLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
};

const zh: Record<CodeLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
};

export const codeLanguageText: FeatureText<Record<CodeLanguage, string>> = { en, zh };

/** A coding language's name in the interface language; an id this build does not know shows as itself. */
export function codeLanguageLabel(language: CodeLanguage, lang: Lang): string {
  return codeLanguageText[lang][language] ?? language;
}

/** Every coding language, in the contracts' order, as the options of a select or radio group. */
export function codeLanguageOptions(lang: Lang): { value: CodeLanguage; label: string }[] {
  return CODE_LANGUAGES.map((value) => ({ value, label: codeLanguageLabel(value, lang) }));
}
