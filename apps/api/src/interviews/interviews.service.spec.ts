import type { ScoringService } from '../scoring/scoring.service';
import type { AssessmentView } from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import type { AssessmentsService } from '../assessments/assessments.service';
import type { BankService, LoadedBank } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import type { AuthUser } from '../common/auth.decorators';
import { MAIL_OFF, type AppConfig } from '../config';
import type { MailRepository } from '../mail/mail.repository';
import { MailService } from '../mail/mail.service';
import type { PostingsService } from '../postings/postings.service';
import type { InterviewEntity } from './interview.entity';
import type { InterviewsRepository, NoteWithAuthor } from './interviews.repository';
import { InterviewsService } from './interviews.service';
import type { InterviewRoomService } from './room/interview-room.service';
import { fakeAudit } from '../audit/audit.testing';

// The service's own decisions, with the database and the bank replaced: what the e2e tests cannot
// stage (a lost race with the room, notes of someone no longer on the panel, a retired question).

const question = (id: string, kind: Question['kind']) =>
  ({ id, kind, title: { zh: id, en: id }, competencies: [], minutes: 5, difficulty: 2 }) as unknown as Question;

const interview = (over: Partial<InterviewEntity> = {}) =>
  ({
    id: 'iv1',
    postingId: 'p1',
    posting: { title: 'Developer' },
    candidate: { name: 'Ada', email: 'ada@example.com' },
    status: 'scheduled',
    startsAt: new Date('2026-12-03T10:00:00Z'),
    durationMinutes: 60,
    language: 'typescript',
    startedAt: null,
    endedAt: null,
    createdAt: new Date('2026-12-02T10:00:00Z'),
    createdById: 'hr1',
    panel: [{ userId: 'u1', position: 0, user: { id: 'u1', name: 'Uma', email: 'u1@x', role: 'interviewer' } }],
    questions: [],
    ...over,
  }) as unknown as InterviewEntity;

function build(opts: { row?: InterviewEntity; notes?: NoteWithAuthor[]; linkReplaced?: boolean } = {}) {
  const repo = {
    transaction: async <T>(work: (tx: InterviewsRepository) => Promise<T>) => work(repo),
    find: async (id: string) => (id === 'iv1' ? (opts.row ?? interview()) : null),
    notes: async () => opts.notes ?? [],
    replaceLinkHash: async () => opts.linkReplaced ?? true,
  } as unknown as InterviewsRepository;
  const bankQuestions = [
    question('scenario.b', 'scenario'),
    question('coding.z', 'coding'),
    question('behavioral.a', 'behavioral'),
    question('coding.a', 'coding'),
    question('case.m', 'case'),
  ];
  const bank = {
    current: async () => ({ bank: { questions: bankQuestions }, rows: {} }) as unknown as LoadedBank,
    snapshots: async () => new Map(),
  } as unknown as BankService;
  const composed = question('behavioral.duty-0123456789', 'behavioral');
  const assessments = {
    listForPosting: async () => [{ id: 'as2' }, { id: 'as1' }],
    get: async (id: string) =>
      ({
        id,
        sections: [
          { kind: 'coding', questions: [{ id: 'coding.z' }, { id: 'coding.retired' }] },
          { kind: 'behavioral', questions: [{ id: 'behavioral.a' }, { id: composed.id }] },
        ],
      }) as unknown as AssessmentView,
    composedQuestions: async () => new Map([[composed.id, { bankQuestionId: 'row-composed', question: composed }]]),
  } as unknown as AssessmentsService;
  const config = { publicUrl: 'https://rubricon.test' } as AppConfig;
  const room = { linkReplaced: () => undefined } as unknown as InterviewRoomService;
  return new InterviewsService(
    config,
    repo,
    bank,
    {} as PostingsService,
    assessments,
    room,
    fakeAudit(),
    {} as ScoringService,
    new MailService({ ...config, mail: MAIL_OFF }, {} as MailRepository),
  );
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof ApiException ? e.code : String(e)),
  );

const user = (id: string, role: AuthUser['role']): AuthUser => ({ id, email: `${id}@x`, role });

describe(InterviewsService.name, () => {
  it('answers an interviewer off the panel as if the interview did not exist, and lets its scheduler in', async () => {
    const service = build();
    expect(await codeOf(service.detail('iv1', user('u2', 'interviewer')))).toBe('interview-not-found');
    expect(await codeOf(service.detail('nope', user('u2', 'interviewer')))).toBe('interview-not-found');
    expect(await codeOf(service.detail('iv1', user('u1', 'interviewer')))).toBe('resolved');
    expect(await codeOf(service.detail('iv1', user('u3', 'hr')))).toBe('resolved');
    const scheduler = build({ row: interview({ createdById: 'u2' }) });
    expect(await codeOf(scheduler.detail('iv1', user('u2', 'interviewer')))).toBe('resolved');
  });

  it("shows one's own note and only shared notes of people on the panel", async () => {
    const note = (userId: string, shared: boolean) =>
      ({
        interviewId: 'iv1',
        userId,
        body: userId,
        shared,
        updatedAt: new Date(),
        authorName: userId,
      }) as NoteWithAuthor;
    const service = build({ notes: [note('u1', false), note('gone', true), note('hr1', false)] });
    expect((await service.detail('iv1', user('u1', 'interviewer'))).notes.map((n) => n.authorId)).toEqual(['u1']);
    // Someone taken off the panel (or never on it) shares nothing, even with shared set.
    expect((await service.detail('iv1', user('hr1', 'hr'))).notes.map((n) => n.authorId)).toEqual(['hr1']);
  });

  it('refuses a new link when the room ended the interview between the read and the write', async () => {
    expect(await codeOf(build({ linkReplaced: false }).newLink('iv1', user('u1', 'interviewer')))).toBe(
      'interview-ended',
    );
    const made = await build().newLink('iv1', user('u1', 'interviewer'));
    expect(made.link).toMatch(/^https:\/\/rubricon\.test\/live\/[A-Za-z0-9_-]{43}$/);
    expect(made.interview.onPanel).toBe(true);
  });

  it("offers the newest assessment's questions still in the bank or composed from its duties first, then the rest by kind and id", async () => {
    const choices = await build().questionChoices('p1');
    expect(choices.map((c) => [c.id, c.inAssessment])).toEqual([
      ['coding.z', true],
      ['behavioral.a', true],
      ['behavioral.duty-0123456789', true],
      ['coding.a', false],
      ['case.m', false],
      ['scenario.b', false],
    ]);
  });
});
