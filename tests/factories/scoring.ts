import request from 'supertest';
import type {
  AssessmentView,
  InvitationLink,
  RaterAssignment,
  Recommendation,
  SaveSheetRequest,
  ScoreSheetView,
  SubjectKind,
} from '@rubricon/contracts';
import { candidateApi } from '../support/candidate-client';
import { invite, publishedAssessment, startedAttempt, DEVELOPER_POSTING } from './attempts';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A candidate's attempt, answered (text answers, and the starter code for coding tasks: graded, mostly failing) and submitted. */
export async function submittedAttempt(
  url: string,
  link: InvitationLink,
): Promise<{ attemptId: string; candidateName: string }> {
  const { session, started } = await startedAttempt(url, link);
  const c = candidateApi(url, session.accessToken);
  for (const q of started.questions) {
    const body =
      q.kind === 'coding'
        ? { content: q.coding!.starter.javascript, language: 'javascript', version: 1 }
        : { content: `My answer to ${q.id}: 我会先澄清需求，再给出方案。`, version: 1 };
    await c.save(q.id, body).expect(200);
  }
  await c.submit().expect(200);
  return { attemptId: session.attemptId, candidateName: link.candidate.name };
}

/** A published developer assessment with `count` submitted attempts. */
export async function submittedAttempts(
  url: string,
  hrToken: string,
  count: number,
  postingTitle = DEVELOPER_POSTING,
): Promise<{ assessment: AssessmentView; attempts: { attemptId: string; candidateName: string }[] }> {
  const assessment = await publishedAssessment(url, hrToken, postingTitle);
  const links = await invite(url, hrToken, assessment.id, count);
  const attempts = [];
  for (const link of links) attempts.push(await submittedAttempt(url, link));
  return { assessment, attempts };
}

export async function assignRaters(
  url: string,
  hrToken: string,
  kind: SubjectKind,
  id: string,
  raterIds: string[],
): Promise<RaterAssignment[]> {
  return (
    await request(url)
      .put(`/api/scoring/subjects/${kind}/${id}/raters`)
      .set(auth(hrToken))
      .send({ raterIds })
      .expect(200)
  ).body;
}

export async function getSheet(url: string, token: string, kind: SubjectKind, id: string): Promise<ScoreSheetView> {
  return (await request(url).get(`/api/scoring/subjects/${kind}/${id}/sheet`).set(auth(token)).expect(200)).body;
}

/** A save that scores every criterion without an automatic level: `level(questionIndex, criterionIndex)`. */
export function fullSheet(
  sheet: ScoreSheetView,
  level: (question: number, criterion: number) => number | null,
  recommendation: Recommendation | null = 'yes',
): SaveSheetRequest {
  return {
    recommendation,
    scores: sheet.questions.flatMap((q, qi) =>
      q.rubric
        .map((c, ci) => ({ c, ci }))
        .filter(({ c }) => c.autoLevel === null)
        .map(({ c, ci }) => ({
          questionId: q.questionId,
          criterionId: c.id,
          level: level(qi, ci),
          evidence: `Evidence for ${c.id}`,
        })),
    ),
  };
}

/** Scores every criterion with `level` and submits; returns the submitted sheet. */
export async function scoreAndSubmit(
  url: string,
  token: string,
  kind: SubjectKind,
  id: string,
  level: (question: number, criterion: number) => number | null,
  recommendation: Recommendation | null = 'yes',
): Promise<ScoreSheetView> {
  const sheet = await getSheet(url, token, kind, id);
  await request(url)
    .put(`/api/scoring/subjects/${kind}/${id}/sheet`)
    .set(auth(token))
    .send(fullSheet(sheet, level, recommendation))
    .expect(200);
  return (await request(url).post(`/api/scoring/subjects/${kind}/${id}/sheet/submit`).set(auth(token)).expect(200))
    .body;
}

/** GETs a CSV export as staff: the response (200 expected) with its body as UTF-8 text, the BOM kept. */
export async function getCsv(url: string, token: string, path: string): Promise<{ type: string; text: string }> {
  const res = await request(url)
    .get(path)
    .set(auth(token))
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    })
    .expect(200);
  return { type: String(res.headers['content-type']), text: res.body as string };
}
