import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime } from './format';

describe('formatDateTime', () => {
  const at = '2026-12-02T12:30:15Z'; // noon UTC: the same day in nearly every time zone

  it('names the month in English, never a bare 02/12/2026, and writes Chinese dates the Chinese way', () => {
    expect(formatDate('en', at)).toMatch(/^2 Dec 2026$/);
    expect(formatDate('zh', at)).toBe('2026年12月2日');
    expect(formatDateTime('en', at)).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('adds seconds only when asked, for timelines', () => {
    expect(formatDateTime('en', at)).not.toMatch(/:\d{2}:\d{2}/);
    expect(formatDateTime('en', at, { seconds: true })).toMatch(/:\d{2}:15/);
  });

  it('leaves a missing date empty', () => {
    expect(formatDateTime('zh', null)).toBe('');
  });
});
