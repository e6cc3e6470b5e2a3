import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, ERRORS } from '@rubricon/contracts';
import { isFinalSaveRefusal, isStaleSave, sessionEndOf } from './save-refusals';

describe('save refusals', () => {
  it('stops retrying for exactly the refusals a retry would meet again', () => {
    const conflicts = ['already-submitted', 'not-started', 'stale-version', 'time-up', 'version-skipped'];
    expect(ERROR_CODES.filter(isFinalSaveRefusal).sort()).toEqual(
      [...conflicts, 'session-ended', 'session-replaced'].sort(),
    );
    // Each is a conflict with the attempt's state, so the REST twin of a save answers it with 409.
    expect(new Set(conflicts.map((code) => ERRORS[code as keyof typeof ERRORS].status))).toEqual(new Set([409]));
  });

  it("ends the page's session for exactly a takeover by another window and an ended link", () => {
    expect(ERROR_CODES.filter((code) => sessionEndOf(code)).sort()).toEqual(['session-ended', 'session-replaced']);
    expect(new Set(ERROR_CODES.filter((code) => sessionEndOf(code)).map((code) => ERRORS[code].status))).toEqual(
      new Set([401]),
    );
  });

  it('rebases only on a save another tab overtook', () => {
    expect(ERROR_CODES.filter(isStaleSave).sort()).toEqual(['stale-version', 'version-skipped']);
    expect(isStaleSave('time-up')).toBe(false);
  });

  it('retries a refusal without a code rather than reading its words', () => {
    expect(isFinalSaveRefusal(undefined)).toBe(false);
    expect(isStaleSave(undefined)).toBe(false);
  });
});
