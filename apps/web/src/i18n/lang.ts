import { useSyncExternalStore } from 'react';

/**
 * The interface language, shared by the staff app and the candidate page: kept in localStorage,
 * mirrored on `<html lang>` (so screen readers pick a Chinese voice for Chinese), and observable.
 * No i18n library here: the candidate page stays light.
 */
export type Lang = 'en' | 'zh';

const KEY = 'rubricon.lang';
const listeners = new Set<() => void>();

function initial(): Lang {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: Lang = initial();
document.documentElement.lang = htmlLang(current);

/** The BCP 47 tag for `<html lang>` and for Intl formatting. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = htmlLang(lang);
  for (const listener of listeners) listener();
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language and a setter; re-renders when any part of the page switches language. */
export function useLang(): [Lang, (lang: Lang) => void] {
  return [useSyncExternalStore(subscribeLang, getLang), setLang];
}
