import { DocReplay, syncUpdate, toWire } from '@rubricon/collab';
import type { InterviewQuestionView, InterviewReplay, ScheduleInterviewRequest } from '@rubricon/contracts';
import { loadQuestionBank, type CodingQuestion } from '@rubricon/generation';
import { join } from 'node:path';
import request from 'supertest';
import * as Y from 'yjs';
import { createStaff } from '../factories/staff';
import { linkToken, scheduleInterview } from '../factories/interviews';
import { databaseKinds } from '../support/databases';
import { connectRoom, eventually, type RoomClient } from '../support/interview-client';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

jest.setTimeout(60_000);

describe.each(databaseKinds().map((k) => [k.name, k] as const))('interview room on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  const open: RoomClient[] = [];
  let interviewer: { id: string; token: string };
  let outsider: { id: string; token: string };

  beforeAll(async () => {
    const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    interviewer = await createStaff(suite.server.url, admin, 'interviewer');
    outsider = await createStaff(suite.server.url, admin, 'interviewer');
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });

  async function setUp(overrides: Partial<ScheduleInterviewRequest> = {}) {
    const scheduled = await scheduleInterview(suite.server.url, suite.token, [interviewer.id], overrides);
    const id = scheduled.interview.id;
    const staff = await connectRoom(suite.server.url, { accessToken: interviewer.token, interviewId: id });
    const candidate = await connectRoom(suite.server.url, { link: linkToken(scheduled.link) });
    open.push(staff, candidate);
    const questions = (staff.questions() as { questions: InterviewQuestionView[] }).questions;
    return { id, link: scheduled.link, staff, candidate, coding: questions[0], written: questions[1] };
  }

  it('lets interviewer and candidate co-edit a revealed question: both converge, starter code first', async () => {
    const { staff, candidate, coding } = await setUp();
    expect(candidate.questions()).toEqual({ audience: 'candidate', questions: [] });
    expect(await staff.ask('question:reveal', { questionId: coding.id })).toEqual({ ok: true });
    await eventually(() => candidate.state().status === 'live' && candidate.questions().questions.length === 1);
    expect(candidate.state().currentQuestionId).toBe(coding.id);

    const a = staff.doc(coding.id);
    const b = candidate.doc(coding.id);
    await eventually(() => a.synced && b.synced);
    const starter = coding.coding!.starter.typescript;
    expect(a.text.toString()).toBe(starter.replace(/\r\n?/g, '\n'));
    a.text.insert(0, '// interviewer\n');
    b.text.insert(b.text.length, '\n// 候选人\n');
    await eventually(
      () =>
        a.text.toString() === b.text.toString() &&
        a.text.toString().includes('候选人') &&
        b.text.toString().includes('interviewer'),
    );
  });

  it('refuses every staff event from the candidate, and unrevealed or foreign questions', async () => {
    const { staff, candidate, coding, written } = await setUp();
    for (const [event, payload] of [
      ['question:reveal', { questionId: coding.id }],
      ['interview:start', {}],
      ['interview:end', {}],
      ['note:save', { body: 'x' }],
    ] as const)
      expect(await candidate.ask(event, payload)).toMatchObject({ code: 'staff-only' });
    const step1 = toWire(syncUpdate(new Uint8Array())); // any frame: opening the document is what is refused
    expect(await candidate.ask('doc:sync', { questionId: coding.id, message: step1 })).toMatchObject({
      code: 'question-not-revealed',
    });
    expect(await candidate.ask('code:run', { questionId: coding.id, mode: 'visible' })).toMatchObject({
      code: 'question-not-revealed',
    });
    expect(
      await candidate.ask('doc:awareness', { questionId: coding.id, update: toWire(new Uint8Array([0])) }),
    ).toMatchObject({
      code: 'question-not-revealed',
    });
    // Another interview's question is not this room's.
    const other = await setUp();
    expect(await candidate.ask('doc:sync', { questionId: other.coding.id, message: step1 })).toMatchObject({
      code: 'question-not-in-interview',
    });
    expect(await staff.ask('question:reveal', { questionId: other.coding.id })).toMatchObject({
      code: 'question-not-in-interview',
    });
    // Staff may open (and prepare) a question's code before revealing it.
    const prepared = staff.doc(written.id);
    await eventually(() => prepared.synced);
    expect(await candidate.ask('unknown:event', {})).toMatchObject({ code: 'unknown-event' });
  });

  it('merges edits made offline when the socket reconnects', async () => {
    const { staff, candidate, coding } = await setUp();
    await staff.ask('question:reveal', { questionId: coding.id });
    const a = staff.doc(coding.id);
    const b = candidate.doc(coding.id);
    await eventually(() => a.synced && b.synced);
    candidate.socket.disconnect();
    b.text.insert(0, '// written offline\n');
    a.text.insert(a.text.length, '\n// meanwhile, the interviewer');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.text.toString()).not.toContain('written offline');
    candidate.socket.connect(); // the same link: a new session, which re-syncs both ways
    await eventually(
      () =>
        a.text.toString() === b.text.toString() &&
        a.text.toString().includes('written offline') &&
        b.text.toString().includes('meanwhile, the interviewer'),
    );
  });

  it('refuses malformed, oversized and non-code updates with an ack, and the room carries on', async () => {
    const { staff, candidate, coding } = await setUp();
    await staff.ask('question:reveal', { questionId: coding.id });
    const a = staff.doc(coding.id);
    const b = candidate.doc(coding.id);
    await eventually(() => a.synced && b.synced);
    const garbage = toWire(new Uint8Array([2, 200, 1, 255, 255, 255, 255, 7]));
    expect(await candidate.ask('doc:sync', { questionId: coding.id, message: garbage })).toMatchObject({
      code: 'update-invalid',
    });
    expect(
      await candidate.ask('doc:sync', { questionId: coding.id, message: toWire(new Uint8Array(70_000)) }),
    ).toMatchObject({
      code: 'update-too-large',
    });
    const rogue = new Y.Doc();
    rogue.getMap('meta').set('x', 1);
    expect(
      await candidate.ask('doc:sync', {
        questionId: coding.id,
        message: toWire(syncUpdate(Y.encodeStateAsUpdate(rogue))),
      }),
    ).toMatchObject({ code: 'update-not-allowed' });
    // Without an acknowledgement (how updates travel), the refusal comes back as an event.
    const refused = new Promise((resolve) => candidate.socket.once('doc:refused', resolve));
    candidate.socket.emit('doc:sync', { questionId: coding.id, message: garbage });
    expect(await refused).toMatchObject({ questionId: coding.id, code: 'update-invalid' });
    expect(await candidate.ask('doc:sync', { questionId: coding.id, message: 'not bytes' })).toMatchObject({
      code: 'invalid-request',
    });
    b.text.insert(0, 'still works ');
    await eventually(() => a.text.toString().startsWith('still works '));
  });

  it('refuses handshakes of outsiders, bad tokens and unknown links', async () => {
    const { id } = await setUp();
    const refused = (auth: object) =>
      connectRoom(suite.server.url, auth as never).then(
        (c) => {
          open.push(c);
          return 'connected';
        },
        (e: Error & { data?: { code: string } }) => e.data?.code,
      );
    expect(await refused({ accessToken: outsider.token, interviewId: id })).toBe('not-on-panel');
    expect(await refused({ accessToken: 'nonsense', interviewId: id })).toBe('sign-in-expired');
    expect(await refused({ interviewId: id })).toBe('sign-in-required');
    expect(await refused({ accessToken: interviewer.token, interviewId: '00000000-0000-4000-8000-000000000000' })).toBe(
      'interview-not-found',
    );
    expect(await refused({ link: 'x'.repeat(43) })).toBe('link-unknown');
  });

  it('never sends the candidate a note, and a note reaches its author’s other tabs', async () => {
    const { id, staff, candidate, coding } = await setUp();
    const secret = 'PRIVATE-NOTE-' + Math.random().toString(36).slice(2);
    const tab2 = await connectRoom(suite.server.url, { accessToken: interviewer.token, interviewId: id });
    open.push(tab2);
    await staff.ask('question:reveal', { questionId: coding.id });
    expect(await staff.ask('note:save', { body: `**${secret}** candidate hesitated` })).toHaveProperty('savedAt');
    await eventually(() => tab2.received.some((r) => r.event === 'note' && JSON.stringify(r.args).includes(secret)));
    await staff.ask('interview:end', {});
    await eventually(() => candidate.state().status === 'ended');
    const everything = JSON.stringify(candidate.received);
    expect(everything).not.toContain(secret);
    expect(candidate.received.map((r) => r.event)).not.toContain('note');
    // Nor rubrics, probes or hidden tests.
    expect(everything).not.toMatch(/"rubric"|"probes"|"hiddenTests"|"starter"/);
  });

  it('gives the newest candidate session the room and tells the older one', async () => {
    const { link, candidate } = await setUp();
    const ended = new Promise((resolve) => candidate.socket.once('session-ended', resolve));
    const newer = await connectRoom(suite.server.url, { link: linkToken(link) });
    open.push(newer);
    expect(await ended).toEqual({ code: 'session-replaced' });
    await eventually(() => candidate.socket.disconnected);
  });

  it('shows a candidate connected with a replaced link out at once; only the new link opens the room', async () => {
    const { id, link, candidate } = await setUp();
    const ended = new Promise((resolve) => candidate.socket.once('session-ended', resolve));
    const fresh = (
      await request(suite.server.url)
        .post(`/api/interviews/${id}/link`)
        .set('Authorization', `Bearer ${interviewer.token}`)
        .expect(200)
    ).body as { link: string };
    expect(await ended).toEqual({ code: 'link-replaced' });
    await eventually(() => candidate.socket.disconnected);
    expect(
      await connectRoom(suite.server.url, { link: linkToken(link) }).then(
        () => 'connected',
        (e: Error & { data?: { code: string } }) => e.data?.code,
      ),
    ).toBe('link-unknown');
    const again = await connectRoom(suite.server.url, { link: linkToken(fresh.link) });
    open.push(again);
    expect(again.state().you.role).toBe('candidate');
  });

  it('runs the shared code for everyone, one run at a time per interview', async () => {
    const { staff, candidate, coding } = await setUp();
    await staff.ask('question:reveal', { questionId: coding.id });
    const b = candidate.doc(coding.id);
    await eventually(() => b.synced);
    const ack = await candidate.ask<{ runId: string }>('code:run', { questionId: coding.id, mode: 'visible' });
    expect(ack.runId).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(
      () => staff.runs.some((r) => r.runId === ack.runId) && candidate.runs.some((r) => r.runId === ack.runId),
      30_000,
    );
    const seen = staff.runs.find((r) => r.runId === ack.runId)!;
    expect(seen).toEqual(candidate.runs.find((r) => r.runId === ack.runId));
    expect(seen.by).toBe('candidate');
    expect(['visible', 'error']).toContain(seen.result.mode);
  });

  it('runs an interview in Python: Python starter code in the shared editor, the edited code run for both', async () => {
    const { staff, candidate, coding } = await setUp({ language: 'python' });
    await staff.ask('question:reveal', { questionId: coding.id });
    const a = staff.doc(coding.id);
    const b = candidate.doc(coding.id);
    await eventually(() => a.synced && b.synced);
    // The room's question ids are the interview's own: find the bank task by its starter code.
    const starter = coding.coding!.starter.python;
    const question = loadQuestionBank(join(__dirname, '..', '..', 'question-banks')).questions.find(
      (q) => q.kind === 'coding' && q.starter.python === starter,
    ) as CodingQuestion;
    expect(b.text.toString()).toBe(starter.replace(/\r\n?/g, '\n'));
    b.text.delete(0, b.text.length);
    b.text.insert(0, question.reference.python);
    await eventually(() => a.text.toString() === question.reference.python);
    const ack = await staff.ask<{ runId: string }>('code:run', { questionId: coding.id, mode: 'visible' });
    await eventually(() => candidate.runs.some((r) => r.runId === ack.runId), 60_000);
    const run = candidate.runs.find((r) => r.runId === ack.runId)!;
    expect(run.language).toBe('python');
    expect(run.result).toMatchObject({ mode: 'visible', verdict: 'passed' });
  });

  it('stamps cursors with the real name, and removes a closed socket’s cursor at once', async () => {
    const { staff, candidate, coding } = await setUp();
    await staff.ask('question:reveal', { questionId: coding.id });
    const a = staff.doc(coding.id);
    const b = candidate.doc(coding.id);
    await eventually(() => a.synced && b.synced);
    a.awareness.setLocalStateField('user', { name: 'I am the candidate', colour: '#000' });
    a.awareness.setLocalStateField('selection', { anchor: 1, head: 2 });
    await eventually(() => b.awareness.getStates().has(a.doc.clientID));
    const state = b.awareness.getStates().get(a.doc.clientID) as { user: { name: string } };
    expect(state.user.name).toBe('Test interviewer');
    staff.close();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 3_000);
  });

  it('ends the interview: edits refused, the candidate link no longer opens the room, replay equals the live text', async () => {
    const { id, link, staff, candidate, coding } = await setUp();
    await staff.ask('question:reveal', { questionId: coding.id });
    const a = staff.doc(coding.id);
    const refusals: { code: string }[] = [];
    const b = candidate.doc(coding.id, refusals as never);
    await eventually(() => a.synced && b.synced);
    for (let i = 0; i < 20; i++) (i % 2 ? a : b).text.insert(0, `${i} `);
    // Concurrent inserts at the same place: Yjs orders them the same way on both sides.
    await eventually(
      () =>
        a.text.toString() === b.text.toString() && /\b19 /.test(a.text.toString()) && /\b18 /.test(a.text.toString()),
    );
    const live = a.text.toString();
    expect(await staff.ask('interview:end', {})).toEqual({ ok: true });
    await eventually(() => candidate.state().status === 'ended');
    b.text.insert(0, 'too late ');
    await eventually(() => refusals.some((r) => r.code === 'interview-ended'));
    expect(
      await connectRoom(suite.server.url, { link: linkToken(link) }).then(
        () => 'connected',
        (e: Error & { data?: { code: string } }) => e.data?.code,
      ),
    ).toBe('interview-ended');
    const replay: InterviewReplay = (
      await request(suite.server.url)
        .get(`/api/interviews/${id}/replay`)
        .set('Authorization', `Bearer ${interviewer.token}`)
        .expect(200)
    ).body;
    const log = replay.logs[coding.id].map((u) => ({ ...u, update: new Uint8Array(Buffer.from(u.update, 'base64')) }));
    expect(log.length).toBeGreaterThanOrEqual(21); // the starter code, then 20 edits
    expect(new DocReplay(log, 5).textAfter(log.length)).toBe(live);
    expect(log[0].author).toBe('system');
    expect(new Set(log.map((u) => u.author))).toEqual(new Set(['system', 'candidate', interviewer.id]));
    const kinds = replay.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['join', 'start', 'reveal', 'end']));
  });
});
