import { ApiException } from '../common/api-exception';
import type { PostingLineEntity } from './posting-line.entity';
import type { PostingEntity } from './posting.entity';
import type { NewLine, PostingsRepository } from './postings.repository';
import { PostingsService } from './postings.service';
import { fakeAudit } from '../audit/audit.testing';

/** One stored posting; records what the service writes, and answers deletes as it is told. */
class FakePostings {
  posting: PostingEntity | null = null;
  writes: string[] = [];
  deleteOutcome: 'deleted' | 'missing' | 'in-use' = 'deleted';

  async transaction<T>(work: (tx: FakePostings) => Promise<T>): Promise<T> {
    return work(this);
  }
  async findById(id: string) {
    return this.posting?.id === id ? { ...this.posting, lines: [] } : null;
  }
  async findDetail(id: string) {
    return this.posting?.id === id ? this.posting : null;
  }
  async saveFields(posting: PostingEntity) {
    this.writes.push('fields');
    this.posting = { ...this.posting!, ...posting, lines: this.posting!.lines };
  }
  async replaceLines(postingId: string, kind: PostingLineEntity['kind'], texts: NewLine[]) {
    this.writes.push(kind);
    const kept = this.posting!.lines.filter((l) => l.kind !== kind);
    const fresh = texts.map((line, position) => ({ id: `${kind}-${position}`, postingId, kind, position, ...line }));
    this.posting!.lines = [...kept, ...(fresh as PostingLineEntity[])];
  }
  async setGroupLabels(_postingId: string, kind: PostingLineEntity['kind'], labels: (string | null)[]) {
    this.writes.push(`${kind} labels`);
    for (const line of this.posting!.lines) if (line.kind === kind) line.groupLabel = labels[line.position];
  }
  async deleteById() {
    return this.deleteOutcome;
  }
  async setContentHash(id: string, contentHash: string) {
    this.writes.push('hash');
    this.posting = { ...this.posting!, contentHash };
  }
}

const stored = (): PostingEntity =>
  ({
    id: 'p1',
    title: 'Backend engineer',
    department: 'Platform',
    location: null,
    headcount: 1,
    sourceIndex: 0,
    documentImportId: null,
    lines: [{ id: 'l1', postingId: 'p1', kind: 'duty', position: 0, text: 'Build APIs', groupLabel: 'Backend' }],
    createdAt: new Date('2030-01-01T00:00:00Z'),
    updatedAt: new Date('2030-01-01T00:00:00Z'),
  }) as PostingEntity;

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'done',
    (e: unknown) => (e instanceof ApiException ? { code: e.code, status: e.getStatus() } : e),
  );

describe(PostingsService.name, () => {
  let postings: FakePostings;
  let service: PostingsService;

  beforeEach(() => {
    postings = new FakePostings();
    postings.posting = stored();
    service = new PostingsService(postings as unknown as PostingsRepository, fakeAudit());
  });

  it('refuses an update that changes nothing, before touching the database', async () => {
    expect(await refusal(service.update('p1', {}))).toEqual({ code: 'nothing-to-change', status: 400 });
    expect(postings.writes).toEqual([]);
  });

  it('answers 404 posting-not-found when updating, reading or deleting a posting that is not there', async () => {
    const notFound = { code: 'posting-not-found', status: 404 };
    expect(await refusal(service.update('p2', { title: 'x' }))).toEqual(notFound);
    expect(await refusal(service.get('p2'))).toEqual(notFound);
    postings.deleteOutcome = 'missing';
    expect(await refusal(service.remove('p2'))).toEqual(notFound);
    expect(postings.writes).toEqual([]);
  });

  it('refuses to delete a posting that assessments use with 409 posting-in-use', async () => {
    postings.deleteOutcome = 'in-use';
    expect(await refusal(service.remove('p1'))).toEqual({ code: 'posting-in-use', status: 409 });
  });

  it('deletes a posting nothing uses', async () => {
    expect(await refusal(service.remove('p1'))).toBe('done');
  });

  it('trims fields, empties blank ones and replaces only the lines sent', async () => {
    const detail = await service.update('p1', { title: '  Staff engineer ', department: '  ', requirements: [' Go '] });
    expect(detail).toMatchObject({
      title: 'Staff engineer',
      department: null,
      duties: ['Build APIs'],
      requirements: ['Go'],
    });
    expect(postings.writes).toEqual(['fields', 'requirement', 'hash']);
    expect(detail.groups).toEqual([{ kind: 'duty', label: 'Backend', start: 0, count: 1 }]);
  });

  it('relabels the stored lines in place when only groups are sent, and refuses groups past the lines', async () => {
    const detail = await service.update('p1', { groups: [{ kind: 'duty', label: 'APIs', start: 0, count: 1 }] });
    expect(detail.groups).toEqual([{ kind: 'duty', label: 'APIs', start: 0, count: 1 }]);
    expect(postings.writes).toEqual(['fields', 'duty labels', 'requirement labels', 'hash']);
    postings.writes = [];
    const tooFar = service.update('p1', { groups: [{ kind: 'requirement', label: 'x', start: 0, count: 1 }] });
    expect(await refusal(tooFar)).toEqual({ code: 'invalid-request', status: 400 });
    expect(postings.writes).toEqual([]);
  });

  it('refuses an import without a file or text, and an unreadable document with 422', async () => {
    expect(await refusal(service.importUploadOrText(undefined, {}, 'u1'))).toEqual({
      code: 'import-missing',
      status: 400,
    });
    expect(await refusal(service.importUploadOrText(undefined, { text: '   ' }, 'u1'))).toEqual({
      code: 'import-empty',
      status: 422,
    });
  });
});
