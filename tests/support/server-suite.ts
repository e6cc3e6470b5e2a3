import type { StaffRole } from '@rubricon/contracts';
import { createStaff } from '../factories/staff';
import type { DatabaseKind, TestDatabase } from './databases';
import { ADMIN, loginAs, startTestApp, type TestApp } from './test-app';

/**
 * One real server for a describe block, on a fresh database of `kind`, with a signed-in staff
 * member of `role` (its bearer token in `token`). The fields are set in beforeAll: read them inside
 * tests and hooks, not at describe time.
 */
export function useServerSuite(
  kind: DatabaseKind,
  role: StaffRole,
): { readonly server: TestApp; readonly db: TestDatabase; readonly token: string } {
  const suite = {} as { server: TestApp; db: TestDatabase; token: string };
  beforeAll(async () => {
    suite.db = await kind.create();
    suite.server = await startTestApp(suite.db);
    suite.token = (
      await createStaff(suite.server.url, await loginAs(suite.server.url, ADMIN.email, ADMIN.password), role)
    ).token;
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.db?.dispose();
  });
  return suite;
}
