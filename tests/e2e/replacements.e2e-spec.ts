import request from 'supertest';
import type { AssessmentView, QuestionAlternative } from '@rubricon/contracts';
import { alternativesFor, dutyCoverage, loadQuestionBank, tagLine, type RoleFamily } from '@rubricon/generation';
import { join } from 'node:path';
import { DEVELOPER_POSTING } from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));

describe.each(databaseKinds().map((k) => [k.name, k] as const))('question replacements on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = () => ({ Authorization: `Bearer ${suite.token}` });

  it('offers only replacements that assess a duty line, most direct lines first, and says why for each line', async () => {
    const { url } = suite.server;
    const postingId = await seedPostingId(url, suite.token, DEVELOPER_POSTING);
    const draft = (
      await request(url).post(`/api/postings/${postingId}/assessments`).set(hr()).send({ seed: 3 }).expect(201)
    ).body as AssessmentView;
    // The posting's lines as the server tagged them (same bank), to tell which bank questions assess none.
    const lines = draft.duties.map((d) => tagLine(d.text, bank));
    const assessesNone = (id: string) =>
      dutyCoverage(lines, [bank.questions.find((q) => q.id === id)!], bank).questionIds.every(
        (ids) => ids.length === 0,
      );
    const used = draft.sections.flatMap((s) => s.questions.map((q) => q.id));
    const lists: QuestionAlternative[][] = [];
    let leftOut = 0;
    for (const question of draft.sections.flatMap((s) => s.questions)) {
      const alternatives = (
        await request(url)
          .get(`/api/assessments/${draft.id}/questions/${encodeURIComponent(question.id)}/alternatives`)
          .set(hr())
          .expect(200)
      ).body as QuestionAlternative[];
      lists.push(alternatives);
      const direct = (a: QuestionAlternative) => a.duties.filter((d) => d.strength === 'direct').length;
      const order = alternatives.map((a) => [direct(a), a.dutyIndexes.length]);
      expect(order).toEqual([...order].sort((x, y) => y[0] - x[0] || y[1] - x[1]));
      for (const a of alternatives) {
        expect(a.dutyIndexes.length).toBeGreaterThan(0);
        expect(a.coversNoDuty).toBe(false);
        expect(a.duties.map((d) => [d.index, d.text])).toEqual(
          a.dutyIndexes.map((index) => [index, draft.duties[index].text]),
        );
        for (const d of a.duties) {
          expect(['direct', 'partial']).toContain(d.strength);
          expect(d.words).toEqual(expect.any(Array));
          // A line's words, in the line (normalised: lower case).
          for (const w of d.words) expect(draft.duties[d.index].text.toLowerCase()).toContain(w);
          expect(d.competencies).toEqual(expect.any(Array));
          // Every match has a reason HR can read: shared words or a shared competency, and a direct one words.
          expect(d.words.length + d.competencies.length).toBeGreaterThan(0);
          if (d.strength === 'direct') expect(d.words.length).toBeGreaterThan(0);
        }
      }
      // The bank's same-kind questions that assess none of the posting's lines are never offered.
      if (question.composedFrom) continue;
      const offered = new Set(alternatives.map((a) => a.id));
      const none = alternativesFor(
        bank,
        bank.questions.find((q) => q.id === question.id)!,
        draft.roleFamily as RoleFamily,
        used,
      )
        .map((q) => q.id)
        .filter(assessesNone);
      for (const id of none) expect(offered.has(id)).toBe(false);
      leftOut += none.length;
    }
    // The seed posting's questions have replacements, and the bank has questions beside the posting that were left out.
    expect(lists.flat().length).toBeGreaterThan(0);
    expect(leftOut).toBeGreaterThan(0);
  });
});
