import { JwtService } from '@nestjs/jwt';
import { ApiException } from '../common/api-exception';
import type { UserEntity } from '../users/user.entity';
import type { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { hashPassword } from './password';

describe(AuthService.name, () => {
  const jwt = new JwtService({ secret: 'a test secret that is long enough' });
  let user: UserEntity;
  let auth: AuthService;

  beforeAll(async () => {
    user = {
      id: 'user-1',
      email: 'ada@example.com',
      name: 'Ada',
      role: 'hr',
      passwordHash: await hashPassword('the right password'),
      active: true,
      credentialsChangedAt: new Date('2030-01-01T00:00:00.123Z'),
      createdAt: new Date(),
      updatedAt: new Date(),
    };
  });

  beforeEach(() => {
    const users = { findByEmail: async (email: string) => (email === user.email ? { ...user } : null) };
    auth = new AuthService(users as unknown as UsersService, jwt);
  });

  const refusal = (work: Promise<unknown>) =>
    work.then(
      () => 'signed in',
      (e: unknown) => (e instanceof ApiException ? { code: e.code, status: e.getStatus(), message: e.message } : e),
    );

  it('signs a token with the user, the role and the password stamp', async () => {
    const { accessToken } = await auth.login(user.email, 'the right password');
    expect(await jwt.verifyAsync(accessToken)).toMatchObject({ sub: 'user-1', role: 'hr', pwc: 1893456000123 });
  });

  it('answers a wrong password, an unknown email and a deactivated account alike', async () => {
    const wrongCredentials = { code: 'wrong-credentials', status: 401, message: 'Wrong email or password.' };
    expect(await refusal(auth.login(user.email, 'a wrong password'))).toEqual(wrongCredentials);
    expect(await refusal(auth.login('nobody@example.com', 'the right password'))).toEqual(wrongCredentials);
    user.active = false;
    expect(await refusal(auth.login(user.email, 'the right password'))).toEqual(wrongCredentials);
  });
});
