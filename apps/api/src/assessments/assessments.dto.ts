import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/validation';

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
  @Min(5, { message: 'durationMinutes must be at least 5' })
  @Max(600, { message: 'durationMinutes must be at most 600' })
  durationMinutes?: number;
}

export class QuestionRefDto {
  @ApiProperty({ example: 'coding.token-bucket' })
  @IsString()
  @MaxLength(120)
  @Matches(/^[a-z]+\.[a-z0-9][a-z0-9.-]*$/, { message: 'questionId must look like coding.token-bucket' })
  questionId: string;
}
