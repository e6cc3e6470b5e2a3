import request from 'supertest';
import type { AssessmentView, QuestionAlternative } from '@rubricon/contracts';
import { DEVELOPER_POSTING } from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('question replacements on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = () => ({ Authorization: `Bearer ${suite.token}` });

  it('ranks the replacements of a question by the posting duty lines they assess and names those lines', async () => {
    const { url } = suite.server;
    const postingId = await seedPostingId(url, suite.token, DEVELOPER_POSTING);
    const draft = (
      await request(url).post(`/api/postings/${postingId}/assessments`).set(hr()).send({ seed: 3 }).expect(201)
    ).body as AssessmentView;
    const lists: QuestionAlternative[][] = [];
    for (const question of draft.sections.flatMap((s) => s.questions)) {
      const alternatives = (
        await request(url)
          .get(`/api/assessments/${draft.id}/questions/${encodeURIComponent(question.id)}/alternatives`)
          .set(hr())
          .expect(200)
      ).body as QuestionAlternative[];
      lists.push(alternatives);
      const counts = alternatives.map((a) => a.dutyIndexes.length);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const a of alternatives) {
        expect(a.duties).toEqual(a.dutyIndexes.map((index) => ({ index, text: draft.duties[index].text })));
        expect(a.coversNoDuty).toBe(a.dutyIndexes.length === 0);
      }
    }
    // The seed posting's questions have replacements, and some of them assess duty lines.
    expect(lists.flat().some((a) => a.dutyIndexes.length > 0)).toBe(true);
  });
});
