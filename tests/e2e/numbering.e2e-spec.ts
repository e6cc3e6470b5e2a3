import request from 'supertest';
import type {
  AssessmentView,
  AttemptDetail,
  BankQuestionSummary,
  CandidateAttemptView,
  InvitationLink,
} from '@rubricon/contracts';
import { DEVELOPER_POSTING, startedAttempt } from '../factories/attempts';
import { seedPostingId } from '../factories/postings';
import { candidateApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('one question numbering on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const hr = () => ({ Authorization: `Bearer ${suite.token}` });

  it("numbers questions the same for HR and the candidate, and HR's result lists unanswered questions", async () => {
    const { url } = suite.server;
    const postingId = await seedPostingId(url, suite.token, DEVELOPER_POSTING);
    const draft = (
      await request(url).post(`/api/postings/${postingId}/assessments`).set(hr()).send({ seed: 3 }).expect(201)
    ).body as AssessmentView;
    // A coding question added last: its position is after every other kind's.
    const used = new Set(draft.sections.flatMap((s) => s.questions.map((q) => q.id)));
    const bank = (await request(url).get('/api/bank/questions?kind=coding').set(hr()).expect(200))
      .body as BankQuestionSummary[];
    const extra = bank.find((q) => !used.has(q.id))!;
    await request(url)
      .post(`/api/assessments/${draft.id}/questions`)
      .set(hr())
      .send({ questionId: extra.id })
      .expect(201);
    const published = (await request(url).post(`/api/assessments/${draft.id}/publish`).set(hr()).expect(201))
      .body as AssessmentView;
    const hrOrder = published.sections.flatMap((s) => s.questions.map((q) => q.id));

    const [link] = (
      await request(url)
        .post(`/api/assessments/${draft.id}/invitations`)
        .set(hr())
        .send({ candidates: [{ name: 'Ada', email: 'ada.numbering@example.com' }] })
        .expect(201)
    ).body as InvitationLink[];
    const { session } = await startedAttempt(url, link);
    const c = candidateApi(url, session.accessToken);
    const view = (await c.view().expect(200)).body as CandidateAttemptView;
    const candidateOrder = view.questions.map((q) => q.id);
    expect(candidateOrder).toEqual(hrOrder);

    // The candidate answers question 2 only.
    const second = view.questions[1];
    await c
      .save(
        second.id,
        second.kind === 'coding' ? { content: 'x', language: 'javascript', version: 1 } : { content: 'x', version: 1 },
      )
      .expect(200);
    const detail = (await request(url).get(`/api/attempts/${link.attemptId}`).set(hr()).expect(200))
      .body as AttemptDetail;
    expect(detail.answers.map((a) => [a.number, a.questionId, a.answered])).toEqual(
      candidateOrder.map((id, i) => [i + 1, id, id === second.id]),
    );
    expect(detail.answers[0]).toMatchObject({ answered: false, content: '', version: 0, savedAt: null });
  });
});
