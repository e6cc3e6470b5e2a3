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
import { Optional } from '../common/validation';

export const LANGUAGES = ['javascript', 'typescript'] as const;

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
  @IsIn(LANGUAGES, { message: 'language must be javascript or typescript' })
  language: (typeof LANGUAGES)[number];

  @ApiProperty()
  @IsString()
  @MaxLength(64 * 1024, { message: 'code is longer than 64 KiB' })
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
