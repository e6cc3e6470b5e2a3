import request from 'supertest';
import type { AuditAction, AuditEntryView, Page } from '@rubricon/contracts';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('audit log on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  let adminToken: string;
  let adminId: string;
  beforeAll(async () => {
    adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    adminId = (await as(adminToken).get('/api/auth/me').expect(200)).body.id;
  });
  const as = (token: string) => ({
    get: (path: string) => request(suite.server.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string) => request(suite.server.url).post(path).set('Authorization', `Bearer ${token}`),
    patch: (path: string) => request(suite.server.url).patch(path).set('Authorization', `Bearer ${token}`),
    put: (path: string) => request(suite.server.url).put(path).set('Authorization', `Bearer ${token}`),
    delete: (path: string) => request(suite.server.url).delete(path).set('Authorization', `Bearer ${token}`),
  });
  /** Entries about one target, newest first. */
  const entriesOf = async (targetId: string, action?: AuditAction) =>
    (
      (
        await as(adminToken)
          .get('/api/audit')
          .query({ targetId, ...(action ? { action } : {}), limit: 100 })
          .expect(200)
      ).body as Page<AuditEntryView>
    ).items;

  it('records a role change once, with who, from where and what changed', async () => {
    const user = await createStaff(suite.server.url, adminToken, 'interviewer');
    await as(adminToken).patch(`/api/users/${user.id}`).send({ role: 'hr' }).expect(200);
    const entries = await entriesOf(user.id, 'user.role');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { id: adminId, email: ADMIN.email, role: 'admin', name: 'Administrator' },
      action: 'user.role',
      target: { type: 'user', id: user.id },
      changes: { role: { from: 'interviewer', to: 'hr' } },
    });
    expect(entries[0].ip).toMatch(/127\.0\.0\.1/);
  });
});
