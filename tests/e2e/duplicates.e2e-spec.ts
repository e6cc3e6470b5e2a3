import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { ImportPostingsResponse, InvitationLink, InviteCsvResponse } from '@rubricon/contracts';
import { DEVELOPER_POSTING, publishedAssessment } from '../factories/attempts';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

const SEED_DIR = join(__dirname, '../../seeds');
const seedFile = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt'))[0];

describe.each(databaseKinds().map((k) => [k.name, k] as const))('duplicates on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const auth = () => ({ Authorization: `Bearer ${suite.token}` });
  const total = async () =>
    (await request(suite.server.url).get('/api/postings?limit=1').set(auth()).expect(200)).body.total as number;
  const importSeed = (query: string, content: string | Buffer = readFileSync(join(SEED_DIR, seedFile))) =>
    request(suite.server.url).post(`/api/postings/import${query}`).set(auth()).attach('file', content, seedFile);

  it('recognises a re-import of the seed file: reports it by default, creates nothing when skipping', async () => {
    const before = await total();
    const reported = (await importSeed('').expect(201)).body as ImportPostingsResponse;
    expect(reported.awaitingChoice).toBe(true);
    expect(reported.items).toEqual([]);
    expect(reported.duplicates.length).toBeGreaterThan(0);
    expect(reported.duplicates[0]).toMatchObject({ index: 0, existing: [{ id: expect.any(String) }] });
    expect(await total()).toBe(before);

    const skipped = (await importSeed('?duplicates=skip').expect(201)).body as ImportPostingsResponse;
    expect({ items: skipped.items, awaitingChoice: skipped.awaitingChoice }).toEqual({
      items: [],
      awaitingChoice: false,
    });
    expect(skipped.duplicates).toEqual(reported.duplicates);
    expect(await total()).toBe(before);
  });

  it('finds the same content with other spacing and full-width characters, and imports it anyway when asked', async () => {
    const text = '# Data engineer\n\n## Responsibilities\n- Build ETL pipelines (Spark)\n- Keep data quality high\n';
    const first = (await request(suite.server.url).post('/api/postings/import').set(auth()).send({ text }).expect(201))
      .body as ImportPostingsResponse;
    expect(first).toMatchObject({ duplicates: [], awaitingChoice: false, items: [{ title: 'Data engineer' }] });
    const respaced =
      '# Data   engineer\n\n## Responsibilities\n- Build ＥＴＬ pipelines （Spark）\n-   Keep data quality high\n';
    const again = await request(suite.server.url).post('/api/postings/import').set(auth()).send({ text: respaced });
    expect(again.body.duplicates).toEqual([
      { index: 0, title: 'Data engineer', existing: [{ id: first.items[0].id, title: 'Data engineer' }] },
    ]);
    const anyway = (
      await request(suite.server.url)
        .post('/api/postings/import?duplicates=import')
        .set(auth())
        .send({ text: respaced })
        .expect(201)
    ).body as ImportPostingsResponse;
    expect(anyway.items).toHaveLength(1);
    expect(anyway.duplicates).toHaveLength(1);
    const bad = await request(suite.server.url)
      .post('/api/postings/import?duplicates=maybe')
      .set(auth())
      .send({ text });
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'invalid-request' });
  });

  it('answers an empty posting edit with nothing-to-change, and compares an edited posting by its new content', async () => {
    const text = '# QA engineer\n\n## Responsibilities\n- Write test plans\n';
    const { items } = (
      await request(suite.server.url).post('/api/postings/import').set(auth()).send({ text }).expect(201)
    ).body as ImportPostingsResponse;
    const url = `/api/postings/${items[0].id}`;
    const empty = await request(suite.server.url).patch(url).set(auth()).send({});
    expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'nothing-to-change' });
    await request(suite.server.url)
      .patch(url)
      .set(auth())
      .send({ duties: ['Write test plans', 'Automate regression tests'] })
      .expect(200);
    const edited = '# QA engineer\n\n## Responsibilities\n- Write test plans\n- Automate regression tests\n';
    const res = await request(suite.server.url).post('/api/postings/import').set(auth()).send({ text: edited });
    expect(res.body.duplicates).toEqual([
      { index: 0, title: 'QA engineer', existing: [{ id: items[0].id, title: 'QA engineer' }] },
    ]);
    await request(suite.server.url).delete(url).set(auth()).expect(204);
    await request(suite.server.url).get(url).set(auth()).expect(404);
  });

  it('refuses a second invitation for the same email unless the earlier one was revoked, and skips such CSV lines', async () => {
    const { id } = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const invite = (email: string) =>
      request(suite.server.url)
        .post(`/api/assessments/${id}/invitations`)
        .set(auth())
        .send({ candidates: [{ name: 'Ada', email }] });
    const [first] = (await invite('ada@example.com').expect(201)).body as InvitationLink[];
    expect((await invite('ADA@Example.com').expect(409)).body).toEqual({
      message:
        'ada@example.com is already invited to this assessment; revoke that invitation first to invite them again.',
      code: 'candidate-already-invited',
      params: { email: 'ada@example.com' },
    });
    const twiceInOne = await request(suite.server.url)
      .post(`/api/assessments/${id}/invitations`)
      .set(auth())
      .send({
        candidates: [
          { name: 'Bo', email: 'bo@example.com' },
          { name: 'Bo W', email: 'BO@example.com' },
        ],
      });
    expect({ status: twiceInOne.status, code: twiceInOne.body.code }).toEqual({
      status: 409,
      code: 'candidate-already-invited',
    });

    const csv = 'name,email\nAda L.,Ada@example.com\nCy,cy@example.com\n';
    const fromCsv = (
      await request(suite.server.url)
        .post(`/api/assessments/${id}/invitations/csv`)
        .set(auth())
        .send({ text: csv })
        .expect(201)
    ).body as InviteCsvResponse;
    expect(fromCsv.links.map((l) => l.candidate.email)).toEqual(['cy@example.com']);
    expect(fromCsv.skipped).toEqual([{ line: 2, email: 'ada@example.com', code: 'candidate-already-invited' }]);

    await request(suite.server.url).post(`/api/invitations/${first.invitationId}/revoke`).set(auth()).expect(200);
    await invite('ada@example.com').expect(201);
    // A new link for the withdrawn invitation would make two live ones.
    const revived = await request(suite.server.url).post(`/api/invitations/${first.invitationId}/resend`).set(auth());
    expect({ status: revived.status, code: revived.body.code }).toEqual({
      status: 409,
      code: 'candidate-already-invited',
    });
  });

  it('lets only one of several invitations of the same person at the same moment through', async () => {
    const { id } = await publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(suite.server.url)
          .post(`/api/assessments/${id}/invitations`)
          .set(auth())
          .send({ candidates: [{ name: `Racer ${i}`, email: i % 2 ? 'RACE@example.com' : 'race@example.com' }] })
          .then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const attempts = (await request(suite.server.url).get(`/api/assessments/${id}/attempts`).set(auth()).expect(200))
      .body as unknown[];
    expect(attempts).toHaveLength(1);
  });
});
