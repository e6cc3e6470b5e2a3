import { ApiProperty } from '@nestjs/swagger';
import {
  MAIL_KINDS,
  MAIL_LANGS,
  MAIL_STATUSES,
  type MailKind,
  type MailLang,
  type MailMessageView,
  type MailSettings,
  type MailStatus,
  type MailStatusSummary,
  type ReminderSettings,
} from '@rubricon/contracts';

class MailRecipientDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;
}

export class MailStatusSummaryDto implements MailStatusSummary {
  @ApiProperty({ format: 'uuid' })
  messageId: string;

  @ApiProperty({ enum: MAIL_KINDS, enumName: 'MailKind' })
  kind: MailKind;

  @ApiProperty({ enum: MAIL_STATUSES, enumName: 'MailStatus' })
  status: MailStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The SMTP server's answer or the error of the last failed try",
  })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class MailMessageDto implements MailMessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MAIL_KINDS, enumName: 'MailKind' })
  kind: MailKind;

  @ApiProperty({ enum: MAIL_LANGS, enumName: 'MailLang' })
  lang: MailLang;

  @ApiProperty({ type: MailRecipientDto })
  to: MailRecipientDto;

  @ApiProperty()
  subject: string;

  @ApiProperty({ enum: MAIL_STATUSES, enumName: 'MailStatus' })
  status: MailStatus;

  @ApiProperty({ description: 'Tries so far' })
  tries: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  queuedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  attemptId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  interviewId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  candidateId: string | null;

  @ApiProperty({
    type: String,
    enum: ['resend', 'new-link'],
    nullable: true,
    description: '`new-link`: the link was kept only until sent, so sending again means a new link',
  })
  resend: 'resend' | 'new-link' | null;
}

export class MailSettingsDto implements MailSettings {
  @ApiProperty({ description: 'False when SMTP_URL is unset' })
  enabled: boolean;

  @ApiProperty({ type: String, nullable: true })
  from: string | null;

  @ApiProperty()
  perRecipientPerHour: number;
}

export class ReminderSettingsResponseDto implements ReminderSettings {
  @ApiProperty({ type: 'integer', nullable: true })
  beforeExpiryHours: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  beforeDeadlineMinutes: number | null;
}
