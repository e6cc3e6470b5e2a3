import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { coded, Optional } from '../common/validation';
import { PageQuery } from '../common/page-query';

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

/** POST /assessments/:id/publish: optionally the duration, as confirmed against the questions' minutes. */
export class PublishAssessmentDto {
  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
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

/** GET /assessments: assessments across postings, newest first. */
export class ListAssessmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @Optional()
  @IsIn(['draft', 'published'], { message: 'status must be draft or published' })
  status?: 'draft' | 'published';

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'postingId must be a posting id' })
  postingId?: string;

  @ApiPropertyOptional({ description: "Matches part of the posting's title (an assessment's title)" })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
