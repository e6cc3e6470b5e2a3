import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  Matches,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAIL_LANGS, MAX_EXTRA_MINUTES, type MailLang } from '@rubricon/contracts';
import { coded, MaxCodePoints, Optional } from '../common/validation';
import { PLAIN_ADDRESS } from './candidates-csv';

// Name and email are stored in varchar(120) and varchar(254): limited in code points, as the database counts.
export class CandidateDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'name cannot be empty', context: coded('name-required') })
  @MaxCodePoints(120)
  name: string;

  @ApiProperty()
  @IsEmail(
    {},
    {
      message: 'email must be an email address',
      context: coded('email-invalid', (value) => ({ email: String(value).slice(0, 254) })),
    },
  )
  @Matches(PLAIN_ADDRESS, {
    message: 'email must be an email address without quotes, spaces or control characters',
    context: coded('email-invalid', (value) => ({ email: String(value).slice(0, 254) })),
  })
  @MaxCodePoints(254)
  email: string;

  @ApiPropertyOptional({
    enum: MAIL_LANGS,
    description: "This candidate's mail language (else the invitation's, else the assessment's)",
  })
  @Optional()
  @IsIn(MAIL_LANGS, { message: 'lang must be zh or en' })
  lang?: MailLang;
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

  @ApiPropertyOptional({ enum: MAIL_LANGS, description: "The candidates' mail language; default: the assessment's" })
  @Optional()
  @IsIn(MAIL_LANGS, { message: 'lang must be zh or en' })
  lang?: MailLang;
}

export class InviteCsvDto {
  @ApiPropertyOptional({ description: 'CSV text with a header row name,email (or upload a file in the field "file")' })
  @Optional()
  @IsString()
  @MaxLength(200_000)
  text?: string;

  @ApiPropertyOptional({
    enum: MAIL_LANGS,
    description: "The mail language of candidates whose row has no language column; default: the assessment's",
  })
  @Optional()
  @IsIn(MAIL_LANGS, { message: 'lang must be zh or en' })
  lang?: MailLang;
}

export class ExtraTimeDto {
  // Checked by the service, so a bad value is refused with its own code ('extra-time-invalid').
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_EXTRA_MINUTES, description: 'Minutes to add' })
  @Allow()
  minutes: unknown;
}
