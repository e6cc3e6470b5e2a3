import request from 'supertest';
import type { AttemptDetail } from '@rubricon/contracts';
import { invitedCandidates, startedAttempt } from '../factories/attempts';
import { candidateApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('integrity summary on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');

  it("gives HR the attempt's signals summed up by the server, with the full timeline beside it", async () => {
    const { url } = suite.server;
    const {
      links: [link],
    } = await invitedCandidates(url, suite.token);
    const { session } = await startedAttempt(url, link);
    const c = candidateApi(url, session.accessToken);
    for (const body of [
      { type: 'paste', detail: { size: 120 } },
      { type: 'resize', detail: { width: 800, height: 600 } },
      { type: 'blur' },
      { type: 'focus' },
      { type: 'paste', detail: { size: 30 } },
      { type: 'hidden' },
      { type: 'visible' },
    ])
      await c.signal({ attemptId: link.attemptId, ...body }).expect(200);
    const detail = (
      await request(url)
        .get(`/api/attempts/${link.attemptId}`)
        .set('Authorization', `Bearer ${suite.token}`)
        .expect(200)
    ).body as AttemptDetail;
    expect(detail.integritySummary).toEqual({
      pastes: { count: 2, totalCharacters: 150 },
      away: { count: 2, totalMs: expect.any(Number) },
      runs: { count: 0 },
      byKind: { paste: 2, blur: 1, focus: 1, resize: 1, hidden: 1, visible: 1, 'hidden-run': 0 },
    });
    expect(detail.integritySummary.away.totalMs).toBeGreaterThanOrEqual(0);
    expect(detail.timeline).toHaveLength(7);
  });
});
