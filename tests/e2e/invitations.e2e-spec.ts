import request from 'supertest';
import type { AttemptSummary, CandidateAttemptView, InvitationLink } from '@rubricon/contracts';
import {
  DEVELOPER_POSTING,
  invitedCandidates,
  openSession,
  publishedAssessment,
  startedAttempt,
} from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { candidateApi, staffApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('invitations on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = (method: 'get' | 'post', path: string) => staffApi(suite.server.url, suite.token)(method, path);
  const assessment = () => publishedAssessment(suite.server.url, suite.token, DEVELOPER_POSTING);

  it('invites from a CSV and explains a bad one', async () => {
    const { id } = await assessment();
    const csv = '\uFEFFName,Email\r\n"Li, Lei",lei@example.com\r\n王芳,wang.fang@example.com\r\n';
    const links = (
      await hr('post', `/api/assessments/${id}/invitations/csv`)
        .attach('file', Buffer.from(csv), 'candidates.csv')
        .expect(201)
    ).body as InvitationLink[];
    expect(links.map((l) => l.candidate)).toEqual([
      { name: 'Li, Lei', email: 'lei@example.com' },
      { name: '王芳', email: 'wang.fang@example.com' },
    ]);
    const bad = await hr('post', `/api/assessments/${id}/invitations/csv`)
      .send({ text: 'name,email\nNo Email,\n' })
      .expect(422);
    expect(bad.body).toMatchObject({ code: 'csv-row-invalid', params: { line: 2, name: 'No Email', email: '' } });
    const noHeader = await hr('post', `/api/assessments/${id}/invitations/csv`)
      .send({ text: 'a,b\nc,d\n' })
      .expect(422);
    expect(noHeader.body).toMatchObject({ code: 'csv-columns-missing', params: { found: 'a, b' } });
  });

  it('refuses invitations to an unpublished assessment', async () => {
    const postingId = await seedPostingId(suite.server.url, suite.token, DEVELOPER_POSTING);
    const draft = (await hr('post', `/api/postings/${postingId}/assessments`).send({}).expect(201)).body;
    const res = await hr('post', `/api/assessments/${draft.id}/invitations`)
      .send({ candidates: [{ name: 'A', email: 'a@example.com' }] })
      .expect(409);
    expect(res.body.message).toMatch(/Publish the assessment/);
  });

  it('counts a candidate name in characters as the database does: just over the limit a 400, at the limit saved intact', async () => {
    const { id } = await assessment();
    // '❤️' is two characters to MariaDB (U+2764 and the variation selector U+FE0F); class-validator's MaxLength counted one.
    const over = await hr('post', `/api/assessments/${id}/invitations`)
      .send({ candidates: [{ name: '❤️'.repeat(61), email: 'heart-over@example.com' }] })
      .expect(400);
    expect(over.body.message).toBe('candidates.0.name must be shorter than or equal to 120 characters');
    const name = '❤️'.repeat(60);
    const [link] = (
      await hr('post', `/api/assessments/${id}/invitations`)
        .send({ candidates: [{ name, email: 'heart-at@example.com' }] })
        .expect(201)
    ).body as InvitationLink[];
    expect(link.candidate.name).toBe(name);
    const list = (await hr('get', `/api/assessments/${id}/attempts`).expect(200)).body as AttemptSummary[];
    expect(list.find((a) => a.attemptId === link.attemptId)?.candidate.name).toBe(name);
  });

  it('reads a CSV saved as UTF-16, and refuses a GBK one and one that lists an email twice, inviting nobody', async () => {
    const { id } = await assessment();
    const csvUrl = `/api/assessments/${id}/invitations/csv`;
    const count = async () =>
      ((await hr('get', `/api/assessments/${id}/attempts`).expect(200)).body as AttemptSummary[]).length;
    const utf16 = (
      await hr('post', csvUrl)
        .attach('file', Buffer.from('\uFEFFname,email\r\n张三,zhang3@x.io\r\n', 'utf16le'), 'unicode.csv')
        .expect(201)
    ).body as InvitationLink[];
    expect(utf16.map((l) => l.candidate)).toEqual([{ name: '张三', email: 'zhang3@x.io' }]);
    const before = await count();

    // What Chinese Excel writes by default: 张三 in GBK.
    const gbk = Buffer.concat([
      Buffer.from('name,email\n'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',zhang3@x.io\n'),
    ]);
    const refusedGbk = await hr('post', csvUrl).attach('file', gbk, 'candidates.csv').expect(422);
    expect(refusedGbk.body).toMatchObject({ code: 'file-not-utf8', message: expect.stringMatching(/GBK.*CSV UTF-8/) });
    const noBom = await hr('post', csvUrl)
      .attach('file', Buffer.from('name,email\nLi Lei,lei@x.io\n', 'utf16le'), 'candidates.csv')
      .expect(422);
    expect(noBom.body.code).toBe('file-not-utf8');
    const twice = await hr('post', csvUrl)
      .attach(
        'file',
        Buffer.from('name,email\nAlice,alice@x.io\nBob,bob@x.io\nAlice W.,ALICE@x.io\n'),
        'candidates.csv',
      )
      .expect(422);
    expect(twice.body).toMatchObject({
      code: 'csv-duplicate-email',
      params: { email: 'alice@x.io', lines: '2, 4', count: 1 },
    });
    expect(await count()).toBe(before);
  });

  it('spends a link at start, and refuses used, unknown and withdrawn links; a resent link resumes', async () => {
    const { url } = suite.server;
    const {
      links: [link, revoked],
    } = await invitedCandidates(url, suite.token, 2);
    const { started } = await startedAttempt(url, link);
    const reused = await request(url).post('/api/candidate/sessions').send({ token: link.token }).expect(410);
    expect(reused.body.message).toMatch(/already been used/);
    await request(url)
      .post('/api/candidate/sessions')
      .send({ token: 'x'.repeat(43) })
      .expect(404);

    await hr('post', `/api/invitations/${revoked.invitationId}/revoke`).expect(200);
    expect(
      (await request(url).post('/api/candidate/sessions').send({ token: revoked.token }).expect(410)).body.message,
    ).toMatch(/withdrawn/);

    const resent = (await hr('post', `/api/invitations/${link.invitationId}/resend`).expect(200))
      .body as InvitationLink;
    const session = await openSession(url, resent);
    const view = (await candidateApi(url, session.accessToken).view().expect(200)).body as CandidateAttemptView;
    expect(view).toMatchObject({ status: 'in_progress', deadline: started.deadline });
    await request(url).post('/api/candidate/sessions').send({ token: resent.token }).expect(410);
  });
});
