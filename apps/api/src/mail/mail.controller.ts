import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MailMessageView, MailSettings, ReminderSettings } from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { ApiException } from '../common/api-exception';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { ListMailQuery, ReminderSettingsDto } from './mail.dto';
import { MailMessageDto, MailSettingsDto, ReminderSettingsResponseDto } from './mail.responses';
import { MailService } from './mail.service';

/** Mail to candidates as HR sees it: whether it is on, each message's delivery, sending one again, reminders. */
@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin', 'hr')
@ApiErrors(...SIGNED_IN, 'role-required')
@Controller()
export class MailController {
  constructor(private readonly mail: MailService) {}

  @Get('mail/settings')
  @Roles('admin', 'hr', 'interviewer')
  @ApiOkResponse({ type: MailSettingsDto })
  settings(): MailSettings {
    return this.mail.settings();
  }

  @Get('mail')
  @ApiOkResponse({ type: [MailMessageDto] })
  @ApiErrors(...VALIDATED)
  list(@Query() query: ListMailQuery): Promise<MailMessageView[]> {
    if (!query.attemptId && !query.interviewId && !query.candidateId)
      throw new ApiException('invalid-request', { detail: 'Name an attemptId, interviewId or candidateId.' });
    return this.mail.list(query);
  }

  /** The same message again, as a new one; a sent link mail needs a new link instead. */
  @Post('mail/:id/resend')
  @HttpCode(200)
  @ApiOkResponse({ type: MailMessageDto })
  @ApiErrors(
    ...VALIDATED,
    'mail-disabled',
    'mail-not-found',
    'mail-not-finished',
    'mail-cancelled',
    'mail-link-gone',
    'mail-rate-limited',
  )
  resend(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MailMessageView> {
    return this.mail.resend(id, user);
  }

  @Get('assessments/:id/reminders')
  @ApiOkResponse({ type: ReminderSettingsResponseDto })
  @ApiErrors(...VALIDATED, 'assessment-not-found')
  reminders(@Param('id', ParseUUIDPipe) id: string): Promise<ReminderSettings> {
    return this.mail.reminders(id);
  }

  @Put('assessments/:id/reminders')
  @ApiOkResponse({ type: ReminderSettingsResponseDto })
  @ApiErrors(...JSON_BODY, 'reminders-invalid', 'assessment-not-found')
  setReminders(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReminderSettingsDto): Promise<ReminderSettings> {
    return this.mail.setReminders(id, dto as ReminderSettings);
  }
}
