import request from 'supertest';
import type { AuditAction, AuditEntryView, Page } from '@rubricon/contracts';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { Database } from '../../apps/api/src/database/database';
import { DEVELOPER_POSTING, invite, publishedAssessment, startedAttempt } from '../factories/attempts';
import { linkToken, scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs, startTestApp } from '../support/test-app';

const POSTING = `# Audit Trail Analyst

## Responsibilities
- Keep the records of who changed what

## Requirements
- Patience with long lists
`;

describe.each(databaseKinds().map((k) => [k.name, k] as const))('audit log on %s', (_name, kind) => {
  // Acts as HR (the suite's user) and as the admin; reads the log as the admin.
  const suite = useServerSuite(kind, 'hr');
  let adminToken: string;
  let adminId: string;
  let hrId: string;
  beforeAll(async () => {
    adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    adminId = (await as(adminToken).get('/api/auth/me').expect(200)).body.id;
    hrId = (await as(suite.token).get('/api/auth/me').expect(200)).body.id;
  });
  const as = (token: string) => {
    const call = (method: 'get' | 'post' | 'patch' | 'put' | 'delete') => (path: string) =>
      request(suite.server.url)[method](path).set('Authorization', `Bearer ${token}`);
    return { get: call('get'), post: call('post'), patch: call('patch'), put: call('put'), delete: call('delete') };
  };
  const hr = () => as(suite.token);
  const admin = () => as(adminToken);
  const page = async (query: Record<string, unknown>) =>
    (await admin().get('/api/audit').query(query).expect(200)).body as Page<AuditEntryView>;
  /** Entries about one target (of one action when given), newest first. */
  const entriesOf = async (targetId: string, action?: AuditAction) =>
    (await page({ targetId, limit: 100, ...(action ? { action } : {}) })).items;
  /** The entries of one target whose action starts with `prefix` (other features record about the same targets). */
  const entriesAbout = async (targetId: string, prefix: string) =>
    (await entriesOf(targetId)).filter((e) => e.action.startsWith(prefix));
  const byHr = { id: expect.any(String), email: expect.stringMatching(/^hr-/), role: 'hr', name: 'Test hr' };

  it('records a role change once, with who, from where and what changed', async () => {
    const user = await createStaff(suite.server.url, adminToken, 'interviewer');
    await admin().patch(`/api/users/${user.id}`).send({ role: 'hr' }).expect(200);
    const entries = await entriesOf(user.id, 'user.role');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { id: adminId, email: ADMIN.email, role: 'admin', name: 'Administrator' },
      action: 'user.role',
      target: { type: 'user', id: user.id },
      changes: { role: { from: 'interviewer', to: 'hr' } },
    });
    expect(entries[0].ip).toMatch(/127\.0\.0\.1$/);
    expect(Date.now() - Date.parse(entries[0].at)).toBeLessThan(60_000);
  });

  it('records creating, deactivating, reactivating, renaming and a password reset, never the password', async () => {
    const user = await createStaff(suite.server.url, adminToken, 'interviewer');
    await admin().patch(`/api/users/${user.id}`).send({ active: false }).expect(200);
    await admin().patch(`/api/users/${user.id}`).send({ active: true, name: 'Renamed' }).expect(200);
    await admin().patch(`/api/users/${user.id}`).send({ password: 'a brand new secret password' }).expect(200);
    // The same values again change nothing, so nothing is recorded.
    await admin().patch(`/api/users/${user.id}`).send({ active: true, name: 'Renamed' }).expect(200);
    const entries = await entriesAbout(user.id, 'user.');
    expect(entries.map((e) => e.action).sort()).toEqual([
      'user.create',
      'user.deactivate',
      'user.password',
      'user.reactivate',
      'user.rename',
    ]);
    const of = (action: AuditAction) => entries.find((e) => e.action === action)!;
    expect(of('user.create').changes).toEqual({ email: user.email, name: 'Test interviewer', role: 'interviewer' });
    expect(of('user.deactivate').changes).toEqual({ active: { from: true, to: false } });
    expect(of('user.reactivate').changes).toEqual({ active: { from: false, to: true } });
    expect(of('user.rename').changes).toEqual({ name: { from: 'Test interviewer', to: 'Renamed' } });
    expect(of('user.password').changes).toEqual({});
    const text = JSON.stringify(entries);
    expect(text).not.toContain(user.password);
    expect(text).not.toContain('a brand new secret password');
    expect(text).not.toMatch(/passwordHash|\$argon|\$2[aby]\$|scrypt/);
  });

  it('records nothing for a refused change', async () => {
    const before = (await page({ limit: 1 })).total;
    await admin().patch(`/api/users/${adminId}`).send({ role: 'hr' }).expect(400); // self-demotion
    await admin()
      .post('/api/users')
      .send({ email: ADMIN.email, name: 'Twin', role: 'hr', password: 'long enough pw' })
      .expect(409);
    await hr().patch(`/api/users/${adminId}`).send({ role: 'hr' }).expect(403); // HR may not manage users
    expect((await page({ limit: 1 })).total).toBe(before);
  });

  it('records a publish with the duration confirmed, once; publishing again is refused and adds nothing', async () => {
    const postingId = (await hr().get('/api/postings').query({ search: DEVELOPER_POSTING, limit: 1 }).expect(200)).body
      .items[0].id as string;
    const draft = (await hr().post(`/api/postings/${postingId}/assessments`).send({ seed: 5 }).expect(201)).body;
    await hr()
      .post(`/api/assessments/${draft.id}/publish`)
      .send({ durationMinutes: draft.durationMinutes + 15 })
      .expect(201);
    await hr().post(`/api/assessments/${draft.id}/publish`).send({}).expect(409);
    const entries = await entriesAbout(draft.id, 'assessment.publish');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { ...byHr, id: hrId },
      action: 'assessment.publish',
      target: { type: 'assessment', id: draft.id },
      changes: {
        status: { from: 'draft', to: 'published' },
        durationMinutes: { from: draft.durationMinutes, to: draft.durationMinutes + 15 },
      },
    });
  });

  it('records each invitation, its revocation, a new link and extra time, never a link token', async () => {
    const assessment = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const links = await invite(suite.server.url, suite.token, assessment.id, 2);
    // Inviting the same person again is refused and records nothing.
    await hr()
      .post(`/api/assessments/${assessment.id}/invitations`)
      .send({ candidates: [links[0].candidate] })
      .expect(409);
    for (const link of links) {
      const entries = await entriesAbout(link.invitationId, 'invitation.');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actor: { id: hrId, role: 'hr' },
        action: 'invitation.create',
        target: { type: 'invitation', id: link.invitationId },
        changes: { assessmentId: assessment.id, attemptId: link.attemptId, candidate: link.candidate },
      });
    }

    const [kept, withdrawn] = links;
    await startedAttempt(suite.server.url, kept);
    await hr().post(`/api/attempts/${kept.attemptId}/extra-time`).send({ minutes: 10 }).expect(200);
    await hr().post(`/api/attempts/${kept.attemptId}/extra-time`).send({ minutes: 0 }).expect(400);
    const extended = await entriesOf(kept.attemptId, 'attempt.extend');
    expect(extended).toHaveLength(1);
    expect(extended[0]).toMatchObject({
      action: 'attempt.extend',
      target: { type: 'attempt', id: kept.attemptId },
      changes: { extraMinutes: { from: 0, to: 10 }, candidate: kept.candidate },
    });
    const deadline = extended[0].changes.deadline as { from: string; to: string };
    expect(Date.parse(deadline.to) - Date.parse(deadline.from)).toBe(10 * 60_000);

    // Two revocations at once: one changes the invitation and is recorded, the other finds it revoked.
    await Promise.all([
      hr().post(`/api/invitations/${withdrawn.invitationId}/revoke`).expect(200),
      hr().post(`/api/invitations/${withdrawn.invitationId}/revoke`).expect(200),
    ]);
    await hr().post(`/api/invitations/${withdrawn.invitationId}/revoke`).expect(200); // already revoked: no change
    const renewed = (await hr().post(`/api/invitations/${withdrawn.invitationId}/resend`).expect(200)).body;
    const entries = await entriesAbout(withdrawn.invitationId, 'invitation.');
    expect(entries.map((e) => e.action).sort()).toEqual([
      'invitation.create',
      'invitation.resend',
      'invitation.revoke',
    ]);
    expect(entries.find((e) => e.action === 'invitation.revoke')!.changes).toMatchObject({
      candidate: withdrawn.candidate,
      revokedAt: { from: null, to: expect.any(String) },
    });
    expect(entries.find((e) => e.action === 'invitation.resend')!.changes).toMatchObject({
      revokedAt: { from: expect.any(String), to: null },
    });

    const text = JSON.stringify(await page({ q: '', limit: 100 }));
    for (const token of [...links.map((l) => l.token), renewed.token]) expect(text).not.toContain(token);
  });

  it('records deleting a posting with its title; a refused delete records nothing', async () => {
    const imported = async () =>
      (await hr().post('/api/postings/import?duplicates=import').send({ text: POSTING }).expect(201)).body.items[0]
        .id as string;
    const id = await imported();
    await hr().delete(`/api/postings/${id}`).expect(204);
    const entries = await entriesAbout(id, 'posting.');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'posting.delete',
      target: { type: 'posting', id },
      changes: { title: 'Audit Trail Analyst' },
    });

    const used = await imported();
    await hr().post(`/api/postings/${used}/assessments`).send({}).expect(201);
    await hr().delete(`/api/postings/${used}`).expect(409);
    expect(await entriesOf(used, 'posting.delete')).toEqual([]);
  });

  it('records scheduling an interview (posting, candidate, panel) and a new candidate link, never the link', async () => {
    const panelist = await createStaff(suite.server.url, adminToken, 'interviewer');
    const scheduled = await scheduleInterview(suite.server.url, suite.token, [panelist.id]);
    const id = scheduled.interview.id;
    const renewed = (await hr().post(`/api/interviews/${id}/link`).expect(200)).body;
    const entries = await entriesAbout(id, 'interview.');
    expect(entries.map((e) => e.action).sort()).toEqual(['interview.link', 'interview.schedule']);
    expect(entries.find((e) => e.action === 'interview.schedule')).toMatchObject({
      actor: { id: hrId },
      target: { type: 'interview', id },
      changes: {
        posting: { id: scheduled.interview.postingId, title: DEVELOPER_POSTING },
        candidate: { email: scheduled.interview.candidate.email },
        panel: [panelist.id],
      },
    });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(linkToken(scheduled.link));
    expect(text).not.toContain(linkToken(renewed.link));
  });

  it('filters by action, actor, target type, time and text, and pages newest first', async () => {
    const a = await createStaff(suite.server.url, adminToken, 'interviewer');
    const b = await createStaff(suite.server.url, adminToken, 'interviewer');
    await admin().patch(`/api/users/${a.id}`).send({ role: 'hr' }).expect(200);
    await admin().patch(`/api/users/${b.id}`).send({ active: false }).expect(200);

    const both = await page({ action: ['user.role', 'user.deactivate'], limit: 100 });
    expect(both.items.map((e) => e.target.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(new Set(both.items.map((e) => e.action))).toEqual(new Set(['user.role', 'user.deactivate']));
    expect((await page({ action: 'user.role,user.deactivate', limit: 100 })).total).toBe(both.total);

    const byAdmin = await page({ actorId: adminId, limit: 100 });
    expect(byAdmin.items.every((e) => e.actor?.id === adminId)).toBe(true);
    const byHrOnly = await page({ actorId: hrId, limit: 100 });
    expect(byHrOnly.items.every((e) => e.actor?.id === hrId)).toBe(true);

    expect((await page({ targetType: 'user', limit: 100 })).items.every((e) => e.target.type === 'user')).toBe(true);
    expect((await page({ q: b.email.slice(0, 18), limit: 100 })).items).toEqual([]); // q is the target id or the actor's email
    expect((await page({ q: b.id.slice(4, 20) })).items.map((e) => e.target.id)).toEqual([b.id, b.id]);
    expect((await page({ q: ADMIN.email, action: 'user.deactivate', targetId: b.id })).total).toBe(1);
    expect((await page({ q: '100%_!' })).total).toBe(0); // matched literally

    expect((await page({ from: new Date(Date.now() + 60_000).toISOString() })).total).toBe(0);
    expect((await page({ to: new Date(Date.now() - 24 * 3600_000).toISOString() })).total).toBe(0);
    expect((await page({ from: new Date(Date.now() - 60_000).toISOString(), targetId: a.id })).total).toBe(2);

    const all = await page({ limit: 100 });
    expect(all.total).toBe(all.items.length);
    const times = all.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const first = await page({ limit: 3, offset: 0 });
    const second = await page({ limit: 3, offset: 3 });
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 6).map((e) => e.id));

    for (const bad of [{ action: 'user.nope' }, { from: 'yesterday' }, { actorId: 'x' }, { limit: 0 }]) {
      const res = await admin().get('/api/audit').query(bad).expect(400);
      expect(res.body.code).toBe('invalid-request');
    }
  });

  it('is for admins and HR only', async () => {
    const interviewer = await createStaff(suite.server.url, adminToken, 'interviewer');
    const res = await as(interviewer.token).get('/api/audit').expect(403);
    expect(res.body.code).toBe('role-required');
    await request(suite.server.url).get('/api/audit').expect(401);
    await hr().get('/api/audit').expect(200);
  });

  it('offers no way to write, change or delete an entry', async () => {
    const user = await createStaff(suite.server.url, adminToken, 'interviewer');
    const [entry] = await entriesOf(user.id);
    for (const path of ['/api/audit', `/api/audit/${entry.id}`]) {
      await admin().post(path).send({ action: 'user.role' }).expect(404);
      await admin().put(path).send({ action: 'user.role' }).expect(404);
      await admin().patch(path).send({ action: 'user.role' }).expect(404);
      await admin().delete(path).expect(404);
    }
    await admin().get(`/api/audit/${entry.id}`).expect(404);
    expect(await entriesOf(user.id)).toEqual([entry]);
  });

  it('commits an entry with its change or not at all, and records the system when no one is signed in', async () => {
    const audit = suite.server.app.get(AuditService);
    const db = suite.server.app.get(Database);
    const target = { type: 'test', id: `rolled-back-${Date.now()}` };
    await expect(
      db.transaction(async (tx) => {
        await audit.record({ action: 'user.role', target }, tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await entriesOf(target.id)).toEqual([]);

    const system = { type: 'test', id: `system-${Date.now()}` };
    await db.transaction((tx) =>
      audit.record({ action: 'user.role', target: system, changes: { token: 'x', a: 1 } }, tx),
    );
    expect(await entriesOf(system.id)).toMatchObject([{ actor: null, ip: null, changes: { a: 1 } }]);
    expect((await entriesOf(system.id))[0].changes).not.toHaveProperty('token');
  });

  it('takes the address from the connection, and from X-Forwarded-For only behind a configured proxy', async () => {
    const user = await createStaff(suite.server.url, adminToken, 'interviewer');
    await admin().patch(`/api/users/${user.id}`).set('X-Forwarded-For', '203.0.113.9').send({ role: 'hr' }).expect(200);
    const [direct] = await entriesOf(user.id, 'user.role');
    expect(direct.ip).toMatch(/127\.0\.0\.1$/);

    const behindProxy = await startTestApp(suite.db, { trustedProxies: ['loopback'] });
    try {
      await request(behindProxy.url)
        .patch(`/api/users/${user.id}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .set('X-Forwarded-For', '203.0.113.9')
        .send({ role: 'interviewer' })
        .expect(200);
    } finally {
      await behindProxy.close();
    }
    // Found by what changed, not by position: both may fall in one second (SQLite keeps seconds).
    const roles = await entriesOf(user.id, 'user.role');
    expect(roles).toHaveLength(2);
    const forwarded = roles.find((e) => (e.changes.role as { to: string }).to === 'interviewer');
    expect(forwarded).toMatchObject({ ip: '203.0.113.9', changes: { role: { from: 'hr', to: 'interviewer' } } });
  });
});
