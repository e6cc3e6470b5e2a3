import { HttpException } from '@nestjs/common';
import { loadQuestionBank, type LineDetail, type Question } from '@rubricon/generation';
import { join } from 'node:path';
import type { BankService } from '../bank/bank.service';
import { LruCache } from '../common/cache/lru-cache';
import type { PostingsService } from '../postings/postings.service';
import { AssessmentDraftsService } from './assessment-drafts.service';
import { AssessmentQuestionsService } from './assessment-questions.service';
import type { AssessmentQuestionEntity } from './assessment-question.entity';
import type { AssessmentEntity } from './assessment.entity';
import type { AssessmentChanges, AssessmentsRepository, NewAssessmentQuestion } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { fakeAudit } from '../audit/audit.testing';
import type { Delivery } from './delivery';

const bank = loadQuestionBank(join(__dirname, '../../../../question-banks'));
const rowOf = (q: Question) => `row:${q.id}`;
const byKind = (kind: Question['kind']) => bank.questions.filter((q) => q.kind === kind);

/** Assessments in memory; hands out copies, so only what the services write through it is kept. */
class FakeRepository {
  readonly stored = new Map<string, AssessmentEntity>();
  inTransaction = false;
  reads = 0;
  /** Runs once just before the next locked read: another edit landing in between. */
  beforeNextLock?: () => void;

  async transaction<T>(work: (tx: FakeRepository) => Promise<T>): Promise<T> {
    this.inTransaction = true;
    try {
      return await work(this);
    } finally {
      this.inTransaction = false;
    }
  }
  async findWithQuestions(id: string) {
    this.reads++;
    const a = this.stored.get(id);
    return a ? structuredClone(a) : null;
  }
  async findWithQuestionsForUpdate(id: string) {
    this.beforeNextLock?.();
    this.beforeNextLock = undefined;
    return this.findWithQuestions(id);
  }
  async update(id: string, changes: AssessmentChanges) {
    Object.assign(this.stored.get(id)!, changes);
  }
  async insertQuestion(q: NewAssessmentQuestion) {
    const row = { ...q, id: `aq:${q.questionId}` } as AssessmentQuestionEntity;
    this.stored.get(q.assessmentId)!.questions.push(row);
    return structuredClone(row);
  }
  async replaceQuestion(rowId: string, questionId: string, bankQuestionId: string) {
    for (const a of this.stored.values())
      for (const q of a.questions) if (q.id === rowId) Object.assign(q, { questionId, bankQuestionId });
  }
  async deleteQuestion(rowId: string) {
    for (const a of this.stored.values()) a.questions = a.questions.filter((q) => q.id !== rowId);
  }
}

/** The bank service over the real YAML bank; it refuses to be asked inside a transaction, as SQLite would. */
function fakeBank(repo: FakeRepository) {
  const byRow = new Map(bank.questions.map((q) => [rowOf(q), q]));
  const rows = Object.fromEntries(bank.questions.map((q) => [q.id, rowOf(q)]));
  return {
    snapshotCalls: [] as string[][],
    async current() {
      return { bank, rows };
    },
    async question(id: string) {
      return bank.questions.find((q) => q.id === id)!;
    },
    async competencyLabels() {
      return Object.fromEntries(bank.competencies.map((c) => [c.id, c.label]));
    },
    async snapshots(ids: string[]) {
      if (repo.inTransaction) throw new Error('The root Database was used inside a transaction');
      this.snapshotCalls.push(ids);
      return new Map(ids.map((id) => [id, byRow.get(id)!]));
    },
  };
}

function setUp() {
  const repo = new FakeRepository();
  const bankService = fakeBank(repo);
  const postings = { get: async () => ({ title: 'Backend engineer' }) } as unknown as PostingsService;
  const asRepo = repo as unknown as AssessmentsRepository;
  const asBank = bankService as unknown as BankService;
  const drafts = new AssessmentDraftsService(asRepo, asBank);
  const cache = new LruCache<Delivery>(10);
  const assessments = new AssessmentsService(asRepo, drafts, asBank, postings, cache, fakeAudit());
  const questions = new AssessmentQuestionsService(asRepo, drafts, assessments, asBank);
  const store = (picked: Question[], duties: LineDetail[] = []) => {
    const id = `a${repo.stored.size + 1}`;
    repo.stored.set(id, {
      id,
      postingId: 'p1',
      status: 'draft',
      lang: 'en',
      roleFamily: 'engineering',
      durationMinutes: 60,
      duties,
      coveragePercent: 0,
      seed: null,
      bankVersion: bank.version,
      createdAt: new Date(),
      publishedAt: null,
      questions: picked.map((q, position) => ({
        id: `aq:${q.id}`,
        assessmentId: id,
        kind: q.kind,
        position,
        questionId: q.id,
        bankQuestionId: rowOf(q),
      })),
    } as unknown as AssessmentEntity);
    return id;
  };
  return { repo, bankService, assessments, questions, store, cache };
}

/** The code and status of the ApiException `promise` rejects with. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpException)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return { status: error.getStatus(), ...(error.getResponse() as { code: string; message: string }) };
}

const dutyFor = (competency: string): LineDetail => ({
  text: `Works on ${competency}`,
  assessable: true,
  lowConfidence: false,
  competencies: [{ id: competency, score: 1, evidence: [] }],
});

describe(AssessmentsService.name, () => {
  const [first, second] = byKind('behavioral');

  it('publishes a draft once; publishing again is refused and keeps the first publication', async () => {
    const { repo, assessments, store } = setUp();
    const id = store([first, second]);
    const view = await assessments.publish(id);
    expect(view.status).toBe('published');
    const publishedAt = repo.stored.get(id)!.publishedAt;
    expect(publishedAt).toBeInstanceOf(Date);
    expect(await refusal(assessments.publish(id))).toMatchObject({ status: 409, code: 'assessment-published' });
    expect(repo.stored.get(id)!.publishedAt).toBe(publishedAt);
  });

  it('refuses every edit of a published assessment and changes nothing', async () => {
    const { repo, assessments, questions, store } = setUp();
    const id = store([first, second]);
    await assessments.publish(id);
    const before = structuredClone(repo.stored.get(id));
    const edits = [
      () => assessments.update(id, { durationMinutes: 90 }),
      () => questions.add(id, byKind('scenario')[0].id),
      () => questions.remove(id, first.id),
    ];
    for (const edit of edits)
      expect(await refusal(edit())).toEqual({
        status: 409,
        code: 'assessment-published',
        message: 'This assessment is published and can no longer change; generate a new draft instead.',
      });
    expect(repo.stored.get(id)).toEqual(before);
  });

  it('answers an unknown assessment with assessment-not-found, for reads and edits alike', async () => {
    const { assessments } = setUp();
    expect(await refusal(assessments.get('nope'))).toMatchObject({ status: 404, code: 'assessment-not-found' });
    expect(await refusal(assessments.update('nope', {}))).toMatchObject({ code: 'assessment-not-found' });
  });

  it('keeps the delivery of a published assessment in the cache, and reads a draft each time', async () => {
    const { repo, assessments, store, cache } = setUp();
    const draft = store([first]);
    const published = store([first, second]);
    await assessments.publish(published);
    await assessments.delivery(draft);
    const delivered = await assessments.delivery(published);
    const reads = repo.reads;
    expect(await assessments.delivery(published)).toBe(delivered);
    expect(repo.reads).toBe(reads);
    expect(delivered.questions.map((q) => q.id)).toEqual([first.id, second.id]);
    await assessments.delivery(draft);
    expect(repo.reads).toBe(reads + 1);
    expect([cache.get(published) === delivered, cache.get(draft)]).toEqual([true, undefined]);
  });

  it('reads the bank only outside the transaction, also for a question another edit added meanwhile', async () => {
    const { repo, bankService, assessments, store } = setUp();
    const other = bank.questions.find((q) => !q.competencies.some((c) => first.competencies.includes(c)))!;
    const id = store([first], [dutyFor(other.competencies[0])]);
    repo.beforeNextLock = () =>
      repo.stored.get(id)!.questions.push({
        ...repo.stored.get(id)!.questions[0],
        id: 'aq:x',
        questionId: other.id,
        bankQuestionId: rowOf(other),
      });
    await assessments.update(id, { durationMinutes: 45 });
    expect(bankService.snapshotCalls.slice(0, 2)).toEqual([[rowOf(first)], [rowOf(other)]]);
    expect(repo.stored.get(id)).toMatchObject({ durationMinutes: 45, coveragePercent: 100 });
  });
});

describe(AssessmentQuestionsService.name, () => {
  const [first, second, third] = byKind('behavioral');

  it('refuses to remove the last question and keeps it', async () => {
    const { repo, questions, store } = setUp();
    const id = store([first, second]);
    await questions.remove(id, second.id);
    expect(await refusal(questions.remove(id, first.id))).toEqual({
      status: 400,
      code: 'last-question',
      message: 'An assessment needs at least one question; add another before removing this one.',
    });
    expect(repo.stored.get(id)!.questions.map((q) => q.questionId)).toEqual([first.id]);
  });

  it('refuses a question it does not have, and one it has already', async () => {
    const { questions, store } = setUp();
    const id = store([first, second]);
    expect(await refusal(questions.remove(id, third.id))).toMatchObject({
      status: 404,
      code: 'question-not-in-assessment',
      message: `${third.id} is not in this assessment.`,
    });
    expect(await refusal(questions.add(id, second.id))).toMatchObject({
      status: 409,
      code: 'question-already-added',
      message: `${second.id} is already in this assessment.`,
    });
  });

  it('refuses a swap for a question that is not an alternative, and makes one that is', async () => {
    const { repo, questions, store } = setUp();
    // Alternatives must assess a duty line: give the posting one on the question's competency.
    const id = store([first, second], [dutyFor(first.competencies[0])]);
    const coding = byKind('coding')[0];
    expect(await refusal(questions.swap(id, first.id, coding.id))).toEqual({
      status: 400,
      code: 'swap-not-allowed',
      message: `${coding.id} cannot replace ${first.id}: it must be a behavioral question sharing a competency and not already used.`,
    });
    expect(repo.stored.get(id)!.questions.map((q) => q.questionId)).toEqual([first.id, second.id]);
    const [alternative] = await questions.alternatives(id, first.id);
    await questions.swap(id, first.id, alternative.id);
    expect(repo.stored.get(id)!.questions.map((q) => [q.position, q.questionId])).toEqual([
      [0, alternative.id],
      [1, second.id],
    ]);
  });

  it('offers no replacement that assesses none of the posting duty lines, and refuses a swap to one', async () => {
    const { repo, questions, store } = setUp();
    const sharing = byKind('behavioral').find(
      (q) => q.id !== first.id && q.id !== second.id && q.competencies.some((c) => first.competencies.includes(c)),
    )!;
    const id = store([first, second]);
    expect(await questions.alternatives(id, first.id)).toEqual([]);
    expect(await refusal(questions.swap(id, first.id, sharing.id))).toMatchObject({ code: 'swap-not-allowed' });
    const withDuty = store([first, second], [dutyFor(first.competencies[0])]);
    const offered = await questions.alternatives(withDuty, first.id);
    expect(offered.length).toBeGreaterThan(0);
    for (const a of offered) {
      expect(a.coversNoDuty).toBe(false);
      expect(a.duties).toEqual([expect.objectContaining({ index: 0, text: `Works on ${first.competencies[0]}` })]);
      expect(['direct', 'partial']).toContain(a.duties[0].strength);
    }
    expect(repo.stored.get(id)!.questions.map((q) => q.questionId)).toEqual([first.id, second.id]);
  });

  it('adds a question at the end with its current bank version and recomputes the coverage', async () => {
    const { repo, questions, store } = setUp();
    const other = bank.questions.find((q) => !q.competencies.some((c) => first.competencies.includes(c)))!;
    const id = store([first], [dutyFor(first.competencies[0]), dutyFor(other.competencies[0])]);
    await questions.add(id, other.id);
    expect(repo.stored.get(id)!.questions.at(-1)).toMatchObject({
      position: 1,
      questionId: other.id,
      bankQuestionId: rowOf(other),
      kind: other.kind,
    });
    expect(repo.stored.get(id)!.coveragePercent).toBe(100);
  });
});
