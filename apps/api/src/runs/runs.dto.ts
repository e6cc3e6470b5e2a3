import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_LANGUAGES } from '@rubricon/contracts';
import { coded, Optional } from '../common/validation';

/** The most code a run takes, in characters here; the sandbox then counts UTF-8 bytes against the same 64 KiB. */
export const MAX_CODE_CHARS = 64 * 1024;
/** Code over the limit is the person's to fix: the same code as the sandbox's own byte check. */
export const codeTooLong = coded('code-too-long', (value) => ({
  bytes: Buffer.byteLength(String(value)),
  max: MAX_CODE_CHARS,
}));

export const LANGUAGES = CODE_LANGUAGES;

export class RunTestDto {
  @ApiProperty({ description: 'passed as solve(input)' })
  @Allow()
  input: unknown;

  @ApiProperty()
  @Allow()
  expected: unknown;
}

export class CreateRunDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'language must be javascript, typescript or python' })
  language: (typeof LANGUAGES)[number];

  @ApiProperty()
  @IsString()
  @MaxLength(MAX_CODE_CHARS, { message: 'code is longer than 64 KiB', context: codeTooLong })
  code: string;

  @ApiProperty({ type: [RunTestDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'send at least one test' })
  @ArrayMaxSize(100, { message: 'send at most 100 tests' })
  @ValidateNested({ each: true })
  @Type(() => RunTestDto)
  tests: RunTestDto[];

  @ApiPropertyOptional({ default: 2000 })
  @Optional()
  @IsInt()
  @Min(50)
  @Max(10_000)
  timeLimitMs?: number;

  @ApiPropertyOptional({ default: 64 })
  @Optional()
  @IsInt()
  @Min(8)
  @Max(256)
  memoryLimitMb?: number;
}
