import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MaxCodePoints, Optional } from '../common/validation';
import { MAX_ANSWER_BYTES } from '@rubricon/contracts';

const LANGUAGES = ['javascript', 'typescript'] as const;
const EVENT_TYPES = ['paste', 'blur', 'focus', 'resize', 'hidden', 'visible'] as const;

export class OpenSessionDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200, { message: 'token is not a valid invitation token' })
  token: string;
}

export class SaveAnswerBodyDto {
  // Characters, checked again in bytes by the service (Chinese text is 3 bytes a character).
  @ApiProperty()
  @IsString({ message: 'content must be text' })
  @MaxLength(MAX_ANSWER_BYTES, { message: `content is longer than ${MAX_ANSWER_BYTES} characters` })
  content: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @Optional()
  @IsIn(LANGUAGES, { message: 'language must be javascript or typescript' })
  language?: (typeof LANGUAGES)[number];

  @ApiProperty({ description: 'one more than the version this edit was based on' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version: number;
}

export class SaveAnswerDto extends SaveAnswerBodyDto {
  @ApiProperty()
  @IsUUID('4', { message: 'attemptId must be an attempt id' })
  attemptId: string;

  @ApiProperty()
  @IsString()
  @MaxCodePoints(120)
  questionId: string;
}

export class IntegrityEventDto {
  @ApiProperty()
  @IsUUID('4', { message: 'attemptId must be an attempt id' })
  attemptId: string;

  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES, { message: `type must be one of: ${EVENT_TYPES.join(', ')}` })
  type: (typeof EVENT_TYPES)[number];

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxCodePoints(120)
  questionId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsObject()
  detail?: Record<string, number>;
}

export class CandidateRunDto {
  @ApiProperty()
  @IsString()
  @MaxLength(120)
  questionId: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'language must be javascript or typescript' })
  language: (typeof LANGUAGES)[number];

  @ApiProperty()
  @IsString()
  @MaxLength(64 * 1024, { message: 'code is longer than 64 KiB' })
  code: string;

  @ApiProperty({ enum: ['visible', 'hidden'] })
  @IsIn(['visible', 'hidden'], { message: 'mode must be visible or hidden' })
  mode: 'visible' | 'hidden';
}

// Name and email are stored in varchar(120) and varchar(254): limited in code points, as the database counts.
export class CandidateDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'name cannot be empty' })
  @MaxCodePoints(120)
  name: string;

  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxCodePoints(254)
  email: string;
}

export class InviteCandidatesDto {
  @ApiProperty({ type: [CandidateDto] })
  @ArrayMinSize(1, { message: 'invite at least one candidate' })
  @ArrayMaxSize(200, { message: 'invite at most 200 candidates at once' })
  @ValidateNested({ each: true })
  @Type(() => CandidateDto)
  candidates: CandidateDto[];

  @ApiPropertyOptional({ default: 7 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(60)
  expiresInDays?: number;
}

export class InviteCsvDto {
  @ApiPropertyOptional({ description: 'CSV text with a header row name,email (or upload a file in the field "file")' })
  @Optional()
  @IsString()
  @MaxLength(200_000)
  text?: string;
}
