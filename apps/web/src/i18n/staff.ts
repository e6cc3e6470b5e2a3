import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { errorText, type CodedError } from './errors';
import { getLang, subscribeLang, useLang } from './lang';
import { resources } from './resources';

/** The staff app's i18next instance; the language itself lives in lang.ts, shared with the candidate page. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: getLang(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false,
});
subscribeLang(() => void i18n.changeLanguage(getLang()));

export { useTranslation };

/** Words a refusal (an ApiError or any thrown value) in the interface language. */
export function useErrorText(): (error: unknown) => string {
  const [lang] = useLang();
  return (error: unknown) => {
    if (error && typeof error === 'object' && 'message' in error) return errorText(lang, error as CodedError);
    return String(error);
  };
}
