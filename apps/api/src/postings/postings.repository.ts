import { Injectable } from '@nestjs/common';
import type { PostingLineKind } from '@rubricon/contracts';
import { IsNull } from 'typeorm';
import { Database } from '../database/database';
import { isForeignKeyViolation } from '../database/driver-errors';
import { DocumentImportEntity } from './document-import.entity';
import { PostingLineEntity } from './posting-line.entity';
import { PostingEntity } from './posting.entity';
import { containsPattern, likeParam } from '../database/like';

export type NewDocumentImport = Omit<DocumentImportEntity, 'id' | 'createdAt'>;
export type NewPosting = Pick<
  PostingEntity,
  'title' | 'department' | 'location' | 'headcount' | 'sourceIndex' | 'documentImportId' | 'contentHash'
>;
export type LineCounts = Record<PostingLineKind, number>;
/** A line to store: its text and the sub-heading it sits under (null for none). */
export type NewLine = Pick<PostingLineEntity, 'text' | 'groupLabel'>;

@Injectable()
export class PostingsRepository {
  constructor(private readonly db: Database) {}

  /** All of `work` commits or none of it; `work` gets this repository bound to the transaction. */
  transaction<T>(work: (tx: PostingsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new PostingsRepository(db)));
  }

  /** The Database this repository works through (in a transaction, the transaction's): for the audit log to join it. */
  get database(): Database {
    return this.db;
  }

  /** Newest first, then in document order; `titleContains` matches literally (no LIKE wildcards). */
  page(query: { titleContains?: string; offset: number; limit: number }): Promise<[PostingEntity[], number]> {
    return this.db.run((m) => {
      const qb = m.createQueryBuilder(PostingEntity, 'p');
      if (query.titleContains)
        qb.where(`p.title ${likeParam('pattern')}`, { pattern: containsPattern(query.titleContains) });
      return qb
        .orderBy('p.createdAt', 'DESC')
        .addOrderBy('p.documentImportId', 'ASC')
        .addOrderBy('p.sourceIndex', 'ASC')
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
    });
  }

  /** Duty and requirement counts per posting; postings without lines are absent. */
  async countLinesByPosting(ids: string[]): Promise<Map<string, LineCounts>> {
    const counts = new Map<string, LineCounts>();
    if (ids.length === 0) return counts;
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(PostingLineEntity, 'l')
        .select('l.postingId', 'postingId')
        .addSelect('l.kind', 'kind')
        .addSelect('COUNT(*)', 'n')
        .where('l.postingId IN (:...ids)', { ids })
        .groupBy('l.postingId')
        .addGroupBy('l.kind')
        .getRawMany<{ postingId: string; kind: PostingLineKind; n: string | number }>(),
    );
    for (const row of rows) {
      const entry = counts.get(row.postingId) ?? { duty: 0, requirement: 0 };
      entry[row.kind] = Number(row.n);
      counts.set(row.postingId, entry);
    }
    return counts;
  }

  /** The posting with its lines (in no particular order). */
  findDetail(id: string): Promise<PostingEntity | null> {
    return this.db.run((m) => m.findOne(PostingEntity, { where: { id }, relations: { lines: true } }));
  }

  findById(id: string): Promise<PostingEntity | null> {
    return this.db.run((m) => m.findOneBy(PostingEntity, { id }));
  }

  /** Stored postings with any of these content hashes, oldest first. */
  async withContentHashes(hashes: string[]): Promise<Pick<PostingEntity, 'id' | 'title' | 'contentHash'>[]> {
    if (hashes.length === 0) return [];
    return this.db.run((m) =>
      m
        .createQueryBuilder(PostingEntity, 'p')
        .select(['p.id', 'p.title', 'p.contentHash'])
        .where('p.contentHash IN (:...hashes)', { hashes: [...new Set(hashes)] })
        .orderBy('p.createdAt', 'ASC')
        .addOrderBy('p.sourceIndex', 'ASC')
        .getMany(),
    );
  }

  /** Postings stored before content hashes existed, with their lines. */
  withoutContentHash(): Promise<PostingEntity[]> {
    return this.db.run((m) => m.find(PostingEntity, { where: { contentHash: IsNull() }, relations: { lines: true } }));
  }

  async setContentHash(id: string, contentHash: string): Promise<void> {
    await this.db.run((m) => m.update(PostingEntity, { id }, { contentHash }));
  }

  seedImported(seedKey: string): Promise<boolean> {
    return this.db.run((m) => m.existsBy(DocumentImportEntity, { seedKey }));
  }

  insertDocumentImport(record: NewDocumentImport): Promise<DocumentImportEntity> {
    return this.db.run((m) => m.save(m.create(DocumentImportEntity, record)));
  }

  /** The posting and its lines, numbered in the order given, each with its group label (or null). */
  insertWithLines(posting: NewPosting, duties: NewLine[], requirements: NewLine[]): Promise<PostingEntity> {
    return this.db.run(async (m) => {
      const saved = await m.save(m.create(PostingEntity, posting));
      saved.lines = [...lines(saved.id, 'duty', duties), ...lines(saved.id, 'requirement', requirements)].map((l) =>
        m.create(PostingLineEntity, l),
      );
      await m.save(saved.lines);
      return saved;
    });
  }

  /** Saves the posting's own fields (not its lines). */
  async saveFields(posting: PostingEntity): Promise<void> {
    await this.db.run((m) => m.save(PostingEntity, posting));
  }

  /** Replaces every line of one kind by `texts`, numbered in the order given. */
  async replaceLines(postingId: string, kind: PostingLineKind, texts: NewLine[]): Promise<void> {
    await this.db.run(async (m) => {
      await m.delete(PostingLineEntity, { postingId, kind });
      await m.save(lines(postingId, kind, texts).map((l) => m.create(PostingLineEntity, l)));
    });
  }

  /** Relabels the lines of one kind in place (`labels[i]` for position i), so their ids stay. */
  async setGroupLabels(postingId: string, kind: PostingLineKind, labels: (string | null)[]): Promise<void> {
    await this.db.run(async (m) => {
      for (const [position, groupLabel] of labels.entries())
        await m.update(PostingLineEntity, { postingId, kind, position }, { groupLabel });
    });
  }

  /** 'in-use' when assessments still point at the posting (their foreign key refuses the delete). */
  async deleteById(id: string): Promise<'deleted' | 'missing' | 'in-use'> {
    try {
      const result = await this.db.run((m) => m.delete(PostingEntity, { id }));
      return result.affected ? 'deleted' : 'missing';
    } catch (error) {
      if (isForeignKeyViolation(error)) return 'in-use';
      throw error;
    }
  }
}

function lines(postingId: string, kind: PostingLineKind, texts: NewLine[]) {
  return texts.map(({ text, groupLabel }, position) => ({ postingId, kind, position, text, groupLabel }));
}
