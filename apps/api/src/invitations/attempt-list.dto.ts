import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AttemptStatus } from '@rubricon/contracts';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '../common/validation';
import { PageQuery } from '../common/page-query';

const STATUSES: AttemptStatus[] = ['invited', 'in_progress', 'submitted', 'expired'];

/** GET /attempts: attempts across assessments, newest first. */
export class ListAttemptsQuery extends PageQuery {
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
