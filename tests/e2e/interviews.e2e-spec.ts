import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  ERRORS,
  MAX_INTERVIEW_QUESTIONS,
  MAX_PANEL_SIZE,
  QUESTION_KIND_ORDER,
  type AssessmentView,
  type ErrorCode,
  type InterviewDetail,
  type InterviewLinkResponse,
  type InterviewListResponse,
  type InterviewPanelMember,
  type InterviewQuestionChoice,
  type InterviewReplay,
  type ScheduleInterviewRequest,
} from '@rubricon/contracts';
import { DEVELOPER_POSTING } from '../factories/attempts';
import { interviewQuestionChoices, interviewRequest, linkToken, scheduleInterview } from '../factories/interviews';
import { seedPostingId } from '../factories/postings';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { directQuery } from '../support/direct-database';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

type Staff = Awaited<ReturnType<typeof createStaff>>;

describe.each(databaseKinds().map((k) => [k.name, k] as const))('interviews on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const as =
    (token: string) =>
    (method: 'get' | 'post' | 'put' | 'patch', path: string): request.Test =>
      request(suite.server.url)[method](path).set('Authorization', `Bearer ${token}`);
  const hr = (method: 'get' | 'post' | 'put' | 'patch', path: string) => as(suite.token)(method, path);
  // Two interviewers on panels, one who is on none, all created once for the suite.
  const staff = {} as { adminToken: string; alice: Staff; bob: Staff; outsider: Staff };
  beforeAll(async () => {
    staff.adminToken = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    staff.alice = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
    staff.bob = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
    staff.outsider = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
  });
  const schedule = (
    panel: string[] = [staff.alice.id, staff.bob.id],
    overrides: Partial<ScheduleInterviewRequest> = {},
  ) => scheduleInterview(suite.server.url, suite.token, panel, overrides);
  const row = async (id: string) =>
    (
      await directQuery(
        suite.db,
        (s) =>
          `SELECT ${s.driver.escape('linkHash')} AS h, ${s.driver.escape('status')} AS st FROM interviews WHERE id = ?`,
        () => [id],
      )
    ).records[0] as { h: string; st: string };
  const setStatus = async (id: string, status: 'live' | 'ended') => {
    const { affected } = await directQuery(
      suite.db,
      (s) => `UPDATE interviews SET ${s.driver.escape('status')} = ? WHERE id = ?`,
      () => [status, id],
    );
    if (affected !== 1) throw new Error(`No interview ${id}`);
  };
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('schedules: the link is shown once, only its hash is stored, questions and panel keep the order given', async () => {
    const body = await interviewRequest(suite.server.url, suite.token, [staff.bob.id, staff.alice.id]);
    const res = (await hr('post', '/api/interviews').send(body).expect(201)).body as InterviewLinkResponse;
    expect(res.link).toMatch(/^http.*\/live\/[A-Za-z0-9_-]{43}$/);
    expect(res.interview).toMatchObject({
      postingId: body.postingId,
      postingTitle: DEVELOPER_POSTING,
      candidate: { name: body.candidate.name, email: body.candidate.email },
      status: 'scheduled',
      startsAt: body.startsAt,
      durationMinutes: 60,
      language: 'typescript',
      questionCount: 2,
      startedAt: null,
      endedAt: null,
      onPanel: false,
    });
    expect(res.interview.panel.map((p) => p.id)).toEqual([staff.bob.id, staff.alice.id]);
    const token = linkToken(res.link);
    const stored = await row(res.interview.id);
    expect(stored.h).not.toBe(token);
    expect(stored.h).toBe(sha256(token));
    expect(stored.st).toBe('scheduled');

    const detail = (await hr('get', `/api/interviews/${res.interview.id}`).expect(200)).body as InterviewDetail;
    const choices = await interviewQuestionChoices(suite.server.url, suite.token, body.postingId);
    const titles = body.questionIds.map((id) => choices.find((c) => c.id === id)!.title);
    expect(detail.questions.map((q) => [q.position, q.title])).toEqual(titles.map((t, i) => [i, t]));
    expect(detail.questions[0]).toMatchObject({ kind: 'coding', revealedAt: null });
    expect(detail.questions[0].rubric.length).toBeGreaterThan(0);
    expect(detail.questions[0].coding?.hiddenTestCount).toBeGreaterThan(0);
    expect(JSON.stringify(detail)).not.toContain(token);
    expect(detail.notes).toEqual([]);
  });

  it('pins each question to its stored version in the current bank', async () => {
    const { interview } = await schedule();
    const pinned = (
      await directQuery(
        suite.db,
        (s) =>
          `SELECT q.${s.driver.escape('questionId')} AS qid, q.${s.driver.escape('bankQuestionId')} AS bq, b.${s.driver.escape('questionId')} AS bqid
           FROM interview_questions q JOIN bank_questions b ON b.id = q.${s.driver.escape('bankQuestionId')}
           WHERE q.${s.driver.escape('interviewId')} = ? ORDER BY q.position`,
        () => [interview.id],
      )
    ).records as { qid: string; bqid: string }[];
    expect(pinned).toHaveLength(2);
    for (const p of pinned) expect(p.bqid).toBe(p.qid);
  });

  describe('refuses a bad schedule with its code, never a 500', () => {
    const cases: [string, (r: ScheduleInterviewRequest) => unknown, ErrorCode][] = [
      ['an unknown posting', (r) => ({ ...r, postingId: randomUUID() }), 'posting-not-found'],
      ['a posting id that is no id', (r) => ({ ...r, postingId: 'nope' }), 'posting-not-found'],
      ['an empty name', (r) => ({ ...r, candidate: { ...r.candidate, name: '' } }), 'name-required'],
      ['a blank name', (r) => ({ ...r, candidate: { ...r.candidate, name: '   ' } }), 'name-required'],
      ['a bad email', (r) => ({ ...r, candidate: { ...r.candidate, email: 'not-an-email' } }), 'email-invalid'],
      ['no question', (r) => ({ ...r, questionIds: [] }), 'interview-questions-required'],
      ['questions missing', ({ questionIds: _, ...r }) => r, 'interview-questions-required'],
      [
        'a question twice',
        (r) => ({ ...r, questionIds: [r.questionIds[0], r.questionIds[0]] }),
        'interview-questions-required',
      ],
      [
        'too many questions',
        (r) => ({ ...r, questionIds: Array.from({ length: MAX_INTERVIEW_QUESTIONS + 1 }, (_, i) => `coding.q${i}`) }),
        'interview-questions-required',
      ],
      [
        'a question that is not a list',
        (r) => ({ ...r, questionIds: 'coding.two-sum' }),
        'interview-questions-required',
      ],
      [
        'a question not in the bank',
        (r) => ({ ...r, questionIds: ['coding.no-such-question'] }),
        'bank-question-not-found',
      ],
      ['no panel', (r) => ({ ...r, panel: [] }), 'panel-required'],
      ['an interviewer twice', (r) => ({ ...r, panel: [r.panel[0], r.panel[0]] }), 'panel-required'],
      [
        'too large a panel',
        (r) => ({ ...r, panel: Array.from({ length: MAX_PANEL_SIZE + 1 }, () => randomUUID()) }),
        'panel-required',
      ],
      ['an unknown interviewer', (r) => ({ ...r, panel: [r.panel[0], randomUUID()] }), 'panel-member-unknown'],
      ['an interviewer id that is no id', (r) => ({ ...r, panel: ['someone'] }), 'panel-member-unknown'],
      ['a start that is no date', (r) => ({ ...r, startsAt: 'tomorrow at ten' }), 'interview-start-invalid'],
      [
        'a start on a day that does not exist',
        (r) => ({ ...r, startsAt: '2026-02-30T10:00:00Z' }),
        'interview-start-invalid',
      ],
      ['a start that is a number', (r) => ({ ...r, startsAt: 1767225600000 }), 'interview-start-invalid'],
      ['too short', (r) => ({ ...r, durationMinutes: 4 }), 'duration-out-of-range'],
      ['too long', (r) => ({ ...r, durationMinutes: 241 }), 'duration-out-of-range'],
      ['minutes in part', (r) => ({ ...r, durationMinutes: 30.5 }), 'duration-out-of-range'],
      ['an unknown language', (r) => ({ ...r, language: 'ruby' }), 'invalid-request'],
      ['no candidate', ({ candidate: _, ...r }) => r, 'invalid-request'],
      ['an unknown field', (r) => ({ ...r, status: 'ended' }), 'invalid-request'],
    ];
    it.each(cases)('%s', async (_what, change, code) => {
      const valid = await interviewRequest(suite.server.url, suite.token, [staff.alice.id]);
      const res = await hr('post', '/api/interviews').send(change(valid) as object);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: ERRORS[code].status, code });
    });

    it('an inactive interviewer', async () => {
      const gone = await createStaff(suite.server.url, staff.adminToken, 'interviewer');
      await as(staff.adminToken)('patch', `/api/users/${gone.id}`).send({ active: false }).expect(200);
      const body = await interviewRequest(suite.server.url, suite.token, [staff.alice.id, gone.id]);
      const res = await hr('post', '/api/interviews').send(body).expect(400);
      expect(res.body.code).toBe('panel-member-unknown');
      const options = (await hr('get', '/api/interviews/panel-options').expect(200)).body as InterviewPanelMember[];
      expect(options.map((o) => o.id)).not.toContain(gone.id);
    });
  });

  it('offers every active staff user, of any role, for the panel', async () => {
    const options = (await as(staff.alice.token)('get', '/api/interviews/panel-options').expect(200))
      .body as InterviewPanelMember[];
    const ids = options.map((o) => o.id);
    for (const s of [staff.alice, staff.bob, staff.outsider]) expect(ids).toContain(s.id);
    expect(options.map((o) => o.role)).toEqual(expect.arrayContaining(['admin', 'hr', 'interviewer']));
    expect(options.find((o) => o.id === staff.alice.id)).toEqual({
      id: staff.alice.id,
      name: 'Test interviewer',
      email: staff.alice.email,
      role: 'interviewer',
    });
  });

  it('hides an interview from an interviewer neither on its panel nor its scheduler, as if it did not exist', async () => {
    const { interview } = await schedule([staff.alice.id]);
    const outsider = as(staff.outsider.token);
    for (const [method, path] of [
      ['get', `/api/interviews/${interview.id}`],
      ['get', `/api/interviews/${interview.id}/replay`],
      ['post', `/api/interviews/${interview.id}/link`],
      ['put', `/api/interviews/${interview.id}/notes/mine/shared`],
    ] as const) {
      const res = await outsider(method, path).send({ shared: true });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code: 'interview-not-found',
      });
    }
    const unknown = await outsider('get', `/api/interviews/${randomUUID()}`).expect(404);
    expect(unknown.body).toEqual((await outsider('get', `/api/interviews/${interview.id}`)).body);
    const list = (await outsider('get', '/api/interviews?limit=100').expect(200)).body as InterviewListResponse;
    expect(list.items.map((i) => i.id)).not.toContain(interview.id);

    // On the panel: listed (onPanel), readable, replayable.
    const alice = as(staff.alice.token);
    const mine = (await alice('get', '/api/interviews?limit=100').expect(200)).body as InterviewListResponse;
    expect(mine.items.find((i) => i.id === interview.id)).toMatchObject({ onPanel: true });
    expect(mine.items.every((i) => i.panel.some((p) => p.id === staff.alice.id))).toBe(true);
    await alice('get', `/api/interviews/${interview.id}`).expect(200);
    await alice('get', `/api/interviews/${interview.id}/replay`).expect(200);
    // HR sees every interview, without being on the panel.
    const all = (await hr('get', '/api/interviews?limit=100').expect(200)).body as InterviewListResponse;
    expect(all.items.find((i) => i.id === interview.id)).toMatchObject({ onPanel: false });
  });

  it('lets an interviewer schedule, and see what they scheduled without being on its panel', async () => {
    const body = await interviewRequest(suite.server.url, staff.outsider.token, [staff.bob.id]);
    const res = (await as(staff.outsider.token)('post', '/api/interviews').send(body).expect(201))
      .body as InterviewLinkResponse;
    expect(res.interview.onPanel).toBe(false);
    const list = (await as(staff.outsider.token)('get', '/api/interviews?limit=100').expect(200))
      .body as InterviewListResponse;
    expect(list.items.find((i) => i.id === res.interview.id)).toMatchObject({ onPanel: false });
    await as(staff.outsider.token)('get', `/api/interviews/${res.interview.id}`).expect(200);
    // Alice is neither on it nor its scheduler.
    await as(staff.alice.token)('get', `/api/interviews/${res.interview.id}`).expect(404);
  });

  it('lists newest start first, filtered by status and by a literal search', async () => {
    const tag = `Pct100%_${Date.now()}`;
    const day = 24 * 3600_000;
    const later = await schedule([staff.bob.id], {
      candidate: { name: `${tag} later`, email: `later-${Date.now()}@example.com` },
      startsAt: new Date(Date.now() + 3 * day).toISOString(),
    });
    const sooner = await schedule([staff.bob.id], {
      candidate: { name: `${tag} sooner`, email: `sooner-${Date.now()}@example.com` },
      startsAt: new Date(Date.now() + 2 * day).toISOString(),
    });
    const found = (await hr('get', `/api/interviews?search=${encodeURIComponent(tag)}`).expect(200))
      .body as InterviewListResponse;
    expect(found.items.map((i) => i.id)).toEqual([later.interview.id, sooner.interview.id]);
    expect(found.total).toBe(2);
    // '%' and '_' are literal: a search that would match everything as a pattern matches nothing.
    const wild = (await hr('get', `/api/interviews?search=${encodeURIComponent('Pct100%_x')}`).expect(200))
      .body as InterviewListResponse;
    expect(wild.total).toBe(0);
    const byEmail = (await hr('get', `/api/interviews?search=${encodeURIComponent(sooner.interview.candidate.email)}`))
      .body as InterviewListResponse;
    expect(byEmail.items.map((i) => i.id)).toEqual([sooner.interview.id]);
    const byTitle = (
      await hr('get', `/api/interviews?limit=100&search=${encodeURIComponent(DEVELOPER_POSTING.slice(1))}`).expect(200)
    ).body as InterviewListResponse;
    expect(byTitle.items.map((i) => i.id)).toEqual(expect.arrayContaining([later.interview.id, sooner.interview.id]));
    expect(byTitle.items.every((i) => i.postingTitle.includes(DEVELOPER_POSTING.slice(1)))).toBe(true);
    await setStatus(later.interview.id, 'ended');
    const ended = (await hr('get', `/api/interviews?status=ended&search=${encodeURIComponent(tag)}`).expect(200))
      .body as InterviewListResponse;
    expect(ended.items.map((i) => i.id)).toEqual([later.interview.id]);
    const page = (await hr('get', `/api/interviews?search=${encodeURIComponent(tag)}&limit=1&offset=1`).expect(200))
      .body as InterviewListResponse;
    expect({ ids: page.items.map((i) => i.id), total: page.total }).toEqual({ ids: [sooner.interview.id], total: 2 });
    const bad = await hr('get', '/api/interviews?status=cancelled').expect(400);
    expect(bad.body.code).toBe('invalid-request');
  });

  it('makes a new link: the old token is no longer stored; refused once the interview has ended', async () => {
    const first = await schedule([staff.alice.id]);
    const second = (await as(staff.alice.token)('post', `/api/interviews/${first.interview.id}/link`).expect(200))
      .body as InterviewLinkResponse;
    expect(second.interview.id).toBe(first.interview.id);
    expect(linkToken(second.link)).not.toBe(linkToken(first.link));
    expect((await row(first.interview.id)).h).toBe(sha256(linkToken(second.link)));
    await setStatus(first.interview.id, 'ended');
    const res = await hr('post', `/api/interviews/${first.interview.id}/link`).expect(409);
    expect(res.body.code).toBe('interview-ended');
    expect((await row(first.interview.id)).h).toBe(sha256(linkToken(second.link)));
  });

  it('shares a note with the panel only once the interview has ended, and only a panel member', async () => {
    const { interview } = await schedule([staff.alice.id, staff.bob.id]);
    const share = (token: string, shared: boolean) =>
      as(token)('put', `/api/interviews/${interview.id}/notes/mine/shared`).send({ shared });
    const early = await share(staff.alice.token, true).expect(409);
    expect(early.body.code).toBe('notes-not-shareable');
    await setStatus(interview.id, 'live');
    expect((await share(staff.alice.token, true).expect(409)).body.code).toBe('notes-not-shareable');
    await setStatus(interview.id, 'ended');
    expect((await share(suite.token, true).expect(403)).body.code).toBe('not-on-panel');
    expect((await share(staff.alice.token, 'yes' as unknown as boolean).expect(400)).body.code).toBe('invalid-request');

    // Alice has no note yet: an empty one is made, shared.
    const note = (await share(staff.alice.token, true).expect(200)).body;
    expect(note).toMatchObject({ authorId: staff.alice.id, authorName: 'Test interviewer', body: '', shared: true });
    // Bob's own note, not shared, written as the room would.
    await directQuery(
      suite.db,
      (s) =>
        `INSERT INTO interview_notes (${['interviewId', 'userId', 'body', 'shared', 'updatedAt'].map((c) => s.driver.escape(c)).join(', ')}) VALUES (?, ?, ?, ?, ?)`,
      (s) => [
        interview.id,
        staff.bob.id,
        'Bob thinks so',
        0,
        s.driver.preparePersistentValue(new Date(), { type: 'datetime' } as never),
      ],
    );
    const aliceSees = (await as(staff.alice.token)('get', `/api/interviews/${interview.id}`).expect(200))
      .body as InterviewDetail;
    expect(aliceSees.notes.map((n) => n.authorId)).toEqual([staff.alice.id]);
    const bobSees = (await as(staff.bob.token)('get', `/api/interviews/${interview.id}`).expect(200))
      .body as InterviewDetail;
    expect(bobSees.notes.map((n) => [n.authorId, n.body, n.shared]).sort()).toEqual(
      [
        [staff.alice.id, '', true],
        [staff.bob.id, 'Bob thinks so', false],
      ].sort(),
    );
    const hrSees = (await hr('get', `/api/interviews/${interview.id}`).expect(200)).body as InterviewDetail;
    expect(hrSees.notes.map((n) => n.authorId)).toEqual([staff.alice.id]);

    // Bob shares his: the body stays; Alice takes hers back.
    expect((await share(staff.bob.token, true).expect(200)).body).toMatchObject({
      body: 'Bob thinks so',
      shared: true,
    });
    await share(staff.alice.token, false).expect(200);
    const later = (await as(staff.alice.token)('get', `/api/interviews/${interview.id}`).expect(200))
      .body as InterviewDetail;
    expect(later.notes.map((n) => [n.authorId, n.shared]).sort()).toEqual(
      [
        [staff.alice.id, false],
        [staff.bob.id, true],
      ].sort(),
    );
    expect(
      (
        (await as(staff.bob.token)('get', `/api/interviews/${interview.id}`).expect(200)).body as InterviewDetail
      ).notes.map((n) => n.authorId),
    ).toEqual([staff.bob.id]);
  });

  it('replays an interview with no edits: everyone who takes part, its questions, empty logs and no events', async () => {
    const { interview } = await schedule([staff.alice.id, staff.bob.id]);
    const detail = (await hr('get', `/api/interviews/${interview.id}`).expect(200)).body as InterviewDetail;
    const replay = (await as(staff.bob.token)('get', `/api/interviews/${interview.id}/replay`).expect(200))
      .body as InterviewReplay;
    expect(replay).toMatchObject({ interviewId: interview.id, status: 'scheduled', startedAt: null, endedAt: null });
    expect(replay.participants.map((p) => [p.id, p.name, p.role])).toEqual([
      ['candidate', interview.candidate.name, 'candidate'],
      [staff.alice.id, 'Test interviewer', 'interviewer'],
      [staff.bob.id, 'Test interviewer', 'interviewer'],
      ['system', 'Rubricon', 'system'],
    ]);
    // The candidate and each interviewer in a colour of their own.
    expect(new Set(replay.participants.slice(0, 3).map((p) => p.colour)).size).toBe(3);
    expect(replay.questions).toEqual(
      detail.questions.map((q) => ({ id: q.id, position: q.position, kind: q.kind, title: q.title })),
    );
    expect(replay.logs).toEqual(Object.fromEntries(detail.questions.map((q) => [q.id, []])));
    expect(replay.events).toEqual([]);
  });

  it("replays what the room logged: each question's updates by seq as base64, events by time then as written", async () => {
    const { interview } = await schedule([staff.alice.id]);
    const [first, second] = ((await hr('get', `/api/interviews/${interview.id}`).expect(200)).body as InterviewDetail)
      .questions;
    const insert = (table: string, columns: string[], values: unknown[]) =>
      directQuery(
        suite.db,
        (s) =>
          `INSERT INTO ${table} (${columns.map((c) => s.driver.escape(c)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        () => values,
      );
    const update = ['interviewId', 'questionId', 'seq', 'at', 'author', 'update'];
    // Written out of order: replay orders by seq, not by insertion.
    await insert('interview_updates', update, [interview.id, first.id, 2, 2000, 'candidate', Buffer.from([3, 4])]);
    await insert('interview_updates', update, [interview.id, first.id, 1, 1000, staff.alice.id, Buffer.from([1, 2])]);
    await insert('interview_updates', update, [interview.id, second.id, 1, 3000, 'system', Buffer.from([255])]);
    const event = ['interviewId', 'at', 'kind', 'actor', 'questionId', 'detail'];
    const run = {
      runId: 'r1',
      questionId: first.id,
      by: 'candidate',
      language: 'typescript',
      result: { mode: 'error', code: 'x', error: 'boom' },
    };
    await insert('interview_events', event, [interview.id, 5000, 'run', 'candidate', first.id, JSON.stringify(run)]);
    await insert('interview_events', event, [interview.id, 1000, 'start', staff.alice.id, null, null]);
    await insert('interview_events', event, [interview.id, 1000, 'reveal', staff.alice.id, first.id, null]);
    const replay = (await as(staff.alice.token)('get', `/api/interviews/${interview.id}/replay`).expect(200))
      .body as InterviewReplay;
    expect(replay.logs).toEqual({
      [first.id]: [
        { seq: 1, at: 1000, author: staff.alice.id, update: Buffer.from([1, 2]).toString('base64') },
        { seq: 2, at: 2000, author: 'candidate', update: Buffer.from([3, 4]).toString('base64') },
      ],
      [second.id]: [{ seq: 1, at: 3000, author: 'system', update: Buffer.from([255]).toString('base64') }],
    });
    expect(replay.events).toEqual([
      { at: 1000, kind: 'start', actor: staff.alice.id },
      { at: 1000, kind: 'reveal', actor: staff.alice.id, questionId: first.id },
      { at: 5000, kind: 'run', actor: 'candidate', questionId: first.id, run },
    ]);
  });

  it("offers the posting's newest assessment's questions first, then the rest of the bank by kind and id", async () => {
    const postingId = await seedPostingId(suite.server.url, suite.token, DEVELOPER_POSTING);
    await hr('post', `/api/postings/${postingId}/assessments`).send({ seed: 1 }).expect(201);
    // SQLite keeps creation times to the second: the second assessment must be newer to be the newest.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const newest = (await hr('post', `/api/postings/${postingId}/assessments`).send({ seed: 2 }).expect(201))
      .body as AssessmentView;
    const choices = (await as(staff.alice.token)('get', `/api/postings/${postingId}/interview-questions`).expect(200))
      .body as InterviewQuestionChoice[];
    const assessed = newest.sections.flatMap((s) => s.questions.map((q) => q.id));
    const first = choices.filter((c) => c.inAssessment);
    expect(first.map((c) => c.id)).toEqual(assessed);
    expect(choices.slice(0, first.length)).toEqual(first);
    const rest = choices.slice(first.length);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((c) => !c.inAssessment && !assessed.includes(c.id))).toBe(true);
    const sorted = [...rest].sort(
      (a, b) =>
        QUESTION_KIND_ORDER.indexOf(a.kind) - QUESTION_KIND_ORDER.indexOf(b.kind) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(rest.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
    expect(new Set(choices.map((c) => c.id)).size).toBe(choices.length);
    expect(Object.keys(choices[0]).sort()).toEqual(
      ['competencies', 'difficulty', 'id', 'inAssessment', 'kind', 'minutes', 'title'].sort(),
    );
    const missing = await hr('get', `/api/postings/${randomUUID()}/interview-questions`).expect(404);
    expect(missing.body.code).toBe('posting-not-found');
  });
});
