import request from 'supertest';
import type {
  AssessmentQuestionView,
  AssessmentView,
  CandidateAttemptView,
  ImportPostingsResponse,
  PostingSummary,
  QuestionAlternative,
} from '@rubricon/contracts';
import { dutyCoverage, loadQuestionBank, tagLine } from '@rubricon/generation';
import { join } from 'node:path';
import { invite, startedAttempt } from '../factories/attempts';
import { assignRaters, getSheet, scoreAndSubmit } from '../factories/scoring';
import { interviewQuestionChoices, interviewRequest, scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { candidateApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import { directQuery } from '../support/direct-database';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

const bank = loadQuestionBank(join(__dirname, '..', '..', 'question-banks'));

/** A posting laid out like the seeds, with a duty line no bank question is about (paper archives). */
const ARCHIVE_DUTY = '负责本部门纸质档案的整理、编目、借阅登记与年度归档，保证档案完整可查。';
const ARCHIVE_POSTING = `行政综合岗\n岗位职责：\n- ${ARCHIVE_DUTY}\n- 完成领导交办的其他工作。\n任职要求：\n- 大学本科及以上学历。\n- 具有2年及以上工作经验。\n`;
/** Another such posting, for drafts generated at the same moment. */
const STORES_DUTY = '负责办公用品与接待物资的采购登记、库存盘点及月度对账。';
const STORES_POSTING = `后勤保障岗\n岗位职责：\n- ${STORES_DUTY}\n- 完成领导交办的其他工作。\n任职要求：\n- 大学本科及以上学历。\n`;

const allQuestions = (a: AssessmentView) => a.sections.flatMap((s) => s.questions);
const composedOf = (a: AssessmentView) => allQuestions(a).filter((q) => q.composedFrom);

/** Whether any question of the whole bank assesses the line directly, by the generator's own matching. */
const bankAssessesDirectly = (duty: string) =>
  dutyCoverage([tagLine(duty, bank)], bank.questions, bank).indirectDuties.length === 0;

/** Every text a staff member reads of a question's rubric and probes: none of it may reach a candidate. */
function staffOnlyTexts(q: AssessmentQuestionView): string[] {
  return [
    ...q.rubric.flatMap((c) => [c.name, ...Object.values(c.anchors)]).flatMap((t) => [t.zh, t.en]),
    ...q.probes.flatMap((p) => [p.zh, p.en]),
  ];
}

describe.each(databaseKinds().map((k) => [k.name, k] as const))(
  'questions composed from duty lines on %s',
  (_name, kind) => {
    const suite = useServerSuite(kind, 'hr');
    const hr = () => ({ Authorization: `Bearer ${suite.token}` });
    const importPosting = async (text: string) =>
      (
        (await request(suite.server.url).post('/api/postings/import').set(hr()).send({ text }).expect(201))
          .body as ImportPostingsResponse
      ).items[0].id;
    const generate = async (postingId: string, body: object = { seed: 3 }) =>
      (await request(suite.server.url).post(`/api/postings/${postingId}/assessments`).set(hr()).send(body).expect(201))
        .body as AssessmentView;
    /** The stored question versions of a question id, and the rows of assessments that point at them. */
    const storedRows = async (questionId: string) => ({
      versions: (
        await directQuery(
          suite.db,
          () => 'SELECT id, kind, content FROM bank_questions WHERE questionId = ?',
          () => [questionId],
        )
      ).records as { id: string; kind: string; content: string | object }[],
      pointers: (
        await directQuery(
          suite.db,
          () => 'SELECT assessmentId, bankQuestionId FROM assessment_questions WHERE questionId = ?',
          () => [questionId],
        )
      ).records as { assessmentId: string; bankQuestionId: string }[],
    });

    let archivePostingId: string;
    let draft: AssessmentView;
    let composed: AssessmentQuestionView;

    beforeAll(async () => {
      archivePostingId = await importPosting(ARCHIVE_POSTING);
      draft = await generate(archivePostingId);
      [composed] = composedOf(draft);
    });

    it('composes a behavioural question from a duty line the bank cannot assess directly, and stores it as a question version', async () => {
      // The premise: nothing in the bank is about this line.
      expect(bankAssessesDirectly(ARCHIVE_DUTY)).toBe(false);
      expect(composedOf(draft)).toHaveLength(1);
      const index = draft.duties.findIndex((d) => d.text === ARCHIVE_DUTY);
      expect(composed).toMatchObject({
        id: expect.stringMatching(/^behavioral\.duty-[0-9a-f]{10}$/),
        kind: 'behavioral',
        composedFrom: { duty: ARCHIVE_DUTY },
      });
      expect(composed.prompt.zh).toContain(ARCHIVE_DUTY);
      expect(composed.prompt.en).toContain(ARCHIVE_DUTY);
      expect(composed.rubric.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1);
      expect(composed.probes.length).toBeGreaterThan(0);
      expect(composed.dutyMatches).toContainEqual(expect.objectContaining({ index, strength: 'direct' }));
      expect(draft.directPercent).toBe(100);

      const { versions, pointers } = await storedRows(composed.id);
      expect(versions).toHaveLength(1);
      expect(versions[0].kind).toBe('behavioral');
      const content = typeof versions[0].content === 'string' ? JSON.parse(versions[0].content) : versions[0].content;
      expect(content).toMatchObject({ id: composed.id, composedFrom: { duty: ARCHIVE_DUTY } });
      expect(pointers).toEqual([{ assessmentId: draft.id, bankQuestionId: versions[0].id }]);
      // Read back from the database, the draft is the one generation answered with.
      expect((await request(suite.server.url).get(`/api/assessments/${draft.id}`).set(hr()).expect(200)).body).toEqual(
        draft,
      );
    });

    it('delivers the composed question to a candidate like any written question, and lets a rater score it', async () => {
      const url = suite.server.url;
      // A copy, so the draft other tests read stays a draft.
      const copy = await generate(archivePostingId);
      await request(url).post(`/api/assessments/${copy.id}/publish`).set(hr()).expect(201);
      const [link] = await invite(url, suite.token, copy.id);
      const received: string[] = [];
      const { session, started } = await startedAttempt(url, link);
      received.push(JSON.stringify(started));
      const candidate = candidateApi(url, session.accessToken, received);
      const view = (await candidate.view().expect(200)).body as CandidateAttemptView;

      const delivered = view.questions.find((q) => q.id === composed.id)!;
      expect(delivered).toBeDefined();
      const other = view.questions.find((q) => q.id !== composed.id && q.kind !== 'coding')!;
      // The same fields as a bank question of a written kind: no rubric, probes or where it came from.
      expect(Object.keys(delivered).sort()).toEqual(Object.keys(other).sort());
      expect(Object.keys(delivered).sort()).toEqual(['id', 'kind', 'lengthGuidance', 'minutes', 'prompt', 'title']);
      expect(delivered).toMatchObject({ kind: 'behavioral', title: composed.title, prompt: composed.prompt });

      await candidate
        .save(composed.id, { content: '我整理过三千卷档案：先按年度编目，再建借阅台账。', version: 1 })
        .expect(200);
      await candidate.submit().expect(200);
      for (const text of received) {
        expect(text).not.toMatch(/composedFrom|rubric|probes|dutyMatches|anchors/);
        for (const t of staffOnlyTexts(composed)) expect(text).not.toContain(t);
      }

      const admin = await loginAs(url, ADMIN.email, ADMIN.password);
      const rater = await createStaff(url, admin, 'interviewer');
      await assignRaters(url, suite.token, 'attempt', session.attemptId, [rater.id]);
      const sheet = await getSheet(url, rater.token, 'attempt', session.attemptId);
      const scored = sheet.questions.find((q) => q.questionId === composed.id)!;
      expect(scored.answer?.content).toBe('我整理过三千卷档案：先按年度编目，再建借阅台账。');
      expect(scored.rubric.map((c) => c.id)).toEqual(composed.rubric.map((c) => c.id));
      const submitted = await scoreAndSubmit(url, rater.token, 'attempt', session.attemptId, () => 3);
      expect(submitted.status).toBe('submitted');
      expect(submitted.scores.filter((s) => s.questionId === composed.id).map((s) => s.criterionId)).toEqual(
        composed.rubric.map((c) => c.id),
      );
    });

    it('shows staff why each question is there: every question assesses a duty line, with strength and words', async () => {
      // Every seed posting, and the imported one.
      const seeds = (await request(suite.server.url).get('/api/postings?limit=100').set(hr()).expect(200)).body
        .items as PostingSummary[];
      expect(seeds.length).toBeGreaterThanOrEqual(19);
      for (const posting of seeds) {
        const a = await generate(posting.id);
        const where = `${posting.title}`;
        expect({ where, directPercent: a.directPercent, indirect: a.indirectDuties }).toEqual({
          where,
          directPercent: 100,
          indirect: [],
        });
        expect({ where, coveragePercent: a.coveragePercent }).toEqual({ where, coveragePercent: 100 });
        expect(a.familyReasons.length).toBeGreaterThan(0);
        for (const reason of a.familyReasons) {
          expect(reason.zh).toMatch(/\p{Script=Han}/u);
          expect(reason.en).toMatch(/[a-z]/);
        }
        // The duration is what the questions need, rounded up to 5 minutes.
        expect(a.questionMinutes).toBe(allQuestions(a).reduce((sum, q) => sum + q.minutes, 0));
        expect(a.durationMinutes).toBe(Math.ceil(a.questionMinutes / 5) * 5);
        for (const q of allQuestions(a)) {
          expect({ where, id: q.id, matches: q.dutyMatches.length > 0 }).toEqual({ where, id: q.id, matches: true });
          expect(q.dutyIndexes).toEqual(q.dutyMatches.map((m) => m.index));
          for (const m of q.dutyMatches) {
            expect(['direct', 'partial']).toContain(m.strength);
            const duty = a.duties[m.index];
            expect(duty.assessable).toBe(true);
            for (const w of m.words) expect(duty.text.toLowerCase()).toContain(w);
            if (m.strength === 'direct') expect(m.words.length).toBeGreaterThan(0);
            // The question's "why" and the line's list of questions say the same.
            expect(duty.matches).toContainEqual({
              questionId: q.id,
              strength: m.strength,
              words: m.words,
              competencies: m.competencies,
            });
          }
          // A composed question is about its own line: it matches it directly.
          if (q.composedFrom) {
            const own = a.duties.findIndex((d) => d.text === q.composedFrom!.duty);
            expect(q.dutyMatches).toContainEqual(expect.objectContaining({ index: own, strength: 'direct' }));
          }
        }
        // Every assessable line has a direct question, direct ones listed first.
        for (const d of a.duties.filter((x) => x.assessable)) {
          expect(d.matches[0]?.strength).toBe('direct');
          expect(d.questionIds).toEqual(d.matches.map((m) => m.questionId));
        }
      }
    });

    it('offers the composed question for an interview on the posting and schedules it in its stored version', async () => {
      const url = suite.server.url;
      const adminToken = await loginAs(url, ADMIN.email, ADMIN.password);
      const interviewer = await createStaff(url, adminToken, 'interviewer');
      const latest = await generate(archivePostingId, { seed: 5 });
      const [asked] = composedOf(latest);
      const choices = await interviewQuestionChoices(url, suite.token, archivePostingId);
      expect(choices.find((c) => c.id === asked.id)).toMatchObject({ inAssessment: true, kind: 'behavioral' });
      const scheduled = await scheduleInterview(url, suite.token, [interviewer.id], {
        postingId: archivePostingId,
        questionIds: [asked.id],
      });
      const stored = (await storedRows(asked.id)).versions[0].id;
      const rows = (
        await directQuery(
          suite.db,
          () => 'SELECT questionId, bankQuestionId FROM interview_questions WHERE interviewId = ?',
          () => [scheduled.interview.id],
        )
      ).records;
      expect(rows).toEqual([{ questionId: asked.id, bankQuestionId: stored }]);
      // A composed id of another posting, or one never composed, is still refused.
      const res = await request(url)
        .post('/api/interviews')
        .set(hr())
        .send(
          await interviewRequest(url, suite.token, [interviewer.id], { questionIds: ['behavioral.duty-0000000000'] }),
        );
      expect(res.status).toBe(404);
    });

    it('lets HR swap a composed question for a bank question that assesses its line at least partly', async () => {
      const fresh = await generate(archivePostingId, { seed: 11 });
      const [own] = composedOf(fresh);
      const index = fresh.duties.findIndex((d) => d.text === ARCHIVE_DUTY);
      const alternatives = (
        await request(suite.server.url)
          .get(`/api/assessments/${fresh.id}/questions/${own.id}/alternatives`)
          .set(hr())
          .expect(200)
      ).body as QuestionAlternative[];
      expect(alternatives.length).toBeGreaterThan(0);
      for (const alt of alternatives) expect(alt.kind).toBe('behavioral');
      const swapped = (
        await request(suite.server.url)
          .post(`/api/assessments/${fresh.id}/questions/${own.id}/swap`)
          .set(hr())
          .send({ questionId: alternatives[0].id })
          .expect(201)
      ).body as AssessmentView;
      expect(composedOf(swapped)).toEqual([]);
      // The line stays assessed (partly, as nothing in the bank is about it), and the view says so.
      expect(swapped.duties[index].matches.length).toBeGreaterThan(0);
      expect(swapped.indirectDuties).toContain(ARCHIVE_DUTY);
      expect(swapped.directPercent).toBeLessThan(100);
    });

    it('stores a composed question once however often it is composed, also at the same moment', async () => {
      const again = await generate(archivePostingId);
      const unseeded = await generate(archivePostingId, {});
      for (const a of [again, unseeded]) expect(composedOf(a).map((q) => q.id)).toEqual([composed.id]);
      const { versions, pointers } = await storedRows(composed.id);
      expect(versions).toHaveLength(1);
      for (const a of [draft, again, unseeded])
        expect(pointers).toContainEqual({ assessmentId: a.id, bankQuestionId: versions[0].id });
      expect(new Set(pointers.map((p) => p.bankQuestionId))).toEqual(new Set([versions[0].id]));

      // Drafts of a posting whose line was never composed before, generated together.
      expect(bankAssessesDirectly(STORES_DUTY)).toBe(false);
      const storesId = await importPosting(STORES_POSTING);
      const together = await Promise.all([1, 2, 3, 4].map(() => generate(storesId)));
      const ids = together.map((a) => composedOf(a).map((q) => q.id));
      expect(new Set(ids.map((x) => x.join()))).toEqual(new Set([ids[0].join()]));
      expect(ids[0]).toHaveLength(1);
      const stores = await storedRows(ids[0][0]);
      expect(stores.versions).toHaveLength(1);
      expect(stores.pointers.map((p) => p.bankQuestionId)).toEqual(together.map(() => stores.versions[0].id));
    });
  },
);
