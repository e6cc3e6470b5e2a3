import { syncStep1, syncUpdate, toWire, CODE_TEXT } from '@rubricon/collab';
import {
  MAX_NOTE_BYTES,
  type CandidateAttemptView,
  type InterviewQuestionView,
  type InterviewRoomQuestions,
} from '@rubricon/contracts';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import * as Y from 'yjs';
import { connectCandidate, invitedCandidates, startedAttempt } from '../factories/attempts';
import { linkToken, scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { candidateApi } from '../support/candidate-client';
import { databaseKinds } from '../support/databases';
import {
  assertFuzz,
  deepRaw,
  emitAndWait,
  emitBare,
  frameBytes,
  isIsoTime,
  isRefusal,
  junk,
  mutated,
  nastyString,
  nested,
  openTableReader,
  prototypeMembers,
  refusalProblem,
  type Emission,
} from '../support/fuzz';
import { connectRoom, eventually, type RoomClient } from '../support/interview-client';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

/*
 * Bad input on every socket event (issue 16, item 6). Each fast-check run sends a few events with
 * generated payloads and checks: every acknowledged event is answered in time, with a refusal a
 * person can read (a known code, never internal-error) or the event's own answer; the socket stays
 * connected (unless the frame is over the namespace's size limit, where socket.io closes it); no
 * prototype is polluted; and when everything was refused, the tables refused input must not touch
 * read exactly as before (a direct database read). After the fuzzing, the server still answers
 * /api/health and a valid save.
 *
 * SQLite only: on this 2-core machine MariaDB would double the time for what are the same handlers
 * (FUZZ_DATABASES=all runs both). Budgets are in FUZZ below; replay a failure with the seed and path
 * fast-check prints: see tests/support/fuzz.ts.
 */
jest.setTimeout(120_000);

const kinds = process.env.FUZZ_DATABASES === 'all' ? databaseKinds() : databaseKinds().slice(0, 1);
const FUZZ = {
  attempts: { numRuns: 150, timeLimitMs: 15_000 },
  interviews: { numRuns: 150, timeLimitMs: 20_000 },
};
/** How long an acknowledgement may take on a loaded machine before it counts as silence. */
const ACK_MS = 5_000;
/**
 * The frame limit (maxHttpBufferSize): one engine serves both namespaces, so the first gateway's
 * option (the /attempts 1 MB) holds for both. Over it, socket.io closes the connection by design.
 */
const ATTEMPTS_FRAME_LIMIT = 1024 * 1024;
const INTERVIEWS_FRAME_LIMIT = 1024 * 1024;
/** Event names socket.io itself reserves: the client refuses to emit them. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

interface Command {
  event: string;
  emission: Emission;
  ack: boolean;
}

const unknownEvent = fc
  .oneof(
    fc.constantFrom('delete-everything', '__proto__', 'constructor', 'toString', 'save-answer ', 'SAVE-ANSWER', 'doc:'),
    nastyString,
  )
  .filter((name) => !RESERVED.has(name));

/** A payload for an event whose valid form is `valid`: pure junk, a valid one bent out of shape, too deep, or none. */
function emissionFor(valid: fc.Arbitrary<Record<string, unknown>>, fields: string[]): fc.Arbitrary<Emission> {
  return fc.oneof(
    { weight: 4, arbitrary: valid.chain(mutated).map((value): Emission => ({ kind: 'value', value })) },
    { weight: 2, arbitrary: junk(fields).map((value): Emission => ({ kind: 'value', value })) },
    { weight: 3, arbitrary: valid.map((value): Emission => ({ kind: 'value', value })) },
    { weight: 1, arbitrary: nested.map((value): Emission => ({ kind: 'value', value })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.array(junk(), { minLength: 1, maxLength: 2 }))
        .map(([value, extra]): Emission => ({ kind: 'value', value, extra })),
    },
    { weight: 1, arbitrary: deepRaw },
    { weight: 1, arbitrary: fc.constant<Emission>({ kind: 'none' }) },
  );
}

const describeShort = (c: Command): string => {
  const text =
    c.emission.kind === 'raw'
      ? `raw ${c.emission.json.length} chars`
      : c.emission.kind === 'none'
        ? 'no payload'
        : JSON.stringify(c.emission.value)?.slice(0, 300);
  return `${c.ack ? 'acked' : 'bare'} "${c.event.slice(0, 60)}" ${text}`;
};

function fail(what: string, command: Command, answer?: unknown): never {
  throw new Error(`${what}\n  event: ${describeShort(command)}\n  answer: ${JSON.stringify(answer)?.slice(0, 500)}`);
}

/** What the fuzzing got back, by code (or `accepted`): printed after each property, to see it reached past validation. */
const tally = new Map<string, number>();
const count = (answer: unknown) => {
  const key = isRefusal(answer) ? String((answer as { code: unknown }).code) : 'accepted';
  tally.set(key, (tally.get(key) ?? 0) + 1);
};
const printTally = (name: string) => {
  process.stderr.write(`${name} answers: ${[...tally].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  tally.clear();
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
const payloadOf = (e: Emission): unknown => (e.kind === 'value' && !e.extra?.length ? e.value : undefined);

describe.each(kinds.map((k) => [k.name, k] as const))('fuzzing socket events on %s', (_name, kind) => {
  const suite = useServerSuite(kind, 'hr');
  let reader: Awaited<ReturnType<typeof openTableReader>>;

  beforeAll(async () => {
    reader = await openTableReader(suite.db, {
      // The first message about a question's document opens it, and the server logs the starter code
      // it opens with (author `system`) even when that message is then refused: the server's content,
      // the same whoever opens it, never the refused input.
      interview_updates: (row) => row.author === 'system',
    });
  });
  afterAll(async () => {
    await reader?.close();
  });

  const health = async () => {
    const res = await request(suite.server.url).get('/api/health');
    expect(res.status).toBe(200);
  };

  describe('/attempts', () => {
    const TABLES = ['answers', 'integrity_events', 'attempts', 'invitations'];
    let socket: Socket;
    let accessToken: string;
    let attemptId: string;
    let questionIds: string[];

    beforeAll(async () => {
      const {
        links: [link],
      } = await invitedCandidates(suite.server.url, suite.token);
      const { session, started } = await startedAttempt(suite.server.url, link);
      accessToken = session.accessToken;
      attemptId = session.attemptId;
      questionIds = started.questions.map((q) => q.id);
    });
    afterAll(() => socket?.disconnect());

    const connect = async () => {
      socket?.disconnect();
      socket = (await connectCandidate(suite.server.url, accessToken)).socket;
    };

    it('answers every event, keeps the connection, and stores nothing it refused', async () => {
      await connect();
      const anyQuestion = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...questionIds) }, nastyString);
      const validSave = fc.record({
        attemptId: fc.constant(attemptId),
        questionId: anyQuestion,
        content: nastyString,
        language: fc.constantFrom('javascript', 'typescript'),
        version: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }, fc.integer()),
      });
      const validSignal = fc.record(
        {
          attemptId: fc.constant(attemptId),
          type: fc.constantFrom('paste', 'blur', 'focus', 'resize', 'hidden', 'visible', 'hidden-run'),
          questionId: anyQuestion,
          detail: fc.dictionary(fc.constantFrom('size', 'width', 'height', '__proto__', 'x'), fc.double()),
        },
        { requiredKeys: ['attemptId', 'type'] },
      );
      const command: fc.Arbitrary<Command> = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            event: fc.constant('save-answer'),
            emission: emissionFor(validSave, ['attemptId', 'questionId', 'content', 'language', 'version']),
            ack: fc.boolean(),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            event: fc.constant('report-event'),
            emission: emissionFor(validSignal, ['attemptId', 'type', 'questionId', 'detail']),
            ack: fc.boolean(),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            event: unknownEvent,
            emission: emissionFor(validSave, ['attemptId']),
            ack: fc.boolean(),
          }),
        },
      );

      /** True when the event cannot have been accepted (so it must not have written anything). */
      const certainlyRefused = (c: Command): boolean => {
        const p = payloadOf(c.emission);
        if (c.event !== 'save-answer' && c.event !== 'report-event') return true;
        if (!isPlainObject(p) || p.attemptId !== attemptId) return true;
        if (c.event === 'save-answer')
          return typeof p.content !== 'string' || !questionIds.includes(p.questionId as string);
        return !['paste', 'blur', 'focus', 'resize', 'hidden', 'visible'].includes(p.type as string);
      };

      const answerProblem = (event: string, a: Record<string, unknown>): string | null => {
        if (event === 'save-answer')
          return questionIds.includes(a.questionId as string) && Number.isInteger(a.version) && isIsoTime(a.savedAt)
            ? null
            : 'not a SaveAnswerAck';
        if (event === 'report-event') return a.ok === true && Object.keys(a).length === 1 ? null : 'not { ok: true }';
        return 'an unknown event was answered as if it were known';
      };

      let dirty = true;
      await assertFuzz(
        'fuzz-sockets /attempts',
        fc.array(command, { minLength: 1, maxLength: 4 }),
        async (commands) => {
          if (!socket.connected) await connect();
          const before = dirty ? await reader.settled(TABLES) : await reader.read(TABLES);
          const prototype = prototypeMembers();
          let allRefused = true;
          for (const c of commands) {
            const tooBig = frameBytes(c.event, c.emission) > ATTEMPTS_FRAME_LIMIT;
            if (!c.ack) {
              emitBare(socket, '/attempts', c.event, c.emission);
              if (!certainlyRefused(c)) allRefused = false;
              continue;
            }
            const result = await emitAndWait(socket, '/attempts', c.event, c.emission, ACK_MS);
            if (result === 'dropped') {
              if (tooBig) {
                await connect();
                continue;
              }
              fail('the server dropped the connection', c);
            }
            if (result === 'silence') fail(`no acknowledgement within ${ACK_MS} ms`, c);
            if (result === 'unsendable') continue;
            const { answer } = result;
            count(answer);
            if (isRefusal(answer)) {
              const problem = refusalProblem(answer);
              if (problem) fail(`a refusal that is not one: ${problem}`, c, answer);
            } else {
              const problem = isPlainObject(answer) ? answerProblem(c.event, answer) : 'not an object';
              if (problem) fail(`an answer of the wrong shape: ${problem}`, c, answer);
              allRefused = false;
            }
          }
          // A known event that needs no write, acknowledged: bare emissions before it have been read by now.
          const barrier = await emitAndWait(socket, '/attempts', 'report-event', { kind: 'value', value: [] }, ACK_MS);
          if (typeof barrier === 'string') throw new Error(`the socket stopped answering (${barrier})`);
          expect(prototypeMembers()).toBe(prototype);
          if (allRefused) {
            await new Promise((r) => setTimeout(r, 50));
            expect(await reader.read(TABLES)).toEqual(before);
          }
          dirty = !allRefused;
        },
        FUZZ.attempts,
      );
      printTally('fuzz-sockets /attempts');

      // Afterwards the server answers, and a valid save lands (the fuzz may have used up the save budget: wait for it).
      await health();
      if (!socket.connected) await connect();
      const view = (await candidateApi(suite.server.url, accessToken).view().expect(200)).body as CandidateAttemptView;
      const text = view.questions.find((q) => q.kind !== 'coding')!;
      const version = (view.answers.find((a) => a.questionId === text.id)?.version ?? 0) + 1;
      let saved: unknown;
      for (let i = 0; i < 30; i++) {
        const r = await emitAndWait(
          socket,
          '/attempts',
          'save-answer',
          {
            kind: 'value',
            value: { attemptId, questionId: text.id, content: '我的答案 after fuzzing', version },
          },
          ACK_MS,
        );
        saved = typeof r === 'string' ? r : r.answer;
        if ((saved as { code?: string })?.code !== 'too-many-saves') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(saved).toMatchObject({ questionId: text.id, version });
    });
  });

  describe('/interviews', () => {
    const TABLES = [
      'interviews',
      'interview_questions',
      'interview_panel',
      'interview_notes',
      'interview_updates',
      'interview_events',
    ];
    let interviewer: { id: string; token: string };
    let room:
      { id: string; staff: RoomClient; candidate: RoomClient; questionIds: string[]; ended: boolean } | undefined;

    beforeAll(async () => {
      const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
      interviewer = await createStaff(suite.server.url, admin, 'interviewer');
    });
    afterAll(() => {
      room?.staff.close();
      room?.candidate.close();
    });

    /** A fresh interview with the interviewer's and the candidate's sockets in its room. */
    const openRoom = async () => {
      room?.staff.close();
      room?.candidate.close();
      const scheduled = await scheduleInterview(suite.server.url, suite.token, [interviewer.id]);
      const id = scheduled.interview.id;
      const staff = await connectRoom(suite.server.url, { accessToken: interviewer.token, interviewId: id });
      const candidate = await connectRoom(suite.server.url, { link: linkToken(scheduled.link) });
      const questions = (staff.questions() as Extract<InterviewRoomQuestions, { audience: 'staff' }>).questions;
      room = { id, staff, candidate, questionIds: questions.map((q: InterviewQuestionView) => q.id), ended: false };
      return room;
    };

    it('refuses a note over the limit with an acknowledgement, even as escaped control characters, and keeps the socket', async () => {
      const { staff } = await openRoom();
      // 50 KB of control characters is a valid note, 300 KB as JSON text; one byte over the limit is refused by name.
      expect(await staff.ask('note:save', { body: '\u0001'.repeat(50_000) })).toHaveProperty('savedAt');
      expect(await staff.ask('note:save', { body: '\u0001'.repeat(MAX_NOTE_BYTES + 1) })).toMatchObject({
        code: 'note-too-long',
      });
      expect(staff.socket.connected).toBe(true);
    });

    it('answers a document message with an acknowledgement but no payload, or extra arguments, through that acknowledgement', async () => {
      const { staff, questionIds } = await openRoom();
      const step1 = toWire(syncStep1(new Uint8Array([0])));
      for (const event of ['doc:sync', 'doc:awareness']) {
        // These used to take the acknowledgement for the payload: no answer at all, a doc:refused instead.
        expect(await staff.socket.timeout(ACK_MS).emitWithAck(event)).toMatchObject({ code: 'invalid-request' });
        expect(
          await staff.socket
            .timeout(ACK_MS)
            .emitWithAck(event, { questionId: questionIds[0], message: step1 }, 'extra'),
        ).toMatchObject({ code: 'invalid-request' });
      }
      expect(staff.received.map((r) => r.event)).not.toContain('doc:refused');
    });

    it('answers every event from either side, keeps the connections, and stores nothing it refused', async () => {
      await openRoom();
      const EVENTS = [
        'doc:sync',
        'doc:awareness',
        'question:reveal',
        'interview:start',
        'interview:end',
        'code:run',
        'note:save',
      ];
      // Real messages for the documents, to bend: sync step 1, an edit of the code, and random bytes.
      const edit = (text: string) => {
        const doc = new Y.Doc();
        doc.getText(CODE_TEXT).insert(0, text);
        return toWire(syncUpdate(Y.encodeStateAsUpdate(doc)));
      };
      const docMessage = fc.oneof(
        fc.constant(toWire(syncStep1(new Uint8Array([0])))),
        fc.string({ maxLength: 30 }).map(edit),
        fc.uint8Array({ maxLength: 200 }).map((b) => toWire(b)),
        nastyString,
      );
      const question = () =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...room!.questionIds) },
          { weight: 1, arbitrary: nastyString },
        );
      const valid: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
        'doc:sync': fc.record({ questionId: question(), message: docMessage }),
        'doc:awareness': fc.record({ questionId: question(), update: docMessage }),
        'question:reveal': fc.record({ questionId: question() }),
        'interview:start': fc.constant({}),
        'interview:end': fc.constant({}),
        'code:run': fc.record(
          { questionId: question(), mode: fc.constantFrom('visible', 'custom', 'hidden'), input: junk() },
          { requiredKeys: ['questionId', 'mode'] },
        ),
        'note:save': fc.record({ body: nastyString }),
      };
      const FIELDS: Record<string, string[]> = {
        'doc:sync': ['questionId', 'message'],
        'doc:awareness': ['questionId', 'update'],
        'question:reveal': ['questionId'],
        'code:run': ['questionId', 'mode', 'input'],
        'note:save': ['body'],
      };
      const command = fc.record({
        side: fc.constantFrom<'staff' | 'candidate'>('staff', 'candidate'),
        command: fc.oneof(
          // Ending the interview ends the run's room (a new one is set up): rarely.
          ...EVENTS.map((event) => ({
            weight: event === 'interview:end' ? 1 : 4,
            arbitrary: fc.record({
              event: fc.constant(event),
              emission: emissionFor(valid[event], FIELDS[event] ?? []),
              ack: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
            }),
          })),
          {
            weight: 2,
            arbitrary: fc.record({
              event: unknownEvent,
              emission: emissionFor(valid['note:save'], ['body']),
              ack: fc.boolean(),
            }),
          },
        ),
      });

      /** True when the event cannot have been accepted from this side (so it wrote nothing). */
      const certainlyRefused = (side: 'staff' | 'candidate', c: Command): boolean => {
        if (!EVENTS.includes(c.event)) return true;
        const p = payloadOf(c.emission);
        if (
          side === 'candidate' &&
          ['question:reveal', 'interview:start', 'interview:end', 'note:save'].includes(c.event)
        )
          return true;
        if (c.event === 'interview:start' || c.event === 'interview:end') return false;
        if (!isPlainObject(p)) return true;
        if (c.event === 'note:save') return typeof p.body !== 'string';
        if (!room!.questionIds.includes(p.questionId as string)) return true;
        if (c.event === 'doc:sync') return typeof p.message !== 'string';
        if (c.event === 'doc:awareness') return typeof p.update !== 'string';
        return false;
      };
      const answerProblem = (event: string, a: Record<string, unknown>): string | null => {
        const ok = a.ok === true && Object.keys(a).length === 1;
        switch (event) {
          case 'doc:sync':
            return ok || (Array.isArray(a.messages) && a.messages.every((m) => typeof m === 'string'))
              ? null
              : 'not a sync answer';
          case 'doc:awareness':
          case 'question:reveal':
          case 'interview:start':
          case 'interview:end':
            return ok ? null : 'not { ok: true }';
          case 'code:run':
            return typeof a.runId === 'string' && a.runId !== '' ? null : 'not { runId }';
          case 'note:save':
            return isIsoTime(a.savedAt) ? null : 'not { savedAt }';
          default:
            return 'an unknown event was answered as if it were known';
        }
      };

      let dirty = true;
      await assertFuzz(
        'fuzz-sockets /interviews',
        fc.array(command, { minLength: 1, maxLength: 4 }),
        async (commands) => {
          if (!room || room.ended || !room.staff.socket.connected || !room.candidate.socket.connected) {
            await openRoom();
            dirty = true;
          }
          const r = room!;
          const before = dirty ? await reader.settled(TABLES) : await reader.read(TABLES);
          const prototype = prototypeMembers();
          let allRefused = true;
          for (const { side, command: c } of commands) {
            const client = side === 'staff' ? r.staff : r.candidate;
            if (!client.socket.connected) {
              // Gone by the protocol's say-so: the interview ended (session-ended) earlier in this run.
              if (r.ended) continue;
              fail(`the ${side} socket was disconnected`, c);
            }
            const tooBig = frameBytes(c.event, c.emission) > INTERVIEWS_FRAME_LIMIT;
            if (!c.ack) {
              const refused = certainlyRefused(side, c);
              if (!refused) allRefused = false;
              if (c.event !== 'doc:sync' && c.event !== 'doc:awareness') {
                emitBare(client.socket, '/interviews', c.event, c.emission);
                continue;
              }
              // A document message without an acknowledgement: a refusal comes back as doc:refused.
              const from = client.received.length;
              if (!emitBare(client.socket, '/interviews', c.event, c.emission)) continue;
              const answered = () => client.received.slice(from).find((e) => e.event === 'doc:refused');
              await eventually(
                () => answered() !== undefined || !client.socket.connected,
                refused ? ACK_MS : 300,
              ).catch(() => undefined);
              const refusal = answered()?.args[0];
              if (refused && !refusal && !(tooBig && !client.socket.connected))
                fail('an invalid document message got no doc:refused', c);
              if (refusal) {
                const problem = refusalProblem(refusal);
                if (problem) fail(`a doc:refused that is not a refusal: ${problem}`, c, refusal);
              }
              if (!client.socket.connected) {
                if (tooBig) return void (room = undefined);
                fail(`the ${side} socket was disconnected`, c);
              }
              continue;
            }
            const result = await emitAndWait(client.socket, '/interviews', c.event, c.emission, ACK_MS);
            if (result === 'dropped') {
              if (tooBig) return void (room = undefined); // socket.io's frame limit: a new room next run
              fail(`the server dropped the ${side} connection`, c);
            }
            if (result === 'silence') fail(`no acknowledgement within ${ACK_MS} ms`, c);
            if (result === 'unsendable') continue;
            const { answer } = result;
            count(answer);
            if (isRefusal(answer)) {
              const problem = refusalProblem(answer);
              if (problem) fail(`a refusal that is not one: ${problem}`, c, answer);
            } else {
              const problem = isPlainObject(answer) ? answerProblem(c.event, answer) : 'not an object';
              if (problem) fail(`an answer of the wrong shape: ${problem}`, c, answer);
              allRefused = false;
              if (c.event === 'interview:end') r.ended = true;
            }
          }
          if (!r.ended) {
            // Acknowledged events that write nothing: bare emissions before them have been read by now.
            for (const client of [r.staff, r.candidate]) {
              const barrier = await emitAndWait(
                client.socket,
                '/interviews',
                'note:save',
                { kind: 'value', value: [] },
                ACK_MS,
              );
              if (typeof barrier === 'string') throw new Error(`a socket stopped answering (${barrier})`);
            }
          }
          expect(prototypeMembers()).toBe(prototype);
          if (allRefused) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            expect(await reader.read(TABLES)).toEqual(before);
          }
          dirty = !allRefused;
        },
        FUZZ.interviews,
      );
      printTally('fuzz-sockets /interviews');

      // Afterwards the server answers, and a room still works: a note saves and a document opens.
      await health();
      const after = room && !room.ended && room.staff.socket.connected ? room : await openRoom();
      expect(await after.staff.ask('note:save', { body: '面试记录 after fuzzing' })).toHaveProperty('savedAt');
      expect(
        await after.staff.ask('doc:sync', {
          questionId: after.questionIds[0],
          message: toWire(syncStep1(new Uint8Array([0]))),
        }),
      ).toHaveProperty('messages');
    });
  });
});
