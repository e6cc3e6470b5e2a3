import request from 'supertest';
import type {
  AttemptDetail,
  AuditEntryView,
  Page,
  RankingPage,
  ReviewSummary,
  ScorecardView,
  ScoreSheetView,
} from '@rubricon/contracts';
import { createStaff } from '../factories/staff';
import { assignRaters, fullSheet, getCsv, getSheet, scoreAndSubmit, submittedAttempts } from '../factories/scoring';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';
import { until } from '../support/until';

type Staff = Awaited<ReturnType<typeof createStaff>>;

describe.each(databaseKinds().map((k) => [k.name, k] as const))('rubric scoring on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  let raterA: Staff;
  let raterB: Staff;
  let outsider: Staff;
  let fixture: Awaited<ReturnType<typeof submittedAttempts>>;
  let attemptId: string;
  let postingId: string;
  let candidateId: string;

  beforeAll(async () => {
    const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    raterA = await createStaff(suite.server.url, admin, 'interviewer');
    raterB = await createStaff(suite.server.url, admin, 'interviewer');
    outsider = await createStaff(suite.server.url, admin, 'interviewer');
    fixture = await submittedAttempts(suite.server.url, suite.token, 2);
    attemptId = fixture.attempts[0].attemptId;
    postingId = fixture.assessment.postingId;
    const detail = (await request(suite.server.url).get(`/api/attempts/${attemptId}`).set(as(suite.token)).expect(200))
      .body as AttemptDetail;
    candidateId = detail.candidate.id;
    // Grading of the coding answers has run: their correctness criterion has an automatic level.
    await until(async () => {
      const d = (await request(suite.server.url).get(`/api/attempts/${attemptId}`).set(as(suite.token))).body;
      return d.autoScorePercent !== null ? true : undefined;
    });
  });

  it('lets HR assign raters; an unassigned staff member and a bad rater are refused', async () => {
    const url = suite.server.url;
    const assigned = await assignRaters(url, suite.token, 'attempt', attemptId, [raterA.id, raterB.id]);
    expect(assigned.map((a) => [a.rater.id, a.status]).sort()).toEqual(
      [
        [raterA.id, 'pending'],
        [raterB.id, 'pending'],
      ].sort(),
    );
    await request(url)
      .put(`/api/scoring/subjects/attempt/${attemptId}/raters`)
      .set(as(raterA.token))
      .send({ raterIds: [raterA.id] })
      .expect(403);
    const bad = await request(url)
      .put(`/api/scoring/subjects/attempt/${attemptId}/raters`)
      .set(as(suite.token))
      .send({ raterIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(bad.body.code).toBe('rater-unknown');
    const notMine = await request(url)
      .get(`/api/scoring/subjects/attempt/${attemptId}/sheet`)
      .set(as(outsider.token))
      .expect(404);
    expect(notMine.body.code).toBe('not-assigned');
    const reviews = (await request(url).get('/api/scoring/sheets').set(as(raterA.token)).expect(200))
      .body as Page<ReviewSummary>;
    expect(reviews.items.map((r) => r.subject.id)).toEqual([attemptId]);
    expect(reviews.items[0].candidateLabel).toBe(fixture.attempts[0].candidateName);
  });

  it('shows the rubric with anchors, the answers, and the automatic level of coding criteria', async () => {
    const sheet = await getSheet(suite.server.url, raterA.token, 'attempt', attemptId);
    expect(sheet.status).toBe('pending');
    expect(sheet.others).toBeNull();
    const coding = sheet.questions.find((q) => q.kind === 'coding')!;
    expect(coding.grading).not.toBeNull();
    const auto = coding.rubric.find((c) => c.autoScored)!;
    expect(auto.autoLevel).toEqual(expect.any(Number));
    const text = sheet.questions.find((q) => q.kind !== 'coding')!;
    expect(text.answer?.content).toContain('My answer');
    expect(text.rubric[0].anchors).toEqual(
      expect.objectContaining({ '1': expect.anything(), '3': expect.anything(), '5': expect.anything() }),
    );
  });

  it('refuses bad scores with clear codes and keeps the draft unchanged', async () => {
    const url = suite.server.url;
    const sheet = await getSheet(url, raterA.token, 'attempt', attemptId);
    const q = sheet.questions.find((x) => x.kind !== 'coding')!;
    const put = (body: object) =>
      request(url).put(`/api/scoring/subjects/attempt/${attemptId}/sheet`).set(as(raterA.token)).send(body);
    expect(
      (await put({ scores: [{ questionId: q.questionId, criterionId: q.rubric[0].id, level: 6 }] }).expect(400)).body
        .code,
    ).toBe('level-invalid');
    expect(
      (await put({ scores: [{ questionId: q.questionId, criterionId: q.rubric[0].id, level: 2.5 }] }).expect(400)).body
        .code,
    ).toBe('level-invalid');
    expect(
      (await put({ scores: [{ questionId: q.questionId, criterionId: 'nope', level: 3 }] }).expect(400)).body.code,
    ).toBe('criterion-unknown');
    const coding = sheet.questions.find((x) => x.kind === 'coding')!;
    const auto = coding.rubric.find((c) => c.autoLevel !== null)!;
    const override = await put({ scores: [{ questionId: coding.questionId, criterionId: auto.id, level: 2 }] }).expect(
      400,
    );
    expect(override.body.code).toBe('reason-required');
    const incomplete = await request(url)
      .post(`/api/scoring/subjects/attempt/${attemptId}/sheet/submit`)
      .set(as(raterA.token))
      .expect(422);
    expect(incomplete.body.code).toBe('sheet-incomplete');
    expect((await getSheet(url, raterA.token, 'attempt', attemptId)).scores.filter((s) => s.source !== 'auto')).toEqual(
      [],
    );
  });

  it('keeps raters independent: none sees another’s scores before submitting, then sees them side by side', async () => {
    const url = suite.server.url;
    // B drafts first, then A submits: A sees B as pending, without B's draft.
    const sheetB = await getSheet(url, raterB.token, 'attempt', attemptId);
    await request(url)
      .put(`/api/scoring/subjects/attempt/${attemptId}/sheet`)
      .set(as(raterB.token))
      .send(fullSheet(sheetB, () => 5, 'strong-yes'))
      .expect(200);
    const beforeA = await getSheet(url, raterA.token, 'attempt', attemptId);
    expect(beforeA.others).toBeNull();
    expect(JSON.stringify(beforeA)).not.toContain('strong-yes');

    // The scorecard is refused to a pending rater, even an HR one (HR assigns itself here).
    const submittedA = await scoreAndSubmit(
      url,
      raterA.token,
      'attempt',
      attemptId,
      (qi, ci) => (ci === 1 ? null : 3),
      'no',
    );
    expect(submittedA.status).toBe('submitted');
    expect(submittedA.others).toEqual([
      expect.objectContaining({ rater: expect.objectContaining({ id: raterB.id }), status: 'pending', scores: [] }),
    ]);
    expect(JSON.stringify(submittedA.others)).not.toContain('strong-yes');

    const submittedB = (
      await request(url)
        .post(`/api/scoring/subjects/attempt/${attemptId}/sheet/submit`)
        .set(as(raterB.token))
        .expect(200)
    ).body as ScoreSheetView;
    const a = submittedB.others!.find((o) => o.rater.id === raterA.id)!;
    expect(a.recommendation).toBe('no');
    expect(a.scores.some((s) => s.level === null)).toBe(true);

    // Saving after submission is refused; the scores stay.
    const again = await request(url)
      .put(`/api/scoring/subjects/attempt/${attemptId}/sheet`)
      .set(as(raterA.token))
      .send(fullSheet(submittedA, () => 1))
      .expect(409);
    expect(again.body.code).toBe('sheet-submitted');
  });

  it('changes a submitted score only by an amendment with a reason, keeping the original', async () => {
    const url = suite.server.url;
    const sheet = await getSheet(url, raterA.token, 'attempt', attemptId);
    const target = sheet.scores.find((s) => s.source === 'rater' && s.level === 3)!;
    const amend = (body: object) =>
      request(url).post(`/api/scoring/subjects/attempt/${attemptId}/sheet/amendments`).set(as(raterA.token)).send(body);
    const noReason = await amend({
      reason: ' ',
      score: { questionId: target.questionId, criterionId: target.criterionId, level: 4 },
    }).expect(400);
    expect(noReason.body.code).toBe('reason-required');
    expect((await amend({ reason: 'Re-read the answer' }).expect(400)).body.code).toBe('amendment-empty');
    const unchanged = await amend({
      reason: 'Re-read the answer',
      score: { questionId: target.questionId, criterionId: target.criterionId, level: 3 },
      recommendation: 'no',
    }).expect(400);
    expect(unchanged.body.code).toBe('nothing-to-change');
    const amended = (
      await amend({
        reason: 'Re-read the answer: the trade-offs are there',
        score: { questionId: target.questionId, criterionId: target.criterionId, level: 4 },
        recommendation: 'yes',
      }).expect(200)
    ).body as ScoreSheetView;
    const now = amended.scores.find((s) => s.questionId === target.questionId && s.criterionId === target.criterionId)!;
    expect(now.level).toBe(4);
    expect(now.amendments).toEqual([
      expect.objectContaining({
        reason: 'Re-read the answer: the trade-offs are there',
        before: expect.objectContaining({ level: 3 }),
        after: expect.objectContaining({ level: 4 }),
      }),
    ]);
    expect(amended.recommendation).toBe('yes');
    expect(amended.recommendationAmendments[0]).toMatchObject({
      before: { recommendation: 'no' },
      after: { recommendation: 'yes' },
    });

    // Overriding an automatic level after submission is an amendment too, recorded as an override.
    const coding = amended.questions.find((q) => q.kind === 'coding')!;
    const auto = coding.rubric.find((c) => c.autoLevel !== null)!;
    const overridden = (
      await amend({
        reason: 'Hidden tests miss the edge case',
        score: { questionId: coding.questionId, criterionId: auto.id, level: 2 },
      }).expect(200)
    ).body as ScoreSheetView;
    expect(
      overridden.scores.find((s) => s.criterionId === auto.id && s.questionId === coding.questionId),
    ).toMatchObject({
      level: 2,
      source: 'override',
      overrideReason: 'Hidden tests miss the edge case',
    });
  });

  it('builds the scorecard by formula with both raters side by side, flags, and the ranking', async () => {
    const url = suite.server.url;
    const card = (
      await request(url)
        .get(`/api/scorecards/postings/${postingId}/candidates/${candidateId}`)
        .set(as(suite.token))
        .expect(200)
    ).body as ScorecardView;
    expect(card.raters.map((r) => r.status)).toEqual(['submitted', 'submitted']);
    expect(card.flags).toEqual(expect.arrayContaining(['spread', 'no-evidence']));
    expect(card.total).toBeGreaterThan(1);
    expect(card.total).toBeLessThan(5);
    const text = card.questions.find((q) => q.kind !== 'coding')!;
    expect(Object.keys(text.criteria[0].levels).sort()).toEqual([raterA.id, raterB.id].sort());
    expect(card.competencies.length).toBeGreaterThan(0);
    expect(card.integrity).toHaveLength(1);
    expect(card.formula.en).toContain('weighted mean');

    const ranking = (
      await request(url).get(`/api/scorecards/postings/${postingId}/ranking?limit=10`).set(as(suite.token)).expect(200)
    ).body as RankingPage;
    expect(ranking.total).toBe(2);
    expect(ranking.items[0]).toMatchObject({
      rank: 1,
      candidate: { id: candidateId },
      ratersSubmitted: 2,
      ratersAssigned: 2,
    });
    expect(ranking.items[0].total).toBeCloseTo(card.total!, 6);
    // The other candidate submitted too but nobody scores them yet: listed last, flagged unassigned.
    expect(ranking.items[1]).toMatchObject({ rank: null, total: null, flags: ['unassigned'] });
    const flagged = (
      await request(url)
        .get(`/api/scorecards/postings/${postingId}/ranking?flagged=false`)
        .set(as(suite.token))
        .expect(200)
    ).body as RankingPage;
    expect(flagged.total).toBe(0);
    const page = (query: string) =>
      request(url).get(`/api/scorecards/postings/${postingId}/ranking?${query}`).set(as(suite.token)).expect(200);
    const byName = ((await page('sort=name&order=desc')).body as RankingPage).items.map((r) => r.candidate.name);
    expect(byName).toEqual([...byName].sort().reverse());
    const ascending = ((await page('sort=total&order=asc')).body as RankingPage).items;
    expect(ascending.map((r) => r.total)).toEqual([card.total, null]);
    const found = (await page(`search=${encodeURIComponent(fixture.attempts[0].candidateName)}`)).body as RankingPage;
    expect(found.items.map((r) => r.candidate.id)).toEqual([candidateId]);
    const second = (await page('limit=1&offset=1')).body as RankingPage;
    expect(second).toMatchObject({ total: 2, items: [{ total: null }] });

    // Raters cannot read scorecards; HR can, and the audit log has the attempt's submission (no
    // actor: the candidate handed it in) and each score submission and amendment.
    await request(url).get(`/api/scorecards/postings/${postingId}/ranking`).set(as(raterA.token)).expect(403);
    const audit = (await request(url).get(`/api/audit?targetId=${attemptId}&limit=50`).set(as(suite.token)).expect(200))
      .body as Page<AuditEntryView>;
    const actions = audit.items.map((e) => e.action).sort();
    expect(audit.items.find((e) => e.action === 'attempt.submit')).toMatchObject({ actor: null });
    expect(actions).toEqual(
      [
        'attempt.submit',
        'rater.assign',
        'rater.assign',
        'score.amend',
        'score.amend',
        'score.override',
        'score.submit',
        'score.submit',
      ].sort(),
    );
  });

  it('exports the ranking and a scorecard as CSV with a BOM', async () => {
    const url = suite.server.url;
    const res = await getCsv(url, suite.token, `/api/scorecards/postings/${postingId}/ranking.csv`);
    expect(res.type).toContain('text/csv');
    const csv = res.text;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(fixture.attempts[0].candidateName);
    const card = (await getCsv(url, suite.token, `/api/scorecards/postings/${postingId}/candidates/${candidateId}/csv`))
      .text;
    expect(card.startsWith('\uFEFF')).toBe(true);
    // Who said what: one column per rater who submitted, and the "no evidence" rater A gave.
    expect(card).toContain(',Test interviewer,Test interviewer,mean,spread,flags\r\n');
    expect(card).toContain('no evidence');
  });

  it('refuses a rater who is removed after submitting, and the scorecard to a pending rater', async () => {
    const url = suite.server.url;
    const refused = await request(url)
      .put(`/api/scoring/subjects/attempt/${attemptId}/raters`)
      .set(as(suite.token))
      .send({ raterIds: [raterA.id] })
      .expect(409);
    expect(refused.body.code).toBe('rater-has-submitted');
    // HR assigns itself to the second candidate: it may not read that scorecard until it submits.
    const me = (await request(url).get('/api/auth/me').set(as(suite.token)).expect(200)).body as { id: string };
    const second = fixture.attempts[1].attemptId;
    await assignRaters(url, suite.token, 'attempt', second, [me.id]);
    const detail = (await request(url).get(`/api/attempts/${second}`).set(as(suite.token)).expect(200))
      .body as AttemptDetail;
    const withheld = await request(url)
      .get(`/api/scorecards/postings/${postingId}/candidates/${detail.candidate.id}`)
      .set(as(suite.token))
      .expect(403);
    expect(withheld.body.code).toBe('scores-withheld');
    const ranking = (
      await request(url).get(`/api/scorecards/postings/${postingId}/ranking`).set(as(suite.token)).expect(200)
    ).body as RankingPage;
    expect(ranking.items.find((r) => r.candidate.id === detail.candidate.id)).toMatchObject({
      withheld: true,
      flags: [],
      competencies: {},
      total: null,
    });
  });

  it('hides names from raters when the assessment is scored blind', async () => {
    const url = suite.server.url;
    await request(url)
      .put(`/api/assessments/${fixture.assessment.id}/blind-scoring`)
      .set(as(suite.token))
      .send({ blind: true })
      .expect(200);
    const sheet = await getSheet(url, raterA.token, 'attempt', attemptId);
    expect(sheet.blind).toBe(true);
    expect(sheet.candidateLabel).toMatch(/^#[0-9A-F]{6}$/);
    const raw = JSON.stringify(sheet);
    expect(raw).not.toContain(fixture.attempts[0].candidateName);
    expect(raw).not.toContain('@example.com');
    const reviews = (await request(url).get('/api/scoring/sheets').set(as(raterA.token)).expect(200))
      .body as Page<ReviewSummary>;
    expect(JSON.stringify(reviews)).not.toContain(fixture.attempts[0].candidateName);
    await request(url)
      .put(`/api/assessments/${fixture.assessment.id}/blind-scoring`)
      .set(as(raterA.token))
      .send({ blind: false })
      .expect(403);
  });

  it('computes agreement and calibration for the posting', async () => {
    const res = await request(suite.server.url)
      .get(`/api/scorecards/postings/${postingId}/agreement`)
      .set(as(suite.token))
      .expect(200);
    expect(res.body.overall.units).toBeGreaterThan(0);
    expect(res.body.calibration.map((c: { rater: { id: string } }) => c.rater.id).sort()).toEqual(
      [raterA.id, raterB.id].sort(),
    );
    const summary = await request(suite.server.url)
      .get(`/api/scorecards/postings/${postingId}/summary`)
      .set(as(suite.token))
      .expect(200);
    expect(summary.body).toMatchObject({ candidates: 2, scored: 1 });
  });
});
