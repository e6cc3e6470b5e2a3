import { credentialsStamp, tokenPredatesPassword } from './users.service';

const changedAt = (iso: string | null) => ({ credentialsChangedAt: iso ? new Date(iso) : null });

describe(tokenPredatesPassword.name, () => {
  const user = changedAt('2030-01-01T00:00:10.400Z');

  it('accepts only a token stamped with the current password, to the millisecond', () => {
    expect(tokenPredatesPassword(user, credentialsStamp(user))).toBe(false);
    expect(tokenPredatesPassword(user, Date.parse('2030-01-01T00:00:10.399Z'))).toBe(true);
    expect(tokenPredatesPassword(user, Date.parse('2030-01-01T00:00:10.401Z'))).toBe(true);
  });

  it('refuses a token without a stamp (signed before stamps existed) once the password has a change time', () => {
    expect(tokenPredatesPassword(user, undefined)).toBe(true);
    expect(tokenPredatesPassword(user, '1893456010400')).toBe(true);
  });

  it('accepts every token of an account whose change time was never recorded', () => {
    expect(tokenPredatesPassword(changedAt(null), undefined)).toBe(false);
    expect(credentialsStamp(changedAt(null))).toBe(0);
  });
});
