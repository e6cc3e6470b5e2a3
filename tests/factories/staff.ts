import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { StaffRole } from '@rubricon/contracts';
import { loginAs } from '../support/test-app';

/** Creates a staff user through the admin API and signs them in. */
export async function createStaff(url: string, adminToken: string, role: StaffRole) {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.rubricon`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const res = await request(url)
    .post('/api/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ email, name: `Test ${role}`, role, password })
    .expect(201);
  return { id: res.body.id as string, email, password, token: await loginAs(url, email, password) };
}
