import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AttemptStatus } from '@rubricon/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/validation';

const STATUSES: AttemptStatus[] = ['invited', 'in_progress', 'submitted', 'expired'];

/** GET /attempts: attempts across assessments, newest first. */
export class ListAttemptsQuery {
  @ApiPropertyOptional({ default: 20 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ default: 0 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ description: "Matches part of the candidate's name or email" })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @Optional()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: AttemptStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'assessmentId must be an assessment id' })
  assessmentId?: string;
}
