import { UserEntity } from './user.entity';
import { tokenPredatesPassword } from './users.service';

const changedAt = (iso: string | null) => Object.assign(new UserEntity(), { credentialsChangedAt: iso ? new Date(iso) : null });

describe(tokenPredatesPassword.name, () => {
  const user = changedAt('2030-01-01T00:00:10.400Z');
  const second = Date.parse('2030-01-01T00:00:10Z') / 1000;

  it('refuses tokens from an earlier second than the change, and one without iat', () => {
    expect(tokenPredatesPassword(user, second - 1)).toBe(true);
    expect(tokenPredatesPassword(user, undefined)).toBe(true);
  });

  it('accepts tokens from the second of the change (a sign-in right after it) and later', () => {
    expect(tokenPredatesPassword(user, second)).toBe(false);
    expect(tokenPredatesPassword(user, second + 1)).toBe(false);
  });

  it('accepts every token of an account whose change time was never recorded', () => {
    expect(tokenPredatesPassword(changedAt(null), 0)).toBe(false);
  });
});
