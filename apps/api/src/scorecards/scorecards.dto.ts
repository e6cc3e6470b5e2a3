import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAIL_LANGS, MAX_COMPARED, type MailLang, type RankingSort } from '@rubricon/contracts';
import { PageQuery } from '../common/page-query';
import { coded, Optional } from '../common/validation';

const SORTS = ['total', 'name', 'submitted', 'flags'] satisfies RankingSort[];
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const compareTooMany = coded('compare-too-many', () => ({ max: MAX_COMPARED }));

/** The ranking's filters and order (without paging: the CSV exports every matching row). */
export class RankingCsvQuery {
  @ApiPropertyOptional({ enum: SORTS, default: 'total' })
  @Optional()
  @IsIn(SORTS)
  sort: RankingSort = 'total';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @Optional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ description: 'true: only candidates with a flag; false: only those without.' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean()
  flagged?: boolean;

  @ApiPropertyOptional({ description: "Part of the candidate's name or email." })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** The ranking's filters and order, one page of it. */
export class RankingQueryDto extends IntersectionType(PageQuery, RankingCsvQuery) {}

export class CompareQuery {
  @ApiProperty({ type: String, description: `Comma-separated candidate ids, 1 to ${MAX_COMPARED}.` })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray({ context: compareTooMany })
  @ArrayMinSize(1, { context: compareTooMany })
  @ArrayMaxSize(MAX_COMPARED, { context: compareTooMany })
  @IsUUID('all', { each: true })
  candidates: string[];
}

/** POST …/explanation/send: the language the candidate reads it in. */
export class SendExplanationDto {
  @ApiProperty({ enum: MAIL_LANGS, enumName: 'MailLang' })
  @IsIn(MAIL_LANGS, { message: 'lang must be zh or en' })
  lang: MailLang;
}
