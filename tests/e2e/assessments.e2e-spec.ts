import request from 'supertest';
import type { AssessmentView, QuestionAlternative } from '@rubricon/contracts';
import { MAX_DOCUMENT_BYTES, MAX_LINE_CHARS, MAX_LINES_PER_KIND } from '@rubricon/postings';
import { seedPostingId } from '../factories/postings';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

const kinds = (a: AssessmentView) => a.sections.map((s) => s.kind);
const questionIds = (a: AssessmentView) => a.sections.flatMap((s) => s.questions.map((q) => q.id));

describe.each(databaseKinds().map((k) => [k.name, k] as const))('assessments on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const generate = async (title: string, body: object = {}) =>
    (
      await request(suite.server.url)
        .post(`/api/postings/${await seedPostingId(suite.server.url, suite.token, title)}/assessments`)
        .set(as(suite.token))
        .send(body)
        .expect(201)
    ).body as AssessmentView;

  it('generates a developer draft with coding tasks, rubrics and a coverage map, hiding the hidden tests', async () => {
    const a = await generate('开发工程师');
    expect(a.status).toBe('draft');
    expect(a.roleFamily).toBe('developer');
    expect(kinds(a)).toEqual(expect.arrayContaining(['coding', 'behavioral']));
    const coding = a.sections.find((s) => s.kind === 'coding')!.questions[0];
    expect(coding.rubric.length).toBeGreaterThanOrEqual(3);
    expect(coding.coding!.hiddenTestCount).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(a)).not.toMatch(/hiddenTests|wrongSolutions|"reference"/);
    expect(a.duties.length).toBeGreaterThan(0);
    expect(a.coveragePercent).toBeGreaterThanOrEqual(95);
    for (const q of a.sections.flatMap((s) => s.questions)) expect(q.dutyIndexes.length).toBeGreaterThan(0);
  });

  it('gives a product role case prompts and no coding tasks', async () => {
    const a = await generate('风险策略经理');
    expect(kinds(a)).toContain('case');
    expect(kinds(a)).not.toContain('coding');
  });

  it('reproduces a form from its seed and lists the drafts of a posting', async () => {
    const first = await generate('云计算开发', { seed: 7 });
    const again = await generate('云计算开发', { seed: 7 });
    expect(questionIds(again)).toEqual(questionIds(first));
    const list = await request(suite.server.url)
      .get(`/api/postings/${first.postingId}/assessments`)
      .set(as(suite.token))
      .expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([first.id, again.id]));
  });

  it('lets HR swap, remove, add, retime and publish; a published assessment no longer changes', async () => {
    const a = await generate('开发工程师');
    const url = `/api/assessments/${a.id}`;
    // The first written question with a replacement: a question composed from a duty line has none,
    // as no bank question assesses that line directly and a swap may not lose a direct match.
    let target: AssessmentView['sections'][number]['questions'][number] | undefined;
    let alternatives: QuestionAlternative[] = [];
    for (const q of a.sections.filter((s) => s.kind !== 'coding').flatMap((s) => s.questions)) {
      alternatives = (
        await request(suite.server.url).get(`${url}/questions/${q.id}/alternatives`).set(as(suite.token)).expect(200)
      ).body;
      if (alternatives.length > 0) {
        target = q;
        break;
      }
    }
    expect(target).toBeDefined();
    expect(
      alternatives.every(
        (q) => q.kind === target!.kind && q.competencies.some((c) => target!.competencies.includes(c)),
      ),
    ).toBe(true);
    const swapped = (
      await request(suite.server.url)
        .post(`${url}/questions/${target!.id}/swap`)
        .set(as(suite.token))
        .send({ questionId: alternatives[0].id })
        .expect(201)
    ).body as AssessmentView;
    expect(questionIds(swapped)).toContain(alternatives[0].id);
    expect(questionIds(swapped)).not.toContain(target!.id);
    expect(swapped.uncoveredDuties.length).toBeLessThanOrEqual(a.uncoveredDuties.length);
    // A swap never costs a duty line its direct question.
    expect(swapped.indirectDuties.length).toBeLessThanOrEqual(a.indirectDuties.length);
    expect(swapped.directPercent).toBeGreaterThanOrEqual(a.directPercent);

    const refused = await request(suite.server.url)
      .post(`${url}/questions/${alternatives[0].id}/swap`)
      .set(as(suite.token))
      .send({ questionId: questionIds(swapped).find((id) => id.startsWith('coding.'))! })
      .expect(400);
    expect(refused.body.message).toMatch(/cannot replace/);

    const removed = (
      await request(suite.server.url).delete(`${url}/questions/${alternatives[0].id}`).set(as(suite.token)).expect(200)
    ).body as AssessmentView;
    expect(questionIds(removed)).not.toContain(alternatives[0].id);

    const bank = (
      await request(suite.server.url).get('/api/bank/questions?kind=scenario').set(as(suite.token)).expect(200)
    ).body;
    const extra = bank.find((q: { id: string }) => !questionIds(removed).includes(q.id));
    const added = (
      await request(suite.server.url)
        .post(`${url}/questions`)
        .set(as(suite.token))
        .send({ questionId: extra.id })
        .expect(201)
    ).body as AssessmentView;
    expect(questionIds(added)).toContain(extra.id);
    await request(suite.server.url)
      .post(`${url}/questions`)
      .set(as(suite.token))
      .send({ questionId: extra.id })
      .expect(409);
    await request(suite.server.url)
      .post(`${url}/questions`)
      .set(as(suite.token))
      .send({ questionId: 'coding.no-such-task' })
      .expect(404);

    const retimed = (
      await request(suite.server.url).patch(url).set(as(suite.token)).send({ durationMinutes: 95 }).expect(200)
    ).body;
    expect(retimed.durationMinutes).toBe(95);
    const tooShort = await request(suite.server.url).patch(url).set(as(suite.token)).send({ durationMinutes: 1 });
    expect({ status: tooShort.status, ...tooShort.body }).toEqual({
      status: 400,
      message: 'The duration must be from 5 to 600 minutes (got 1).',
      code: 'duration-out-of-range',
      params: { minutes: 1, min: 5, max: 600 },
    });

    const published = (await request(suite.server.url).post(`${url}/publish`).set(as(suite.token)).expect(201))
      .body as AssessmentView;
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const locked = await request(suite.server.url)
      .patch(url)
      .set(as(suite.token))
      .send({ durationMinutes: 60 })
      .expect(409);
    expect(locked.body.message).toMatch(/published/);
    await request(suite.server.url).delete(`${url}/questions/${extra.id}`).set(as(suite.token)).expect(409);
    const after = (await request(suite.server.url).get(url).set(as(suite.token)).expect(200)).body as AssessmentView;
    expect(questionIds(after)).toEqual(questionIds(published));
    expect(after.durationMinutes).toBe(95);
  });

  it('keeps interviewers out of assessment authoring and answers unknown ids with 404', async () => {
    const interviewer = (
      await createStaff(suite.server.url, await loginAs(suite.server.url, ADMIN.email, ADMIN.password), 'interviewer')
    ).token;
    const id = await seedPostingId(suite.server.url, suite.token, '开发工程师');
    await request(suite.server.url).post(`/api/postings/${id}/assessments`).set(as(interviewer)).send({}).expect(403);
    await request(suite.server.url)
      .post('/api/postings/00000000-0000-4000-8000-000000000000/assessments')
      .set(as(suite.token))
      .send({})
      .expect(404);
    await request(suite.server.url)
      .get('/api/assessments/00000000-0000-4000-8000-000000000000')
      .set(as(suite.token))
      .expect(404);
    const bad = await request(suite.server.url)
      .post(`/api/postings/${id}/assessments`)
      .set(as(suite.token))
      .send({ seed: 'x', lang: 'fr' })
      .expect(400);
    expect(bad.body.message).toMatch(/seed/);
    expect(bad.body.message).toMatch(/lang must be zh or en/);
  });

  it('generates from the largest posting an import or an edit accepts (duty JSON far past 64 KB)', async () => {
    // Real duty text, dense with tagged terms, in lines of the longest length allowed.
    const duty =
      '负责后端服务开发，使用Java、Python和Go设计高并发分布式系统；编写单元测试，参与代码评审和性能优化；与产品经理沟通需求，推动项目落地；维护MySQL数据库与Redis缓存，熟悉Linux、Docker和Kubernetes容器化部署，保障系统安全与稳定。';
    const line = duty.repeat(Math.ceil(MAX_LINE_CHARS / duty.length)).slice(0, MAX_LINE_CHARS);
    let doc = '后端开发工程师（最大岗位）\n岗位职责：\n';
    for (
      let n = 0;
      n < MAX_LINES_PER_KIND && Buffer.byteLength(doc) + Buffer.byteLength(line) + 3 <= MAX_DOCUMENT_BYTES;
      n++
    )
      doc += `- ${line}\n`;
    const imported = await request(suite.server.url)
      .post('/api/postings/import')
      .set(as(suite.token))
      .attach('file', Buffer.from(doc), 'largest.txt')
      .expect(201);
    const posting = imported.body.items[0];
    expect(posting.duties.length).toBeGreaterThan(150);
    const fromImport = (
      await request(suite.server.url)
        .post(`/api/postings/${posting.id}/assessments`)
        .set(as(suite.token))
        .send({})
        .expect(201)
    ).body as AssessmentView;
    expect(fromImport.duties).toHaveLength(posting.duties.length);
    expect(fromImport.duties[0].text).toBe(line);
    expect(fromImport.coveragePercent).toBeGreaterThan(0);

    // An edit allows 200 lines of 2,000 characters; quotes double in JSON.
    const quoted = `“${'"'.repeat(MAX_LINE_CHARS / 2 - 2)}”${line.slice(0, MAX_LINE_CHARS / 2)}`;
    await request(suite.server.url)
      .patch(`/api/postings/${posting.id}`)
      .set(as(suite.token))
      .send({ duties: Array.from({ length: 200 }, () => quoted) })
      .expect(200);
    const fromEdit = (
      await request(suite.server.url)
        .post(`/api/postings/${posting.id}/assessments`)
        .set(as(suite.token))
        .send({})
        .expect(201)
    ).body as AssessmentView;
    expect(fromEdit.duties).toHaveLength(200);
    expect(fromEdit.duties[199].text).toBe(quoted);
    // The first draft still reads back whole.
    const again = (
      await request(suite.server.url).get(`/api/assessments/${fromImport.id}`).set(as(suite.token)).expect(200)
    ).body as AssessmentView;
    expect(again.duties.map((d) => d.text)).toEqual(fromImport.duties.map((d) => d.text));
  });
});
