import request from 'supertest';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

const SUM = 'function solve(input) { return input.a + input.b; }';

describe('POST /api/runs (sandbox through the API)', () => {
  const [sqlite] = databaseKinds();
  const suite = useServerSuite(sqlite, 'interviewer');
  const run = (body: object, as = suite.token) =>
    request(suite.server.url).post('/api/runs').set('Authorization', `Bearer ${as}`).send(body);

  it('runs JavaScript and TypeScript against the given tests', async () => {
    const js = await run({
      language: 'javascript',
      code: SUM,
      tests: [
        { input: { a: 1, b: 2 }, expected: 3 },
        { input: { a: 1, b: 1 }, expected: 3 },
      ],
    }).expect(200);
    expect(js.body.verdict).toBe('failed');
    expect(js.body.tests.map((t: { verdict: string }) => t.verdict)).toEqual(['passed', 'failed']);
    expect(js.body.tests[1].output).toBe('2');

    const ts = await run({
      language: 'typescript',
      code: 'function solve(i: { a: number; b: number }): number { return i.a * i.b; }',
      tests: [{ input: { a: 3, b: 4 }, expected: 12 }],
    }).expect(200);
    expect(ts.body).toMatchObject({ verdict: 'passed', tests: [{ verdict: 'passed', passed: true }] });
  });

  it('survives a hostile infinite loop: timeout verdict, and the next run works', async () => {
    const started = Date.now();
    const hung = await run({
      language: 'javascript',
      code: 'function solve() { for (;;) {} }',
      tests: [{ input: null, expected: 1 }],
      timeLimitMs: 300,
    }).expect(200);
    expect(hung.body.verdict).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2 * 300 + 1000 + 1500);
    await run({ language: 'javascript', code: SUM, tests: [{ input: { a: 2, b: 2 }, expected: 4 }] }).expect(200);
    await request(suite.server.url).get('/api/health').expect(200);
  });

  it('reports an exception with the line in the candidate code', async () => {
    const res = await run({
      language: 'javascript',
      code: 'function solve(input) {\n  return input.missing.deep;\n}',
      tests: [{ input: {}, expected: 1 }],
    }).expect(200);
    expect(res.body.verdict).toBe('error');
    expect(res.body.tests[0].error).toMatch(/line 2/);
    expect(res.body.tests[0].error).not.toMatch(/\/work|node_modules/);
  });

  it('validates the request with clear messages', async () => {
    const bad = await run({ language: 'ruby', code: 1, tests: [] }).expect(400);
    expect(bad.body.message).toMatch(/language must be javascript, typescript or python/);
    expect(bad.body.message).toMatch(/at least one test/);
    const big = await run({
      language: 'javascript',
      code: 'x'.repeat(70 * 1024),
      tests: [{ input: 1, expected: 1 }],
    }).expect(400);
    expect(big.body).toMatchObject({ code: 'code-too-long', params: { bytes: 70 * 1024, max: 64 * 1024 } });
    await request(suite.server.url)
      .post('/api/runs')
      .send({ language: 'javascript', code: SUM, tests: [{ input: 1, expected: 1 }] })
      .expect(401);
  });

  it('keeps one user to two runs in flight', async () => {
    const slow = {
      language: 'javascript',
      code: 'function solve() { const end = Date.now() + 400; while (Date.now() < end) {} return 1; }',
      tests: [{ input: null, expected: 1 }],
    };
    const statuses = (await Promise.all([run(slow), run(slow), run(slow)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('rate-limits runs per user', async () => {
    const other = (
      await createStaff(suite.server.url, await loginAs(suite.server.url, ADMIN.email, ADMIN.password), 'hr')
    ).token;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push(
        (await run({ language: 'javascript', code: SUM, tests: [{ input: { a: 0, b: 0 }, expected: 0 }] }, other))
          .status,
      );
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const limited = await run(
      { language: 'javascript', code: SUM, tests: [{ input: { a: 0, b: 0 }, expected: 0 }] },
      other,
    ).expect(429);
    expect(limited.body).toEqual({
      message: 'Too many code runs; wait a minute and try again.',
      code: 'too-many-runs',
    });
  });
});
