import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { coded, Optional } from '../common/validation';

/** The duration HR may give an assessment, in minutes. */
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 600;
const durationOutOfRange = coded('duration-out-of-range', (value) => ({
  minutes: Number(value),
  min: MIN_DURATION_MINUTES,
  max: MAX_DURATION_MINUTES,
}));

export class GenerateAssessmentDto {
  @ApiPropertyOptional({ description: 'Selects a parallel form; the same seed gives the same assessment' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;

  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  @Optional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: 'zh' | 'en';
}

export class UpdateAssessmentDto {
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(MIN_DURATION_MINUTES, { message: 'durationMinutes must be at least 5', context: durationOutOfRange })
  @Max(MAX_DURATION_MINUTES, { message: 'durationMinutes must be at most 600', context: durationOutOfRange })
  durationMinutes?: number;
}

export class QuestionRefDto {
  @ApiProperty({ example: 'coding.token-bucket' })
  @IsString()
  @MaxLength(120)
  @Matches(/^[a-z]+\.[a-z0-9][a-z0-9.-]*$/, { message: 'questionId must look like coding.token-bucket' })
  questionId: string;
}
