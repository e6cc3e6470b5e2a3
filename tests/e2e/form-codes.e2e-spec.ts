import request from 'supertest';
import type { ImportPostingsResponse } from '@rubricon/contracts';
import { DEVELOPER_POSTING, publishedAssessment } from '../factories/attempts';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

/** What people get wrong in the staff forms is refused with a code the app words, not English detail. */
describe.each(databaseKinds().map((k) => [k.name, k] as const))('form refusals on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const auth = () => ({ Authorization: `Bearer ${suite.token}` });
  const refusal = (res: request.Response) => ({ status: res.status, code: res.body.code, params: res.body.params });

  it('names an empty sign-in field with credentials-required', async () => {
    const res = await request(suite.server.url).post('/api/auth/login').send({ email: '', password: '' });
    expect(refusal(res)).toEqual({ status: 400, code: 'credentials-required', params: undefined });
  });

  it('names an empty title, no duty lines and an empty line in the posting edit form', async () => {
    const text = '# Form test posting\n\n## Responsibilities\n- Check the forms\n';
    const { items } = (
      await request(suite.server.url).post('/api/postings/import').set(auth()).send({ text }).expect(201)
    ).body as ImportPostingsResponse;
    const patch = (body: object) =>
      request(suite.server.url).patch(`/api/postings/${items[0].id}`).set(auth()).send(body);
    expect(refusal(await patch({ title: '   ' }))).toMatchObject({ status: 400, code: 'title-required' });
    expect(refusal(await patch({ duties: [] }))).toMatchObject({ status: 400, code: 'duties-required' });
    expect(refusal(await patch({ requirements: ['ok', '  '] }))).toMatchObject({ status: 400, code: 'line-empty' });
    // A field of the wrong type is a malformed call, not a form mistake.
    expect(refusal(await patch({ headcount: 'many' }))).toMatchObject({ status: 400, code: 'invalid-request' });
  });

  it('names empty code and code over the size limit with codes (the candidate meets them too)', async () => {
    const run = (code: string) =>
      request(suite.server.url)
        .post('/api/runs')
        .set(auth())
        .send({ language: 'javascript', code, tests: [{ input: 1, expected: 1 }] });
    expect(refusal(await run('   '))).toEqual({ status: 400, code: 'code-empty', params: undefined });
    const long = `function solve(x) { return x; } // ${'x'.repeat(64 * 1024)}`;
    expect(refusal(await run(long))).toEqual({
      status: 400,
      code: 'code-too-long',
      params: { bytes: Buffer.byteLength(long), max: 64 * 1024 },
    });
  });

  it('names a bad email and an empty name in the invitation form', async () => {
    const { id } = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const invite = (candidate: object) =>
      request(suite.server.url)
        .post(`/api/assessments/${id}/invitations`)
        .set(auth())
        .send({ candidates: [candidate] });
    expect(refusal(await invite({ name: 'Ada', email: 'ada-at-example' }))).toEqual({
      status: 400,
      code: 'email-invalid',
      params: { email: 'ada-at-example' },
    });
    expect(refusal(await invite({ name: '', email: 'ada@example.com' }))).toMatchObject({
      status: 400,
      code: 'name-required',
    });
  });
});
