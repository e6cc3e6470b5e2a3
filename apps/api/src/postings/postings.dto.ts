import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_DUPLICATE_MODES,
  type ImportDuplicateMode,
  type PostingLineGroup,
  type PostingLineKind,
} from '@rubricon/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { coded, MaxCodePoints, Optional, Trim } from '../common/validation';
import { PageQuery } from '../common/page-query';

// The refusals a person meets in the posting edit form, coded so the staff app words them in zh and en.
const titleRequired = coded('title-required');
const dutiesRequired = coded('duties-required');
const lineEmpty = coded('line-empty');

export const MAX_PASTED_TEXT = 1024 * 1024;

export class ListPostingsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches part of the title' })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class ImportPostingsQuery {
  @ApiPropertyOptional({
    enum: IMPORT_DUPLICATE_MODES,
    default: 'report',
    description:
      'Postings already stored: report (save nothing, list them), skip (save only new ones) or import (save all).',
  })
  @Optional()
  @IsIn(IMPORT_DUPLICATE_MODES, { message: 'duplicates must be report, skip or import' })
  duplicates: ImportDuplicateMode = 'report';
}

/** JSON import: pasted text. Multipart uploads send the file in the `file` field instead. */
export class ImportPostingsDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(MAX_PASTED_TEXT, { message: 'text is longer than 1 MB' })
  text?: string;

  @ApiPropertyOptional({ description: 'Helps detect the format, e.g. postings.tsv' })
  @Optional()
  @IsString()
  @MaxCodePoints(255)
  filename?: string;
}

const LINE_KINDS: PostingLineKind[] = ['duty', 'requirement'];
const MAX_LINES = 200;

/** A sub-heading over lines of a posting; whether it fits the lists is checked with them (groupsProblem). */
export class PostingLineGroupDto implements PostingLineGroup {
  @ApiProperty({ enum: LINE_KINDS, description: 'Whether `start` indexes duties or requirements.' })
  @IsIn(LINE_KINDS, { message: 'kind must be duty or requirement' })
  kind: PostingLineKind;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The sub-heading, e.g. 模型全生命周期管理.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'label cannot be empty' })
  @MaxCodePoints(200)
  label: string;

  @ApiProperty({ minimum: 0, description: 'The first line of the group, from 0.' })
  @IsInt()
  @Min(0)
  @Max(MAX_LINES - 1)
  start: number;

  @ApiProperty({ minimum: 1, description: 'How many lines the group runs for.' })
  @IsInt()
  @Min(1)
  @Max(MAX_LINES)
  count: number;
}

// Texts stored in a varchar are limited in code points (MaxCodePoints), as the database counts;
// the duty and requirement lines are stored as text, and their 2000 is a limit on the line itself.
export class UpdatePostingDto {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title cannot be empty', context: titleRequired })
  @MaxCodePoints(200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxCodePoints(200)
  department?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxCodePoints(200)
  location?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  headcount?: number;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @Trim()
  @IsArray()
  @ArrayMinSize(1, { message: 'a posting needs at least one duty line', context: dutiesRequired })
  @ArrayMaxSize(MAX_LINES)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'duty lines cannot be empty', context: lineEmpty })
  @MaxLength(2000, { each: true })
  duties?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @Trim()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'requirement lines cannot be empty', context: lineEmpty })
  @MaxLength(2000, { each: true })
  requirements?: string[];

  @ApiPropertyOptional({
    type: [PostingLineGroupDto],
    description:
      'All the sub-headings of both lists, indexing the lines as sent (or as stored, for a list not sent); [] removes them. ' +
      'Left out, a replaced list keeps the label of each line whose text it still has.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(2 * MAX_LINES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PostingLineGroupDto)
  groups?: PostingLineGroupDto[];
}
