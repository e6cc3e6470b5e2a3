import request from 'supertest';
import type { AssessmentSummary, AssessmentView, AttemptListItem, Page } from '@rubricon/contracts';
import { DEVELOPER_POSTING, publishedAssessment } from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('staff listings on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const get = (path: string, token = suite.token) =>
    request(suite.server.url).get(path).set('Authorization', `Bearer ${token}`);
  const interviewer = async () =>
    (await createStaff(suite.server.url, await loginAs(suite.server.url, ADMIN.email, ADMIN.password), 'interviewer'))
      .token;

  it('lists assessments across postings, filtered by status, posting and title, in pages, for HR only', async () => {
    const published = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const postings = (await get('/api/postings?limit=100').expect(200)).body.items as { id: string; title: string }[];
    const other = postings.find((p) => p.id !== published.postingId)!;
    const draft = (
      await request(suite.server.url)
        .post(`/api/postings/${other.id}/assessments`)
        .set('Authorization', `Bearer ${suite.token}`)
        .send({})
        .expect(201)
    ).body as AssessmentView;

    const page = (query: string) =>
      get(`/api/assessments${query}`)
        .expect(200)
        .then((r) => r.body as Page<AssessmentSummary>);
    const all = await page('');
    expect(all.total).toBe(2);
    expect(all.items.map((a) => a.id).sort()).toEqual([draft.id, published.id].sort());
    // Newest first. SQLite keeps creation times to the second, so two made in one second tie (and
    // the id decides, the same way on every page).
    const times = all.items.map((a) => Date.parse(a.createdAt));
    expect(times[0]).toBeGreaterThanOrEqual(times[1]);
    expect(all.items.find((a) => a.id === published.id)).toMatchObject({
      postingTitle: DEVELOPER_POSTING,
      status: 'published',
      postingId: published.postingId,
    });
    expect((await page('?status=draft')).items.map((a) => a.id)).toEqual([draft.id]);
    expect((await page(`?postingId=${published.postingId}`)).items.map((a) => a.id)).toEqual([published.id]);
    expect(
      (await page(`?search=${encodeURIComponent(DEVELOPER_POSTING.slice(0, 2))}`)).items.map((a) => a.id),
    ).toContain(published.id);
    expect((await page('?search=%25')).total).toBe(0);
    const paged = await page('?limit=1&offset=1');
    expect({ total: paged.total, ids: paged.items.map((a) => a.id) }).toEqual({ total: 2, ids: [all.items[1].id] });

    const bad = await get('/api/assessments?status=archived');
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'invalid-request' });
    const refused = await get('/api/assessments', await interviewer());
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'role-required' });
  });

  it('lists attempts across assessments, searched by candidate name or email, filtered by status and assessment', async () => {
    const first = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const second = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const invite = (id: string, name: string, email: string) =>
      request(suite.server.url)
        .post(`/api/assessments/${id}/invitations`)
        .set('Authorization', `Bearer ${suite.token}`)
        .send({ candidates: [{ name, email }] })
        .expect(201);
    await invite(first.id, '王小明', 'xiaoming@example.com');
    await invite(second.id, 'Grace Hopper', 'grace@navy.example');
    await invite(second.id, 'Alan Turing', 'alan@example.org');

    const page = (query: string) =>
      get(`/api/attempts${query}`)
        .expect(200)
        .then((r) => r.body as Page<AttemptListItem>);
    const names = (p: Page<AttemptListItem>) => p.items.map((a) => a.candidate.name);
    expect(names(await page(''))).toEqual(expect.arrayContaining(['王小明', 'Grace Hopper', 'Alan Turing']));
    expect(names(await page(`?search=${encodeURIComponent('小明')}`))).toEqual(['王小明']);
    expect(names(await page('?search=NAVY'))).toEqual(['Grace Hopper']);
    const ofSecond = await page(`?assessmentId=${second.id}`);
    expect({ total: ofSecond.total, names: names(ofSecond).sort() }).toEqual({
      total: 2,
      names: ['Alan Turing', 'Grace Hopper'],
    });
    expect(ofSecond.items[0].assessment).toEqual({ id: second.id, postingTitle: DEVELOPER_POSTING });
    expect((await page(`?assessmentId=${second.id}&status=invited`)).total).toBe(2);
    expect((await page(`?assessmentId=${second.id}&status=submitted`)).total).toBe(0);
    expect((await page(`?assessmentId=${second.id}&limit=1&offset=1`)).items).toHaveLength(1);

    const bad = await get('/api/attempts?status=lost');
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'invalid-request' });
    const refused = await get('/api/attempts', await interviewer());
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'role-required' });
  });

  it('tells the minutes the questions need, and publishes with the duration HR confirmed', async () => {
    const postingId = await seedPostingId(suite.server.url, suite.token, DEVELOPER_POSTING);
    const auth = { Authorization: `Bearer ${suite.token}` };
    const draft = (
      await request(suite.server.url).post(`/api/postings/${postingId}/assessments`).set(auth).send({}).expect(201)
    ).body as AssessmentView;
    const summed = draft.sections.flatMap((s) => s.questions).reduce((sum, q) => sum + q.minutes, 0);
    expect(draft.questionMinutes).toBe(summed);
    expect(summed).toBeGreaterThan(0);
    const publish = (body: object) =>
      request(suite.server.url).post(`/api/assessments/${draft.id}/publish`).set(auth).send(body);
    const tooShort = await publish({ durationMinutes: 1 });
    expect({ status: tooShort.status, code: tooShort.body.code, params: tooShort.body.params }).toEqual({
      status: 400,
      code: 'duration-out-of-range',
      params: { minutes: 1, min: 5, max: 600 },
    });
    const published = (await publish({ durationMinutes: summed + 15 }).expect(201)).body as AssessmentView;
    expect({ status: published.status, durationMinutes: published.durationMinutes }).toEqual({
      status: 'published',
      durationMinutes: summed + 15,
    });
  });
});
