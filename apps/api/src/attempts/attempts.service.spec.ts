import { fakeAudit } from '../audit/audit.testing';
import type { JwtService } from '@nestjs/jwt';
import type { Question } from '@rubricon/generation';
import type { AssessmentsService } from '../assessments/assessments.service';
import type { Delivery } from '../assessments/delivery';
import { ApiException } from '../common/api-exception';
import { InMemoryAttemptEvents, type AttemptStateChange } from '../common/attempt-events';
import { LruCache } from '../common/cache/lru-cache';
import { InMemoryRateLimits } from '../common/rate-limits';
import type { IntegrityService } from '../integrity/integrity.service';
import type { AnswerEntity } from './answer.entity';
import type { AttemptEntity } from './attempt.entity';
import type { AnswerWrite, AttemptsRepository } from './attempts.repository';
import { AttemptsService } from './attempts.service';
import { CandidateTokens } from './candidate-tokens.service';

const MINUTE = 60_000;
const text = { id: 'case.a', kind: 'case', title: 'A', prompt: 'p', minutes: 10 } as unknown as Question;
const coding = { id: 'coding.b', kind: 'coding', title: 'B', prompt: 'p', minutes: 20 } as unknown as Question;
const delivery: Delivery = {
  id: 'as1',
  status: 'published',
  title: 'T',
  lang: 'en',
  durationMinutes: 60,
  questions: [text, coding],
};

const LINK_HASH = 'ab'.repeat(32);
/** The page's session: generation 1 of the link hashed to LINK_HASH. */
const live = { attemptId: 'at1', generation: 1, link: LINK_HASH.slice(0, 16) };

/** A repository kept in memory, with the rules of the real one's conditional statements. */
class FakeAttempts {
  attempt = {
    id: 'at1',
    assessmentId: 'as1',
    invitationId: 'in1',
    status: 'in_progress',
    deadline: new Date(Date.now() + 30 * MINUTE),
    invitation: { expiresAt: new Date(Date.now() + 7 * 24 * 60 * MINUTE), revokedAt: null, usedAt: null },
    candidate: { name: 'Ada' },
  } as unknown as AttemptEntity;
  answers = new Map<string, AnswerEntity>();
  /** The invitation's session generation: only a session of this generation writes. */
  generation = 1;
  writes = 0;
  submitted: string[] = [];

  async findFull(id: string) {
    return id === this.attempt.id ? this.attempt : null;
  }
  async assessmentIdOf(id: string) {
    return id === this.attempt.id ? this.attempt.assessmentId : null;
  }
  async answer(_attemptId: string, questionId: string) {
    return this.answers.get(questionId) ?? null;
  }
  async session() {
    return { generation: this.generation, revoked: false, tokenHash: LINK_HASH };
  }
  async writeAnswer(a: AnswerWrite): Promise<boolean> {
    this.writes++;
    const open =
      this.attempt.status === 'in_progress' && this.attempt.deadline! > a.savedAt && a.generation === this.generation;
    const current = this.answers.get(a.questionId);
    if (!open || (current?.version ?? 0) !== a.version - 1) return false;
    this.answers.set(a.questionId, { ...a } as unknown as AnswerEntity);
    return true;
  }
  async transaction<T>(work: (tx: this) => Promise<T>): Promise<T> {
    return work(this);
  }
  readonly database = null;
  async submit(id: string, by: 'candidate' | 'deadline', now: Date) {
    if (this.attempt.status !== 'in_progress') return false;
    if (by === 'candidate' && this.attempt.deadline! <= now) return false;
    if (by === 'deadline' && this.attempt.deadline! > now) return false;
    this.attempt.status = 'submitted';
    this.submitted.push(`${id}:${by}`);
    return true;
  }
}

function build(repo = new FakeAttempts()) {
  const events = new InMemoryAttemptEvents();
  const published: AttemptStateChange[] = [];
  events.subscribe((c) => published.push(c));
  const assessments = { delivery: async () => delivery } as unknown as AssessmentsService;
  const tokens = new CandidateTokens({} as JwtService, repo as unknown as AttemptsRepository);
  const integrity = {} as IntegrityService;
  const service = new AttemptsService(
    repo as unknown as AttemptsRepository,
    assessments,
    tokens,
    events,
    new LruCache<string>(10),
    integrity,
    new InMemoryRateLimits(),
    fakeAudit(),
  );
  return { service, repo, published };
}

const save = (over: Partial<{ questionId: string; content: string; version: number; language: 'javascript' }>) => ({
  attemptId: 'at1',
  questionId: text.id,
  content: 'hello',
  version: 1,
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(error)}`);
  return error.code;
}

describe(AttemptsService.name, () => {
  it('saves versions one after another, with one repository write per save', async () => {
    const { service, repo } = build();
    await service.saveAnswer(live, save({ version: 1 }));
    const ack = await service.saveAnswer(live, save({ content: 'hello again', version: 2 }));
    expect(ack.version).toBe(2);
    expect(repo.answers.get(text.id)?.content).toBe('hello again');
    expect(repo.writes).toBe(2);
  });

  it('acknowledges again a save whose acknowledgement was lost, and refuses a stale or skipping one', async () => {
    const { service } = build();
    const first = await service.saveAnswer(live, save({ version: 1 }));
    expect(await service.saveAnswer(live, save({ version: 1 }))).toEqual(first);
    expect(await refusal(service.saveAnswer(live, save({ content: 'other tab', version: 1 })))).toBe('stale-version');
    expect(await refusal(service.saveAnswer(live, save({ version: 3 })))).toBe('version-skipped');
  });

  it('says why a save was refused: not started, submitted, or after the deadline', async () => {
    const { service, repo } = build();
    repo.attempt.status = 'invited';
    expect(await refusal(service.saveAnswer(live, save({})))).toBe('not-started');
    repo.attempt.status = 'submitted';
    expect(await refusal(service.saveAnswer(live, save({})))).toBe('already-submitted');
    repo.attempt.status = 'in_progress';
    repo.attempt.deadline = new Date(Date.now() - 1);
    expect(await refusal(service.saveAnswer(live, save({})))).toBe('time-up');
    expect(repo.answers.size).toBe(0);
  });

  it('refuses a save from a session that a newer opening of the link replaced, and says so', async () => {
    const { service, repo } = build();
    await service.saveAnswer(live, save({ version: 1 }));
    repo.generation = 2;
    expect(await refusal(service.saveAnswer(live, save({ content: 'older window', version: 2 })))).toBe(
      'session-replaced',
    );
    expect(await refusal(service.saveAnswer({ ...live, link: 'another-link' }, save({ version: 2 })))).toBe(
      'session-ended',
    );
    expect(repo.answers.get(text.id)?.content).toBe('hello');
  });

  it('refuses before writing: another attempt, an unknown question, a coding answer without its language, too many bytes', async () => {
    const { service, repo } = build();
    expect(await refusal(service.saveAnswer(live, { ...save({}), attemptId: 'other' }))).toBe('wrong-attempt');
    expect(await refusal(service.saveAnswer(live, save({ questionId: 'nope' })))).toBe('question-unknown');
    expect(await refusal(service.saveAnswer(live, save({ questionId: coding.id })))).toBe('language-required');
    // 20,001 Chinese characters are 60,003 bytes in UTF-8: over the limit though under it in characters.
    expect(await refusal(service.saveAnswer(live, save({ content: '答'.repeat(20_001) })))).toBe('answer-too-long');
    expect(repo.writes).toBe(0);
  });

  it('refuses saves past the per-attempt budget', async () => {
    const { service } = build();
    const results = await Promise.allSettled(
      Array.from({ length: 70 }, (_, i) => service.saveAnswer(live, save({ version: i + 1 }))),
    );
    const refused = results.filter(
      (r) => r.status === 'rejected' && (r.reason as ApiException).code === 'too-many-saves',
    );
    expect(refused.length).toBeGreaterThanOrEqual(9);
  });

  it('submits once and tells listeners; a candidate after the deadline gets time-up and the server submits', async () => {
    const { service, repo, published } = build();
    repo.attempt.deadline = new Date(Date.now() - 1);
    expect(await refusal(service.submitByCandidate('at1'))).toBe('time-up');
    expect(repo.submitted).toEqual(['at1:deadline']);
    expect(await service.submit('at1', 'deadline')).toBe(false);
    expect(published.map((c) => c.status)).toEqual(['submitted']);
  });

  it('lets code run and signals be recorded only while the attempt is open, and only for its own coding questions', async () => {
    const { service, repo } = build();
    expect((await service.runnableQuestion('at1', coding.id)).id).toBe(coding.id);
    expect(await refusal(service.runnableQuestion('at1', text.id))).toBe('question-unknown');
    repo.attempt.deadline = new Date(Date.now() - 1);
    expect(await refusal(service.openAttempt('at1'))).toBe('time-up');
    repo.attempt.status = 'submitted';
    expect(await refusal(service.openAttempt('at1'))).toBe('not-in-progress');
  });

  it('asks the page to save again later when a save finds nothing in its way yet twice does not land', async () => {
    const repo = new FakeAttempts();
    repo.writeAnswer = async () => (repo.writes++, false);
    const { service } = build(repo);
    expect(await refusal(service.saveAnswer(live, save({ version: 1 })))).toBe('too-many-saves');
    expect(repo.writes).toBe(2);
  });
});
