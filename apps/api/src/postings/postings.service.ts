import { Injectable, Logger } from '@nestjs/common';
import type {
  ImportDuplicateMode,
  ImportedPostingReport,
  ImportPostingsResponse,
  Page,
  PostingDetail,
  PostingDuplicate,
  PostingLineGroup,
  PostingLineKind,
  PostingSummary,
} from '@rubricon/contracts';
import { parsePostingsDocument, PostingParseError, type ParsedPosting } from '@rubricon/postings';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { ApiException, refuse } from '../common/api-exception';
import { clipCodePoints } from '../common/validation';
import type { DocumentImportEntity } from './document-import.entity';
import type { PostingEntity } from './posting.entity';
import type { PostingLineEntity } from './posting-line.entity';
import { postingRefusal } from './posting-refusal';
import { postingContentHash } from './content-hash';
import { ImportPostingsDto, ListPostingsQuery, UpdatePostingDto } from './postings.dto';
import { PostingsRepository, type LineCounts, type NewLine, type NewPosting } from './postings.repository';
import { groupsFromLabels, groupsProblem, keptLabels, labelsFromGroups } from './line-groups';

export interface ImportSource {
  content: Buffer | string;
  filename?: string;
  source: DocumentImportEntity['source'];
  userId?: string;
  /** What to do with postings already stored; see ImportDuplicateMode. Seeds import everything. */
  duplicates?: ImportDuplicateMode;
}

@Injectable()
export class PostingsService {
  private readonly logger = new Logger(PostingsService.name);

  constructor(
    private readonly postings: PostingsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListPostingsQuery): Promise<Page<PostingSummary>> {
    const [rows, total] = await this.postings.page({
      titleContains: query.search?.trim() || undefined,
      offset: query.offset,
      limit: query.limit,
    });
    const counts = await this.postings.countLinesByPosting(rows.map((r) => r.id));
    return { items: rows.map((r) => toSummary(r, counts.get(r.id))), total };
  }

  async get(id: string): Promise<PostingDetail> {
    const posting = await this.postings.findDetail(id);
    if (!posting) throw new ApiException('posting-not-found');
    return toDetail(posting);
  }

  /** One import request: a multipart file, or pasted text. */
  async importUploadOrText(
    file: { buffer: Buffer; originalname: string } | undefined,
    dto: ImportPostingsDto,
    userId: string,
    duplicates: ImportDuplicateMode = 'report',
  ): Promise<ImportPostingsResponse> {
    if (file)
      return this.import({
        content: file.buffer,
        filename: dto.filename ?? file.originalname,
        source: 'upload',
        userId,
        duplicates,
      });
    if (dto.text !== undefined)
      return this.import({ content: dto.text, filename: dto.filename, source: 'paste', userId, duplicates });
    throw new ApiException('import-missing');
  }

  /** Parses first, then saves the document and all its postings in one transaction, or nothing. */
  async import(input: ImportSource): Promise<ImportPostingsResponse> {
    let parsed;
    try {
      parsed = parsePostingsDocument({ content: input.content, filename: input.filename });
    } catch (error) {
      if (error instanceof PostingParseError) throw postingRefusal(error);
      throw error;
    }
    const hash = sha256(input.content);
    const drafts = parsed.postings.map((posting, index) => ({ index, posting, row: newPosting(posting, index) }));
    const duplicates = await this.duplicatesOf(drafts.map((d) => d.row));
    const mode = input.duplicates ?? 'import';
    // What the person sees either way: every posting of the document, with the id of those saved.
    const answer = (saved: Map<number, PostingEntity>, awaitingChoice: boolean): ImportPostingsResponse => ({
      format: parsed.format,
      warnings: parsed.warnings,
      postings: drafts.map((d) => importedReport(d.index, d.row.title, d.posting, saved.get(d.index)?.id)),
      items: [...saved.values()].map(toDetail),
      duplicates,
      awaitingChoice,
    });
    if (mode === 'report' && duplicates.length > 0) return answer(new Map(), true);
    const skipped = new Set(mode === 'skip' ? duplicates.map((d) => d.index) : []);
    const toSave = drafts.filter((d) => !skipped.has(d.index));
    if (toSave.length === 0) return answer(new Map(), false);
    const saved = await this.postings.transaction(async (tx) => {
      const record = await tx.insertDocumentImport({
        filename: clipCodePoints(input.filename ?? 'pasted-text', 255),
        sha256: hash,
        format: parsed.format,
        source: input.source,
        seedKey: input.source === 'seed' ? hash : null,
        postingCount: toSave.length,
        importedById: input.userId ?? null,
      });
      const result = new Map<number, PostingEntity>();
      for (const { index, posting, row } of toSave) {
        const groups = posting.groups ?? [];
        const entity = await tx.insertWithLines(
          { ...row, documentImportId: record.id },
          labelled(posting.duties, labelsFromGroups(posting.duties.length, 'duty', groups)),
          labelled(posting.requirements, labelsFromGroups(posting.requirements.length, 'requirement', groups)),
        );
        result.set(index, entity);
      }
      return result;
    });
    this.logger.log(`Imported ${saved.size} posting(s) from ${input.filename ?? 'pasted text'} (${parsed.format})`);
    return answer(saved, false);
  }

  /** The new postings whose content is already stored, with the stored ones, in document order. */
  private async duplicatesOf(rows: NewPosting[]): Promise<PostingDuplicate[]> {
    await this.hashOlderPostings();
    const stored = await this.postings.withContentHashes(rows.map((r) => r.contentHash!));
    return rows.flatMap((row, index) => {
      const existing = stored.filter((s) => s.contentHash === row.contentHash).map(({ id, title }) => ({ id, title }));
      return existing.length > 0 ? [{ index, title: row.title, existing }] : [];
    });
  }

  /** Postings saved before content hashes existed get theirs the first time an import compares. */
  private async hashOlderPostings(): Promise<void> {
    for (const posting of await this.postings.withoutContentHash()) {
      const { title, duties, requirements } = toDetail(posting);
      await this.postings.setContentHash(posting.id, postingContentHash({ title, duties, requirements }));
    }
  }

  /** Imports each seed document once; a restart or a second instance finds the hash and skips it. */
  async importSeedOnce(filename: string, content: Buffer): Promise<number> {
    const seedKey = sha256(content);
    if (await this.postings.seedImported(seedKey)) return 0;
    try {
      return (await this.import({ content, filename, source: 'seed' })).items.length;
    } catch (error) {
      if (await this.postings.seedImported(seedKey)) return 0; // another instance won the race
      throw error;
    }
  }

  async update(id: string, dto: UpdatePostingDto): Promise<PostingDetail> {
    // Transforms (Trim) leave absent fields as undefined keys: only fields sent count.
    if (Object.values(dto).every((value) => value === undefined)) throw new ApiException('nothing-to-change');
    await this.postings.transaction(async (tx) => {
      const posting = await tx.findById(id);
      if (!posting) throw new ApiException('posting-not-found');
      const before = (await tx.findDetail(id))!;
      const stored = { duty: linesOf(before, 'duty'), requirement: linesOf(before, 'requirement') };
      const sent = {
        duty: dto.duties && trimmed(dto.duties),
        requirement: dto.requirements && trimmed(dto.requirements),
      };
      if (dto.groups) {
        const lengths = {
          duty: (sent.duty ?? stored.duty).length,
          requirement: (sent.requirement ?? stored.requirement).length,
        };
        const problem = groupsProblem(dto.groups, lengths);
        if (problem) throw refuse('invalid-request', problem);
      }
      if (dto.title !== undefined) posting.title = dto.title.trim();
      if (dto.department !== undefined) posting.department = dto.department.trim() || null;
      if (dto.location !== undefined) posting.location = dto.location.trim() || null;
      if (dto.headcount !== undefined) posting.headcount = dto.headcount;
      await tx.saveFields(posting);
      for (const kind of LINE_KINDS) await this.relabel(tx, id, kind, stored[kind], sent[kind], dto.groups);
      // An edited posting is compared with imports by what it now says.
      const { title, duties, requirements } = toDetail((await tx.findDetail(id))!);
      await tx.setContentHash(id, postingContentHash({ title, duties, requirements }));
    });
    return this.get(id);
  }

  /**
   * Stores one list after an edit: the lines sent replace the stored ones; their labels come from
   * `groups` when sent, else each keeps the label its text had. Groups alone relabel the stored lines.
   */
  private async relabel(
    tx: PostingsRepository,
    id: string,
    kind: PostingLineKind,
    stored: PostingLineEntity[],
    sent: string[] | undefined,
    groups: PostingLineGroup[] | undefined,
  ): Promise<void> {
    if (sent) {
      const labels = groups ? labelsFromGroups(sent.length, kind, groups) : keptLabels(stored, sent);
      await tx.replaceLines(id, kind, labelled(sent, labels));
    } else if (groups) await tx.setGroupLabels(id, kind, labelsFromGroups(stored.length, kind, groups));
  }

  async remove(id: string): Promise<void> {
    const outcome = await this.postings.transaction(async (tx) => {
      const posting = await tx.findById(id);
      if (!posting) return 'missing';
      const outcome = await tx.deleteById(id);
      if (outcome === 'deleted')
        await this.audit.record(
          {
            action: 'posting.delete',
            target: { type: 'posting', id },
            changes: { title: posting.title, department: posting.department, location: posting.location },
          },
          tx.database,
        );
      return outcome;
    });
    if (outcome === 'missing') throw new ApiException('posting-not-found');
    if (outcome === 'in-use') throw new ApiException('posting-in-use');
  }
}

/** The row of a parsed posting, its content hash over what is stored (the title clipped as stored). */
function newPosting(p: ParsedPosting, index: number): NewPosting {
  const title = clipCodePoints(p.title, 200);
  return {
    title,
    department: p.department === undefined ? null : clipCodePoints(p.department, 200),
    location: p.location === undefined ? null : clipCodePoints(p.location, 200),
    headcount: p.headcount ?? null,
    sourceIndex: index,
    documentImportId: null,
    contentHash: postingContentHash({ title, duties: p.duties, requirements: p.requirements }),
  };
}

const LINE_KINDS: PostingLineKind[] = ['duty', 'requirement'];

/** What the import read for one posting of the document, and its id once saved. */
function importedReport(index: number, title: string, p: ParsedPosting, id: string | undefined): ImportedPostingReport {
  const groups = p.groups ?? [];
  return {
    index,
    title,
    dutyCount: p.duties.length,
    requirementCount: p.requirements.length,
    duties: p.duties,
    requirements: p.requirements,
    // As stored: labels clipped to their column, runs of one label as one group.
    groups: LINE_KINDS.flatMap((kind) =>
      groupsFromLabels(kind, labelsFromGroups(kind === 'duty' ? p.duties.length : p.requirements.length, kind, groups)),
    ),
    ...(id === undefined ? {} : { id }),
  };
}

function labelled(texts: string[], labels: (string | null)[]): NewLine[] {
  return texts.map((text, i) => ({ text, groupLabel: labels[i] ?? null }));
}

/** The posting's lines of one kind, in order. */
function linesOf(p: PostingEntity, kind: PostingLineKind): PostingLineEntity[] {
  return (p.lines ?? []).filter((l) => l.kind === kind).sort((a, b) => a.position - b.position);
}

function trimmed(texts: string[]): string[] {
  return texts.map((t) => t.trim());
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

function toSummary(p: PostingEntity, counts?: LineCounts): PostingSummary {
  return { ...basics(p), dutyCount: counts?.duty ?? 0, requirementCount: counts?.requirement ?? 0 };
}

function toDetail(p: PostingEntity): PostingDetail {
  const duties = linesOf(p, 'duty');
  const requirements = linesOf(p, 'requirement');
  return {
    ...basics(p),
    duties: duties.map((l) => l.text),
    requirements: requirements.map((l) => l.text),
    groups: [
      ...groupsFromLabels(
        'duty',
        duties.map((l) => l.groupLabel),
      ),
      ...groupsFromLabels(
        'requirement',
        requirements.map((l) => l.groupLabel),
      ),
    ],
    updatedAt: p.updatedAt.toISOString(),
  };
}
