import { describe, expect, it } from '@jest/globals';
import {
  CANDIDATE_ERROR_CODES,
  MAX_ANSWER_BYTES,
  MAX_HIDDEN_RUNS_PER_QUESTION,
  MAX_SOCKETS_PER_ATTEMPT,
} from '@rubricon/contracts';
import { errorTexts, localizedError } from './error-messages';

describe('candidate error texts', () => {
  it('has an English and a Chinese text for every code, and the Chinese one is Chinese', () => {
    for (const code of CANDIDATE_ERROR_CODES) {
      const en = errorTexts.en[code];
      const zh = errorTexts.zh[code];
      expect([code, typeof en === 'string' && en.trim().length > 0]).toEqual([code, true]);
      expect([code, typeof zh === 'string' && zh.trim().length > 0]).toEqual([code, true]);
      expect([code, zh]).not.toEqual([code, en]);
      expect([code, /[\u4e00-\u9fff]/.test(zh)]).toEqual([code, true]);
    }
    // Nothing beyond the contract's codes: a text for a code the server never sends is dead.
    expect(Object.keys(errorTexts.en).sort()).toEqual([...CANDIDATE_ERROR_CODES].sort());
    expect(Object.keys(errorTexts.zh).sort()).toEqual([...CANDIDATE_ERROR_CODES].sort());
  });

  it('states limits from the contract constants in both languages', () => {
    for (const texts of [errorTexts.en, errorTexts.zh]) {
      expect(texts['answer-too-long']).toContain(`${MAX_ANSWER_BYTES / 1000} KB`);
      expect(texts['hidden-runs-exhausted']).toContain(String(MAX_HIDDEN_RUNS_PER_QUESTION));
      expect(texts['too-many-tabs']).toContain(String(MAX_SOCKETS_PER_ATTEMPT));
    }
  });

  it("uses the page's text for a known code and the server's message otherwise", () => {
    const used = {
      message: 'This invitation link has already been used. Ask the recruiter to send you a new link.',
      code: 'link-used',
    };
    expect(localizedError(errorTexts.zh, used)).toBe('该邀请链接已被使用。请联系招聘方为您发送新的链接。');
    expect(localizedError(errorTexts.en, used)).toBe(used.message);
    expect(localizedError(errorTexts.zh, { message: 'Something newer.', code: 'a-code-from-a-newer-server' })).toBe(
      'Something newer.',
    );
    expect(localizedError(errorTexts.zh, { message: 'content must be text' })).toBe('content must be text');
    // A code that only looks like a key of the object, never its prototype.
    expect(localizedError(errorTexts.zh, { message: 'plain', code: 'toString' })).toBe('plain');
  });
});
