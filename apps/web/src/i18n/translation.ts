/**
 * The shape a second language must fill: every key of the English resource, each a string. A key
 * missing in Chinese (or one Chinese has and English lacks) is a type error.
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** One feature's resource in both languages. */
export interface FeatureText<T> {
  en: T;
  zh: Translation<T>;
}
