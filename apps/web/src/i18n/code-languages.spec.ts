import { describe, expect, it } from '@jest/globals';
import { CODE_LANGUAGES, type CodeLanguage } from '@rubricon/contracts';
import { codeLanguageLabel, codeLanguageOptions, codeLanguageText } from './code-languages';

describe('code language labels', () => {
  it('names every language of the contracts in both interface languages, Python included', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(Object.keys(codeLanguageText[lang]).sort()).toEqual([...CODE_LANGUAGES].sort());
      for (const language of CODE_LANGUAGES) expect(codeLanguageLabel(language, lang).trim()).not.toBe('');
    }
    expect(codeLanguageLabel('javascript', 'en')).toBe('JavaScript');
    expect(codeLanguageLabel('typescript', 'zh')).toBe('TypeScript');
    expect(codeLanguageLabel('python', 'en')).toBe('Python');
    expect(codeLanguageLabel('python', 'zh')).toBe('Python');
  });

  it('lists the options in the contracts’ order, each with its name', () => {
    expect(codeLanguageOptions('en')).toEqual([
      { value: 'javascript', label: 'JavaScript' },
      { value: 'typescript', label: 'TypeScript' },
      { value: 'python', label: 'Python' },
    ]);
    expect(codeLanguageOptions('zh').map((o) => o.value)).toEqual([...CODE_LANGUAGES]);
  });

  it('shows a language this build does not know by its id rather than nothing', () => {
    expect(codeLanguageLabel('ruby' as CodeLanguage, 'en')).toBe('ruby');
  });
});
