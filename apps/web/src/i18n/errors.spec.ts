import { describe, expect, it } from '@jest/globals';
import {
  ERROR_CODES,
  ERRORS,
  MAX_ANSWER_BYTES,
  MAX_HIDDEN_RUNS_PER_QUESTION,
  MAX_SOCKETS_PER_ATTEMPT,
} from '@rubricon/contracts';
import { errorText, errorTexts } from './errors';

/** Placeholders the client words itself: contract constants, or facts the page already shows. */
const CLIENT_WORDED = new Set([
  'depth',
  'max',
  'kb',
  'count',
  'kind',
  'known',
  'event',
  'what',
  'date',
  'saved',
  'next',
]);
/** Codes whose param the page leaves out: English detail not for people (a route, a queue's state), an internal id. */
const PARAM_DROPPED = new Set(['not-found', 'run-in-progress', 'sandbox-busy', 'question-unknown', 'update-invalid']);

describe('error texts', () => {
  it('words every code of the contracts in English and in Chinese, and the Chinese is Chinese', () => {
    for (const code of ERROR_CODES) {
      const en = errorTexts.en[code];
      const zh = errorTexts.zh[code];
      expect([code, typeof en === 'string' && en.trim().length > 0]).toEqual([code, true]);
      expect([code, typeof zh === 'string' && /[\u4e00-\u9fff]/.test(zh)]).toEqual([code, true]);
    }
    expect(Object.keys(errorTexts.en).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(errorTexts.zh).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('uses in both languages every placeholder the English server message names, except those the client words itself', () => {
    for (const code of ERROR_CODES) {
      const named = [...ERRORS[code].message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of named) {
        if (CLIENT_WORDED.has(name) || PARAM_DROPPED.has(code)) continue;
        expect([code, errorTexts.en[code].includes(`{${name}}`)]).toEqual([code, true]);
        expect([code, errorTexts.zh[code].includes(`{${name}}`)]).toEqual([code, true]);
      }
    }
  });

  it('states limits from the contract constants in both languages', () => {
    for (const texts of [errorTexts.en, errorTexts.zh]) {
      expect(texts['answer-too-long']).toContain(`${MAX_ANSWER_BYTES / 1000} KB`);
      expect(texts['hidden-runs-exhausted']).toContain(String(MAX_HIDDEN_RUNS_PER_QUESTION));
      expect(texts['too-many-tabs']).toContain(String(MAX_SOCKETS_PER_ATTEMPT));
    }
  });

  it("words a candidate's refusal in the page's language, never in the server's English", () => {
    const used = {
      message: 'This invitation link has already been used. Ask the recruiter to send you a new link.',
      code: 'link-used',
    };
    expect(errorText('zh', used)).toBe('该邀请链接已被使用。请联系招聘方为您发送新的链接。');
    expect(errorText('en', used)).toBe(used.message);
    expect(errorText('zh', { message: 'content must be text' })).toBe('content must be text');
  });

  it('fills placeholders from params and falls back to the server message for an unknown code', () => {
    expect(errorText('zh', { message: 'x', code: 'email-taken', params: { email: 'a@b.cn' } })).toBe(
      '邮箱为 a@b.cn 的用户已存在。',
    );
    expect(errorText('en', { message: 'Something newer.', code: 'a-code-from-a-newer-server' })).toBe(
      'Something newer.',
    );
    expect(errorText('zh', { message: 'plain', code: 'toString' })).toBe('plain');
    expect(errorText('zh', { message: 'x', code: 'role-required' })).toContain('{roles}');
  });
});
