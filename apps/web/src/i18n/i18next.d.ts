import 'i18next';
import type { Resources } from './resources';

// Typed keys: t('postings:import.title') compiles only if the English resource has it, and the
// Chinese resource must have every English key (Translation<T> in translation.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
