import { ApiException } from '../common/api-exception';
import { verifyPassword } from '../auth/password';
import type { UserEntity } from './user.entity';
import type { NewUser, UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { fakeAudit } from '../audit/audit.testing';

const audit = fakeAudit();

/** Users in memory, with the unique email the database enforces; hands out copies. */
class FakeUsers {
  readonly stored = new Map<string, UserEntity>();
  saves = 0;

  async transaction<T>(work: (tx: FakeUsers) => Promise<T>): Promise<T> {
    return work(this);
  }
  get database() {
    return undefined;
  }
  async findById(id: string) {
    const user = this.stored.get(id);
    return user ? structuredClone(user) : null;
  }
  async insert(user: NewUser) {
    if ([...this.stored.values()].some((u) => u.email === user.email)) return null;
    const row = {
      ...user,
      id: `user-${this.stored.size + 1}`,
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    this.stored.set(row.id, row);
    return structuredClone(row);
  }
  async save(user: UserEntity) {
    this.saves++;
    this.stored.set(user.id, structuredClone(user));
    return user;
  }
  async hasAdmin() {
    return [...this.stored.values()].some((u) => u.role === 'admin');
  }
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(error)}`);
  return { code: error.code, status: error.getStatus(), message: error.message };
}

describe(UsersService.name, () => {
  let users: FakeUsers;
  let service: UsersService;
  const newUser = { email: 'Ada@Example.com ', name: ' Ada ', role: 'hr' as const, password: 'a long password' };

  beforeEach(() => {
    users = new FakeUsers();
    service = new UsersService(users as unknown as UsersRepository, audit);
  });

  it('stores a new user with a normalised email, a hashed password and its change time', async () => {
    const created = await service.create(newUser);
    const stored = users.stored.get(created.id)!;
    expect({ email: stored.email, name: stored.name }).toEqual({ email: 'ada@example.com', name: 'Ada' });
    expect(await verifyPassword('a long password', stored.passwordHash)).toBe(true);
    expect(stored.credentialsChangedAt).toBeInstanceOf(Date);
  });

  it('refuses a second user with the same email, whatever its case, with 409 email-taken', async () => {
    await service.create(newUser);
    expect(await refusal(service.create({ ...newUser, email: 'ADA@example.com' }))).toEqual({
      code: 'email-taken',
      status: 409,
      message: 'A user with the email ada@example.com already exists.',
    });
    expect(users.stored.size).toBe(1);
  });

  it('refuses to let an admin deactivate themself or drop their own admin role, and saves nothing', async () => {
    const me = await service.create({ ...newUser, role: 'admin' });
    for (const dto of [{ active: false }, { role: 'hr' as const }]) {
      expect(await refusal(service.update(me.id, dto, me.id))).toMatchObject({ code: 'self-demotion', status: 400 });
    }
    expect(users.saves).toBe(0);
    expect(users.stored.get(me.id)).toMatchObject({ active: true, role: 'admin' });
  });

  it('lets an admin deactivate someone else', async () => {
    const me = await service.create({ ...newUser, role: 'admin' });
    const other = await service.create({ ...newUser, email: 'bo@example.com' });
    expect(await service.update(other.id, { active: false }, me.id)).toMatchObject({ active: false });
  });

  it('stamps a new password with a later change time, so tokens signed for the old one end', async () => {
    const created = await service.create(newUser);
    const before = users.stored.get(created.id)!;
    users.stored.get(created.id)!.credentialsChangedAt = new Date(Date.now() - 60_000);
    await service.update(created.id, { password: 'another long password' }, 'admin-id');
    const after = users.stored.get(created.id)!;
    expect(after.credentialsChangedAt!.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword('another long password', after.passwordHash)).toBe(true);
  });

  it('keeps the change time when only the name or role changes', async () => {
    const created = await service.create(newUser);
    const stamp = users.stored.get(created.id)!.credentialsChangedAt;
    await service.update(created.id, { name: 'Ada L.', role: 'interviewer' }, 'admin-id');
    expect(users.stored.get(created.id)).toMatchObject({
      name: 'Ada L.',
      role: 'interviewer',
      credentialsChangedAt: stamp,
    });
  });

  it('answers 404 user-not-found for an unknown id', async () => {
    expect(await refusal(service.update('nobody', { name: 'x' }, 'admin-id'))).toMatchObject({
      code: 'user-not-found',
      status: 404,
    });
  });

  it('creates the first admin once, and fails loudly when its email belongs to a non-admin', async () => {
    expect(await service.ensureAdmin('root@example.com', 'a long password')).toEqual({ email: 'root@example.com' });
    expect(await service.ensureAdmin('root@example.com', 'a long password')).toBeNull();

    const fresh = new FakeUsers();
    const other = new UsersService(fresh as unknown as UsersRepository, audit);
    await other.create({ ...newUser, email: 'root@example.com' });
    await expect(other.ensureAdmin('root@example.com')).rejects.toThrow(/not an admin/);
  });
});
