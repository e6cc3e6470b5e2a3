import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { isForeignKeyViolation } from '../common/foreign-key';
import { clipCodePoints } from '../common/validation';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ImportPostingsResponse, Page, PostingDetail, PostingLineKind, PostingSummary } from '@rubricon/contracts';
import { parsePostingsDocument, PostingParseError, type ParsedPosting } from '@rubricon/postings';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DocumentImportEntity } from './document-import.entity';
import { PostingLineEntity } from './posting-line.entity';
import { PostingEntity } from './posting.entity';
import { ImportPostingsDto, ListPostingsQuery, UpdatePostingDto } from './postings.dto';

export interface ImportSource {
  content: Buffer | string;
  filename?: string;
  source: DocumentImportEntity['source'];
  userId?: string;
}

@Injectable()
export class PostingsService {
  private readonly logger = new Logger(PostingsService.name);

  constructor(
    @InjectRepository(PostingEntity) private readonly postings: Repository<PostingEntity>,
    @InjectRepository(DocumentImportEntity) private readonly imports: Repository<DocumentImportEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ListPostingsQuery): Promise<Page<PostingSummary>> {
    const qb = this.postings.createQueryBuilder('p');
    const search = query.search?.trim();
    if (search) qb.where('p.title LIKE :pattern', { pattern: `%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    const [rows, total] = await qb
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.documentImportId', 'ASC')
      .addOrderBy('p.sourceIndex', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    const counts = await this.lineCounts(rows.map((r) => r.id));
    return { items: rows.map((r) => toSummary(r, counts.get(r.id))), total };
  }

  async get(id: string): Promise<PostingDetail> {
    const posting = await this.postings.findOne({ where: { id }, relations: { lines: true } });
    if (!posting) throw new NotFoundException('No such posting.');
    return toDetail(posting);
  }

  /** One import request: a multipart file, or pasted text. */
  importUploadOrText(
    file: { buffer: Buffer; originalname: string } | undefined,
    dto: ImportPostingsDto,
    userId: string,
  ): Promise<ImportPostingsResponse> {
    if (file)
      return this.import({
        content: file.buffer,
        filename: dto.filename ?? file.originalname,
        source: 'upload',
        userId,
      });
    if (dto.text !== undefined)
      return this.import({ content: dto.text, filename: dto.filename, source: 'paste', userId });
    throw new BadRequestException(
      'Send a posting document: a multipart upload in the field "file", or JSON { "text": "…" }.',
    );
  }

  /** Parses first, then saves the document and all its postings in one transaction, or nothing. */
  async import(input: ImportSource): Promise<ImportPostingsResponse> {
    let parsed;
    try {
      parsed = parsePostingsDocument({ content: input.content, filename: input.filename });
    } catch (error) {
      if (error instanceof PostingParseError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const record = await manager.save(
        manager.create(DocumentImportEntity, {
          filename: clipCodePoints(input.filename ?? 'pasted-text', 255),
          sha256: sha256(input.content),
          format: parsed.format,
          source: input.source,
          seedKey: input.source === 'seed' ? sha256(input.content) : null,
          postingCount: parsed.postings.length,
          importedById: input.userId ?? null,
        }),
      );
      const result: PostingEntity[] = [];
      for (const [index, posting] of parsed.postings.entries()) {
        result.push(await this.insertPosting(manager, posting, index, record.id));
      }
      return result;
    });
    this.logger.log(`Imported ${saved.length} posting(s) from ${input.filename ?? 'pasted text'} (${parsed.format})`);
    return { format: parsed.format, warnings: parsed.warnings, items: saved.map(toDetail) };
  }

  /** Imports each seed document once; a restart or a second instance finds the hash and skips it. */
  async importSeedOnce(filename: string, content: Buffer): Promise<number> {
    const seedKey = sha256(content);
    if (await this.imports.existsBy({ seedKey })) return 0;
    try {
      return (await this.import({ content, filename, source: 'seed' })).items.length;
    } catch (error) {
      if (await this.imports.existsBy({ seedKey })) return 0; // another instance won the race
      throw error;
    }
  }

  async update(id: string, dto: UpdatePostingDto): Promise<PostingDetail> {
    if (Object.keys(dto).length === 0) throw new BadRequestException('Nothing to change: send at least one field.');
    await this.dataSource.transaction(async (manager) => {
      const posting = await manager.findOneBy(PostingEntity, { id });
      if (!posting) throw new NotFoundException('No such posting.');
      if (dto.title !== undefined) posting.title = dto.title.trim();
      if (dto.department !== undefined) posting.department = dto.department.trim() || null;
      if (dto.location !== undefined) posting.location = dto.location.trim() || null;
      if (dto.headcount !== undefined) posting.headcount = dto.headcount;
      await manager.save(posting);
      if (dto.duties) await this.replaceLines(manager, id, 'duty', dto.duties);
      if (dto.requirements) await this.replaceLines(manager, id, 'requirement', dto.requirements);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    try {
      const result = await this.postings.delete({ id });
      if (!result.affected) throw new NotFoundException('No such posting.');
    } catch (error) {
      if (isForeignKeyViolation(error))
        throw new ConflictException(
          'This posting has assessments, and their candidates’ work depends on it; it cannot be deleted.',
        );
      throw error;
    }
  }

  private async insertPosting(
    manager: EntityManager,
    p: ParsedPosting,
    index: number,
    importId: string,
  ): Promise<PostingEntity> {
    const posting = await manager.save(
      manager.create(PostingEntity, {
        title: clipCodePoints(p.title, 200),
        department: p.department === undefined ? null : clipCodePoints(p.department, 200),
        location: p.location === undefined ? null : clipCodePoints(p.location, 200),
        headcount: p.headcount ?? null,
        sourceIndex: index,
        documentImportId: importId,
      }),
    );
    posting.lines = [
      ...lineEntities(manager, posting.id, 'duty', p.duties),
      ...lineEntities(manager, posting.id, 'requirement', p.requirements),
    ];
    await manager.save(posting.lines);
    return posting;
  }

  private async replaceLines(
    manager: EntityManager,
    postingId: string,
    kind: PostingLineKind,
    texts: string[],
  ): Promise<void> {
    await manager.delete(PostingLineEntity, { postingId, kind });
    await manager.save(
      lineEntities(
        manager,
        postingId,
        kind,
        texts.map((t) => t.trim()),
      ),
    );
  }

  private async lineCounts(ids: string[]): Promise<Map<string, Record<PostingLineKind, number>>> {
    const counts = new Map<string, Record<PostingLineKind, number>>();
    if (ids.length === 0) return counts;
    const rows: { postingId: string; kind: PostingLineKind; n: string | number }[] = await this.dataSource
      .getRepository(PostingLineEntity)
      .createQueryBuilder('l')
      .select('l.postingId', 'postingId')
      .addSelect('l.kind', 'kind')
      .addSelect('COUNT(*)', 'n')
      .where('l.postingId IN (:...ids)', { ids })
      .groupBy('l.postingId')
      .addGroupBy('l.kind')
      .getRawMany();
    for (const row of rows) {
      const entry = counts.get(row.postingId) ?? { duty: 0, requirement: 0 };
      entry[row.kind] = Number(row.n);
      counts.set(row.postingId, entry);
    }
    return counts;
  }
}

function lineEntities(
  manager: EntityManager,
  postingId: string,
  kind: PostingLineKind,
  texts: string[],
): PostingLineEntity[] {
  return texts.map((text, position) => manager.create(PostingLineEntity, { postingId, kind, position, text }));
}

function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

function basics(p: PostingEntity) {
  return {
    id: p.id,
    title: p.title,
    department: p.department,
    location: p.location,
    headcount: p.headcount,
    createdAt: p.createdAt.toISOString(),
  };
}

function toSummary(p: PostingEntity, counts?: Record<PostingLineKind, number>): PostingSummary {
  return { ...basics(p), dutyCount: counts?.duty ?? 0, requirementCount: counts?.requirement ?? 0 };
}

function toDetail(p: PostingEntity): PostingDetail {
  const lines = [...(p.lines ?? [])].sort((a, b) => a.position - b.position);
  return {
    ...basics(p),
    duties: lines.filter((l) => l.kind === 'duty').map((l) => l.text),
    requirements: lines.filter((l) => l.kind === 'requirement').map((l) => l.text),
    updatedAt: p.updatedAt.toISOString(),
  };
}
