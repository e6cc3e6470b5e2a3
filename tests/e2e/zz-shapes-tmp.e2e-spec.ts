import Ajv from 'ajv';
import request from 'supertest';
import { databaseKinds } from '../support/databases';
import { ADMIN, loginAs, startTestApp } from '../support/test-app';
import { invitedCandidates, startedAttempt } from '../factories/attempts';

function strict(node: any): any {
  if (Array.isArray(node)) return node.map(strict);
  if (node && typeof node === 'object') {
    const out: any = {};
    for (const [k, v] of Object.entries(node)) out[k] = strict(v);
    if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
    return out;
  }
  return node;
}

it('matches', async () => {
  const db = await databaseKinds()[0].create();
  const server = await startTestApp(db);
  const url = server.url;
  const doc = (await request(url).get('/api/docs-json')).body;
  const ajv = new Ajv({ strict: false, discriminator: true, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'doc', components: strict(doc.components) });
  const problems: string[] = [];
  const check = (method: string, path: string, res: request.Response) => {
    const op = doc.paths[path][method];
    const r = op.responses[String(res.status)];
    if (!r)
      return problems.push(
        `${method} ${path}: status ${res.status} undocumented ${JSON.stringify(res.body).slice(0, 200)}`,
      );
    const schema = r.content?.['application/json']?.schema;
    if (!schema) return;
    const text = JSON.stringify(schema).replace(/#\/components/g, 'doc#/components');
    const validate = ajv.compile(strict(JSON.parse(text)));
    if (!validate(res.body))
      problems.push(`${method} ${path} ${res.status}: ${JSON.stringify(validate.errors).slice(0, 800)}`);
  };
  const admin = await loginAs(url, ADMIN.email, ADMIN.password);
  const A = { Authorization: `Bearer ${admin}` };
  check(
    'post',
    '/api/auth/login',
    await request(url).post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password }),
  );
  check(
    'post',
    '/api/auth/login',
    await request(url).post('/api/auth/login').send({ email: ADMIN.email, password: 'nope-nope-nope' }),
  );
  check('get', '/api/auth/me', await request(url).get('/api/auth/me').set(A));
  check('get', '/api/auth/me', await request(url).get('/api/auth/me'));
  check('get', '/api/users', await request(url).get('/api/users').set(A));
  check('get', '/api/health', await request(url).get('/api/health'));
  check('get', '/api/postings', await request(url).get('/api/postings').set(A));
  check('get', '/api/bank/questions', await request(url).get('/api/bank/questions').set(A));
  const imp = await request(url)
    .post('/api/postings/import')
    .set(A)
    .send({ text: '岗位：测试\n职责：\n1. 写代码\n要求：\n1. 懂 JS' });
  check('post', '/api/postings/import', imp);
  const pid = imp.body.items?.[0]?.id;
  check('get', '/api/postings/{id}', await request(url).get(`/api/postings/${pid}`).set(A));
  check(
    'get',
    '/api/postings/{id}',
    await request(url).get(`/api/postings/00000000-0000-4000-8000-000000000000`).set(A),
  );
  check('get', '/api/postings/{id}', await request(url).get(`/api/postings/nope`).set(A));
  const { assessment, links } = await invitedCandidates(url, admin, 2);
  check('get', '/api/assessments/{id}', await request(url).get(`/api/assessments/${assessment.id}`).set(A));
  check(
    'get',
    '/api/postings/{postingId}/assessments',
    await request(url).get(`/api/postings/${assessment.postingId}/assessments`).set(A),
  );
  const q = assessment.sections[0].questions[0];
  check(
    'get',
    '/api/assessments/{id}/questions/{questionId}/alternatives',
    await request(url).get(`/api/assessments/${assessment.id}/questions/${q.id}/alternatives`).set(A),
  );
  check(
    'post',
    '/api/assessments/{id}/publish',
    await request(url).post(`/api/assessments/${assessment.id}/publish`).set(A),
  );
  const { session, started } = await startedAttempt(url, links[0]);
  const C = { Authorization: `Bearer ${session.accessToken}` };
  check('get', '/api/candidate/attempt', await request(url).get('/api/candidate/attempt').set(C));
  const coding = started.questions.find((x: any) => x.kind === 'coding')!;
  check(
    'put',
    '/api/candidate/attempt/answers/{questionId}',
    await request(url)
      .put(`/api/candidate/attempt/answers/${coding.id}`)
      .set(C)
      .send({ content: 'x', language: 'javascript', version: 1 }),
  );
  check(
    'put',
    '/api/candidate/attempt/answers/{questionId}',
    await request(url)
      .put(`/api/candidate/attempt/answers/${coding.id}`)
      .set(C)
      .send({ content: 'x', language: 'javascript', version: 5 }),
  );
  check(
    'post',
    '/api/candidate/attempt/runs',
    await request(url).post('/api/candidate/attempt/runs').set(C).send({
      questionId: coding.id,
      language: 'javascript',
      code: coding.coding!.starter.javascript,
      mode: 'visible',
    }),
  );
  check(
    'post',
    '/api/candidate/attempt/runs',
    await request(url)
      .post('/api/candidate/attempt/runs')
      .set(C)
      .send({ questionId: coding.id, language: 'javascript', code: coding.coding!.starter.javascript, mode: 'hidden' }),
  );
  check(
    'post',
    '/api/candidate/attempt/events',
    await request(url)
      .post('/api/candidate/attempt/events')
      .set(C)
      .send({ attemptId: session.attemptId, type: 'paste', questionId: coding.id, detail: { size: 3 } }),
  );
  check(
    'post',
    '/api/candidate/attempt/submit',
    await request(url).post('/api/candidate/attempt/submit').set(C).send({}),
  );
  check(
    'post',
    '/api/candidate/attempt/submit',
    await request(url).post('/api/candidate/attempt/submit').set({ Authorization: 'Bearer x' }).send({}),
  );
  check(
    'get',
    '/api/assessments/{id}/attempts',
    await request(url).get(`/api/assessments/${assessment.id}/attempts`).set(A),
  );
  await new Promise((r) => setTimeout(r, 1500));
  check('get', '/api/attempts/{attemptId}', await request(url).get(`/api/attempts/${session.attemptId}`).set(A));
  check(
    'post',
    '/api/invitations/{invitationId}/revoke',
    await request(url).post(`/api/invitations/${links[1].invitationId}/revoke`).set(A),
  );
  check(
    'post',
    '/api/invitations/{invitationId}/resend',
    await request(url).post(`/api/invitations/${links[1].invitationId}/resend`).set(A),
  );
  check(
    'post',
    '/api/invitations/{invitationId}/resend',
    await request(url).post(`/api/invitations/${links[0].invitationId}/resend`).set(A),
  );
  check(
    'post',
    '/api/assessments/{id}/invitations/csv',
    await request(url)
      .post(`/api/assessments/${assessment.id}/invitations/csv`)
      .set(A)
      .send({ text: 'name,email\nA,a@example.com' }),
  );
  check(
    'post',
    '/api/runs',
    await request(url)
      .post('/api/runs')
      .set(A)
      .send({ language: 'javascript', code: 'function solve(i){return i}', tests: [{ input: 1, expected: 1 }] }),
  );
  console.log(JSON.stringify((await request(url).get(`/api/attempts/${session.attemptId}`).set(A)).body.answers));
  await server.close();
  await db.dispose();
  expect(problems).toEqual([]);
});
