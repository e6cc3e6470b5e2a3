import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  POSTING_WARNING_CODES,
  type ImportedPostingReport,
  type ImportPostingsResponse,
  type ImportWarning,
  type Page,
  type PostingDetail,
  type PostingDuplicate,
  type PostingLineGroup,
  type PostingLineKind,
  type PostingSummary,
  type PostingWarningCode,
} from '@rubricon/contracts';

export class PostingSummaryDto implements PostingSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: Number, nullable: true })
  headcount: number | null;

  @ApiProperty()
  dutyCount: number;

  @ApiProperty()
  requirementCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class PostingLineGroupResponseDto implements PostingLineGroup {
  @ApiProperty({ enum: ['duty', 'requirement'], description: 'Whether `start` indexes duties or requirements.' })
  kind: PostingLineKind;

  @ApiProperty({ description: 'The sub-heading the lines were found under; never a line itself.' })
  label: string;

  @ApiProperty({ description: 'The first line of the group, from 0.' })
  start: number;

  @ApiProperty({ description: 'How many lines the group runs for.' })
  count: number;
}

export class PostingDetailDto
  extends OmitType(PostingSummaryDto, ['dutyCount', 'requirementCount'] as const)
  implements PostingDetail
{
  @ApiProperty({ type: [String] })
  duties: string[];

  @ApiProperty({ type: [String] })
  requirements: string[];

  @ApiProperty({
    type: [PostingLineGroupResponseDto],
    description: 'The sub-headings over the lines, in order; empty when the lists have none.',
  })
  groups: PostingLineGroupResponseDto[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PostingPageDto implements Page<PostingSummary> {
  @ApiProperty({ type: [PostingSummaryDto] })
  items: PostingSummaryDto[];

  @ApiProperty({ description: 'All postings that match, beyond this page.' })
  total: number;
}

class ExistingPostingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;
}

class PostingDuplicateDto implements PostingDuplicate {
  @ApiProperty({ description: 'Position of the posting in the document, from 0.' })
  index: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [ExistingPostingDto], description: 'Stored postings with the same content, oldest first.' })
  existing: ExistingPostingDto[];
}

class ImportWarningDto implements ImportWarning {
  @ApiProperty({
    enum: POSTING_WARNING_CODES,
    enumName: 'PostingWarningCode',
    description: 'Stable: what clients word.',
  })
  code: PostingWarningCode;

  @ApiProperty({ description: 'English wording, for people; clients word the code with params themselves.' })
  message: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'The values in the message (a quoted line, a section name, a count).',
  })
  params: Record<string, string | number>;

  @ApiPropertyOptional({
    description: 'The posting of the document it concerns, from 0; absent for the whole document.',
  })
  posting?: number;

  @ApiPropertyOptional({ description: 'The line of the source document, from 1.' })
  line?: number;
}

class ImportedPostingReportDto implements ImportedPostingReport {
  @ApiProperty({ description: 'Position of the posting in the document, from 0.' })
  index: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  dutyCount: number;

  @ApiProperty()
  requirementCount: number;

  @ApiProperty({ type: [String] })
  duties: string[];

  @ApiProperty({ type: [String] })
  requirements: string[];

  @ApiProperty({ type: [PostingLineGroupResponseDto] })
  groups: PostingLineGroupResponseDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The saved posting; absent when it was not saved (a duplicate skipped, or awaiting a choice).',
  })
  id?: string;
}

export class ImportPostingsResponseDto implements ImportPostingsResponse {
  @ApiProperty({ description: 'The format the document was read as: txt, markdown, tsv or html.' })
  format: string;

  @ApiProperty({ type: [ImportWarningDto], description: 'What the parser could not place or had to guess.' })
  warnings: ImportWarningDto[];

  @ApiProperty({
    type: [ImportedPostingReportDto],
    description: 'Every posting of the document, in order, saved or not: its lines, groups and id.',
  })
  postings: ImportedPostingReportDto[];

  @ApiProperty({ type: [PostingDetailDto], description: 'The postings this import saved.' })
  items: PostingDetailDto[];

  @ApiProperty({ type: [PostingDuplicateDto], description: 'Postings of the document already stored.' })
  duplicates: PostingDuplicateDto[];

  @ApiProperty({
    description: 'True when nothing was saved because duplicates=report found some: skip them or import anyway.',
  })
  awaitingChoice: boolean;
}
