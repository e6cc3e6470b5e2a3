import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditAction } from '@rubricon/contracts';
import { PageQuery } from '../common/page-query';
import { Optional } from '../common/validation';

/** Every action the log records; a Record so that adding one to the contract's union fails to compile here until listed. */
const ACTIONS: Record<AuditAction, true> = {
  'score.submit': true,
  'score.amend': true,
  'score.override': true,
  'rater.assign': true,
  'rater.unassign': true,
  'assessment.publish': true,
  'assessment.blind': true,
  'invitation.create': true,
  'invitation.revoke': true,
  'attempt.extend': true,
  'interview.schedule': true,
  'interview.link': true,
  'posting.delete': true,
  'assessment.delete': true,
  'user.create': true,
  'user.role': true,
  'user.deactivate': true,
  'user.reactivate': true,
  'user.rename': true,
  'user.password': true,
  'invitation.resend': true,
  'explanation.view': true,
  'explanation.send': true,
  'attempt.submit': true,
};
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

/** `?action=a&action=b` arrives as a list, `?action=a` as one string, `?action=a,b` as one string with commas. */
const toList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));

/** GET /audit: filters, newest first. */
export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: AUDIT_ACTIONS,
    enumName: 'AuditAction',
    isArray: true,
    description: 'One or several actions (repeat the parameter or separate with commas).',
  })
  @Optional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, { each: true, message: 'action must be one of the audit actions' })
  action?: AuditAction[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The staff user who acted.' })
  @Optional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'user, assessment, invitation, attempt, interview, posting, …' })
  @Optional()
  @IsString()
  @MaxLength(40)
  targetType?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(120)
  targetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this time.' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO date and time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or before this time.' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO date and time' })
  to?: string;

  @ApiPropertyOptional({ description: "Matches part of the target's id or of the actor's email" })
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
