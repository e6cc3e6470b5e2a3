import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import { coded, MaxCodePoints, Optional } from '../common/validation';
import { codeTooLong, MAX_CODE_CHARS } from '../runs/runs.dto';
import { CODE_LANGUAGES as LANGUAGES, MAX_ANSWER_BYTES, MAX_CUSTOM_INPUT_BYTES } from '@rubricon/contracts';

export class OpenSessionDto {
  @ApiProperty()
  @IsString()
  // A cut-off or mistyped link is the candidate's problem to see worded, not a malformed call.
  @Length(20, 200, { message: 'token is not a valid invitation token', context: coded('link-unknown') })
  token: string;
}

export class SaveAnswerBodyDto {
  // Its size is the service's to check, in UTF-8 bytes, so that every over-long answer is refused
  // with the same code ('answer-too-long'); the body limits bound it before that.
  @ApiProperty({ description: `at most ${MAX_ANSWER_BYTES} bytes in UTF-8` })
  @IsString({ message: 'content must be text' })
  content: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @Optional()
  @IsIn(LANGUAGES, { message: 'language must be javascript, typescript or python' })
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

/** A custom run's input: present exactly when the mode is custom, any JSON value (null included), bounded in size. */
export function CustomRunInput(): PropertyDecorator {
  const problem = (value: unknown, mode: unknown) => {
    if (mode !== 'custom') return 'input is only for a custom run';
    if (value === undefined) return 'input is required for a custom run';
    if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_CUSTOM_INPUT_BYTES)
      return `input is longer than ${MAX_CUSTOM_INPUT_BYTES / 1024} KiB as JSON`;
    return null;
  };
  return ValidateBy({
    name: 'customRunInput',
    validator: {
      validate: (value, args) => problem(value, (args?.object as CandidateRunDto).mode) === null,
      defaultMessage: (args) => problem(args?.value, (args?.object as CandidateRunDto).mode) ?? '',
    },
  });
}

export class CandidateRunDto {
  @ApiProperty()
  @IsString()
  @MaxLength(120)
  questionId: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'language must be javascript, typescript or python' })
  language: (typeof LANGUAGES)[number];

  @ApiProperty()
  @IsString()
  @MaxLength(MAX_CODE_CHARS, { message: 'code is longer than 64 KiB', context: codeTooLong })
  code: string;

  @ApiProperty({ enum: ['visible', 'hidden', 'custom'] })
  @IsIn(['visible', 'hidden', 'custom'], { message: 'mode must be visible, hidden or custom' })
  mode: 'visible' | 'hidden' | 'custom';

  @ApiPropertyOptional({
    description: `mode custom only, and required there: the JSON value passed as solve(input), at most ${MAX_CUSTOM_INPUT_BYTES} bytes as JSON`,
  })
  @ValidateIf((o: CandidateRunDto) => o.mode === 'custom' || o.input !== undefined)
  @CustomRunInput()
  input?: unknown;
}

/** Routes that take no body refuse one that has fields, as every other route refuses unknown fields. */
export class EmptyBodyDto {}
