import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsUUID } from 'class-validator';
import { MAX_REMINDER_DEADLINE_MINUTES, MAX_REMINDER_EXPIRY_HOURS } from '@rubricon/contracts';
import { Optional } from '../common/validation';

/** GET /mail: the messages about one attempt, interview or candidate (at least one filter). */
export class ListMailQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'attemptId must be a UUID' })
  attemptId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'interviewId must be a UUID' })
  interviewId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'candidateId must be a UUID' })
  candidateId?: string;
}

export class ReminderSettingsDto {
  // Checked by the service, so a bad value is refused with its own code ('reminders-invalid').
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_REMINDER_EXPIRY_HOURS,
    description: 'Hours before an unused invitation expires; null: no reminder',
  })
  @Allow()
  beforeExpiryHours: unknown;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_REMINDER_DEADLINE_MINUTES,
    description: 'Minutes before an attempt under way ends; null: no reminder',
  })
  @Allow()
  beforeDeadlineMinutes: unknown;
}
