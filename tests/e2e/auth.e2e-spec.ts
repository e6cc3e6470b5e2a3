import request from 'supertest';
import { createStaff } from '../factories/staff';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { ADMIN, loginAs, startTestApp, type TestApp } from '../support/test-app';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('auth and staff users on %s', (_name, kind) => {
  let db: TestDatabase;
  let server: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestApp(db, { loginRateLimitPerMinute: 5 });
    adminToken = await loginAs(server.url, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('signs the first admin in with the configured password and answers /auth/me', async () => {
    const me = await request(server.url).get('/api/auth/me').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin', active: true });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await request(server.url)
      .post('/api/auth/login')
      .send({ email: ADMIN.email, password: 'nope-nope-nope' });
    const unknownEmail = await request(server.url)
      .post('/api/auth/login')
      .send({ email: 'ghost@test.rubricon', password: 'nope-nope-nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual({ message: 'Wrong email or password.', code: 'wrong-credentials' });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('rate-limits repeated sign-in attempts for one account', async () => {
    const attempt = () =>
      request(server.url).post('/api/auth/login').send({ email: 'victim@test.rubricon', password: 'guess-guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await attempt();
    expect(limited.body.message).toMatch(/too many sign-in attempts/i);
  });

  it('refuses protected routes without a token and with a forged one', async () => {
    const none = await request(server.url).get('/api/postings').expect(401);
    expect(none.body.message).toMatch(/sign in/i);
    await request(server.url).get('/api/postings').set('Authorization', 'Bearer not.a.jwt').expect(401);
  });

  it('lets only admins manage staff, and validates what they send', async () => {
    const hr = await createStaff(server.url, adminToken, 'hr');
    const forbidden = await request(server.url)
      .get('/api/users')
      .set('Authorization', `Bearer ${hr.token}`)
      .expect(403);
    expect(forbidden.body.message).toMatch(/admin/);

    const bad = await request(server.url)
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email: 'not-an-email', name: 'X', role: 'boss', password: 'short', isAdmin: true })
      .expect(400);
    expect(bad.body.message).toMatch(/email must be an email address/);
    expect(bad.body.message).toMatch(/role must be one of: admin, hr, interviewer/);
    expect(bad.body.message).toMatch(/password must be at least 10 characters/);
    expect(bad.body.message).toMatch(/unknown field "isAdmin"/);
    expect(bad.body.code).toBe('invalid-request');

    // What a person can get wrong in the users form has its own code, worded by the staff app.
    const form = (body: object) =>
      request(server.url).post('/api/users').set('Authorization', `Bearer ${adminToken}`).send(body).expect(400);
    const valid = { email: 'form@test.rubricon', name: 'Form', role: 'hr', password: 'long-enough-pw' };
    expect((await form({ ...valid, role: 'boss' })).body).toEqual({
      message: 'There is no role "boss"; the roles are: admin, hr, interviewer.',
      code: 'role-unknown',
      params: { role: 'boss', roles: 'admin, hr, interviewer' },
    });
    expect((await form({ ...valid, email: 'not-an-email' })).body).toMatchObject({
      code: 'email-invalid',
      params: { email: 'not-an-email' },
    });
    expect((await form({ ...valid, name: '   ' })).body).toMatchObject({ code: 'name-required' });
    expect((await form({ ...valid, password: 'short' })).body).toEqual({
      message: 'The password must be at least 10 characters long.',
      code: 'password-too-short',
      params: { min: 10 },
    });

    const dup = await request(server.url)
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email: hr.email.toUpperCase(), name: 'Dup', role: 'hr', password: 'long-enough-pw' })
      .expect(409);
    // The email travels as a param, so the staff app can say it in Chinese too.
    expect(dup.body).toEqual({
      message: `A user with the email ${hr.email} already exists.`,
      code: 'email-taken',
      params: { email: hr.email },
    });

    // Names count as MariaDB counts them: "❤️" is two code points (a heart and a variation selector).
    const create = (name: string) =>
      request(server.url)
        .post('/api/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ email: `heart${name.length}@test.rubricon`, name, role: 'interviewer', password: 'long-enough-pw' });
    expect((await create('❤️'.repeat(61)).expect(400)).body.message).toMatch(
      /name must be shorter than or equal to 120 characters/,
    );
    expect((await create('❤️'.repeat(60)).expect(201)).body.name).toBe('❤️'.repeat(60));
  });

  it('locks a deactivated user out at once, token or not', async () => {
    const interviewer = await createStaff(server.url, adminToken, 'interviewer');
    await request(server.url).get('/api/postings').set('Authorization', `Bearer ${interviewer.token}`).expect(200);
    await request(server.url)
      .patch(`/api/users/${interviewer.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ active: false })
      .expect(200);
    await request(server.url).get('/api/postings').set('Authorization', `Bearer ${interviewer.token}`).expect(401);
    await request(server.url)
      .post('/api/auth/login')
      .send({ email: interviewer.email, password: interviewer.password })
      .expect(401);
  });

  it('answers invalid JSON and oversized bodies with a clear 4xx', async () => {
    const invalid = await request(server.url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({ message: 'The request body is not valid JSON.', code: 'invalid-json' });
    const huge = await request(server.url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(3 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/too large/);
  });

  it('refuses JSON nested too deeply with a 400, on public and staff routes alike', async () => {
    const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    const tooDeep = {
      message: 'The request body is nested too deeply (more than 64 levels of objects and arrays).',
      code: 'too-deeply-nested',
      params: { what: 'The request body', depth: 64 },
    };
    const post = (path: string, body: string) =>
      request(server.url)
        .post(path)
        .set('Authorization', `Bearer ${adminToken}`)
        .set('Content-Type', 'application/json')
        .send(body);
    // 10 KB of brackets used to overflow the stack of validation: a 500 on every JSON route.
    for (const [path, body] of [
      ['/api/auth/login', `{"email":${nested(5000)},"password":"x"}`],
      ['/api/candidate/sessions', `{"token":${nested(5000)}}`],
      [
        '/api/runs',
        `{"language":"javascript","code":"function solve(i) { return i; }","tests":[{"input":${nested(5000)},"expected":1}]}`,
      ],
      ['/api/auth/login', `{"email":${nested(64)},"password":"x"}`],
    ]) {
      const res = await post(path, body);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 400, body: tooDeep });
    }
    // 64 levels in all (the body and 63 arrays) is still data: validation has its say.
    const atLimit = await post('/api/candidate/sessions', `{"token":${nested(63)}}`).expect(400);
    expect(atLimit.body.message).toMatch(/token/);
  });

  it('serves health publicly and the OpenAPI document', async () => {
    const health = await request(server.url).get('/api/health').expect(200);
    expect(health.body.status).toBe('ok');
    const docs = await request(server.url).get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/postings', '/api/postings/import']),
    );
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await request(server.url)
      .get('/api/nothing-here')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(404);
    expect(res.body.message).toMatch(/Cannot GET/);
  });

  it('ends the sessions of a user whose password an admin resets, but not for a role or name change', async () => {
    const hr = await createStaff(server.url, adminToken, 'hr');
    const me = (token: string) => request(server.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const edit = (body: object) =>
      request(server.url)
        .patch(`/api/users/${hr.id}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .send(body)
        .expect(200);
    await me(hr.token).expect(200);
    // Straight after the sign-in, in the same second: tokens carry the password's stamp, not a time.

    await edit({ role: 'interviewer', name: 'Renamed' });
    expect((await me(hr.token).expect(200)).body).toMatchObject({ role: 'interviewer' });

    await edit({ password: 'a-brand-new-password' });
    const ended = await me(hr.token).expect(401);
    expect(ended.body).toEqual({
      message: 'Your session has ended because the password changed; sign in again.',
      code: 'password-changed',
    });
    await request(server.url).post('/api/auth/login').send({ email: hr.email, password: hr.password }).expect(401);
    // Signing in with the new password at once (in the same second as the reset) works.
    const fresh = await loginAs(server.url, hr.email, 'a-brand-new-password');
    expect((await me(fresh).expect(200)).body).toMatchObject({ email: hr.email, role: 'interviewer' });
    await me(adminToken).expect(200);
  });

  it('believes X-Forwarded-For only from a configured proxy, so a client cannot reset its own sign-in limit', async () => {
    const guesses = async (url: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await request(url)
          .post('/api/auth/login')
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send({ email: 'forwarded@test.rubricon', password: 'guess-guess' });
        statuses.push(res.status);
      }
      return statuses;
    };
    const direct = await startTestApp(db, { loginRateLimitPerMinute: 5 });
    const behindProxy = await startTestApp(db, { loginRateLimitPerMinute: 5, trustedProxies: ['loopback'] });
    try {
      // No proxy configured: the header is the client's own words, and the sixth guess is refused.
      expect(await guesses(direct.url)).toEqual([401, 401, 401, 401, 401, 429]);
      // Behind a configured proxy, each forwarded address is a client of its own.
      expect(await guesses(behindProxy.url)).toEqual([401, 401, 401, 401, 401, 401]);
    } finally {
      await direct.close();
      await behindProxy.close();
    }
  }, 60_000);

  // Last: it uses up this client address's sign-in allowance. Every refused guess costs a real scrypt
  // hash (50 to 150 ms on these machines, more when jest loads both cores), and there may be up to 60 of them.
  it('rate-limits one client address trying many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60 && !statuses.includes(429); i++) {
      statuses.push(
        (
          await request(server.url)
            .post('/api/auth/login')
            .send({ email: `spray${i}@test.rubricon`, password: 'guess-guess' })
        ).status,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(5);
  }, 60_000);
});
