import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AttemptDetail, AttemptSummary, InvitationLink } from '@rubricon/contracts';
import { ApiErrors, ApiUploadOrText, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { AttemptReportsService } from './attempt-reports.service';
import { ExtraTimeDto, InviteCandidatesDto, InviteCsvDto } from './invitations.dto';
import { AttemptDetailDto, AttemptSummaryDto, InvitationLinkDto } from './invitations.responses';
import { InvitationsService } from './invitations.service';
import { InviteCsvResponseDto } from './invite-csv.responses';
import type { InviteCsvResponse } from '@rubricon/contracts';

@ApiTags('invitations')
@ApiBearerAuth()
@Roles('admin', 'hr')
// Every route names an assessment, attempt or invitation by a UUID in its path.
@ApiErrors(...SIGNED_IN, 'role-required', ...VALIDATED)
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly reports: AttemptReportsService,
  ) {}

  @Post('assessments/:id/invitations')
  @ApiCreatedResponse({ type: [InvitationLinkDto] })
  @ApiErrors(
    ...JSON_BODY,
    'name-required',
    'email-invalid',
    'assessment-not-found',
    'assessment-not-published',
    'candidate-already-invited',
  )
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteCandidatesDto,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationLink[]> {
    return this.invitations.invite(id, dto.candidates, dto.expiresInDays, user.id, dto.lang);
  }

  @Post('assessments/:id/invitations/csv')
  @ApiUploadOrText(InviteCsvDto, 'A CSV with a header row name,email: multipart field `file`, or JSON `{ text }`')
  @ApiCreatedResponse({ type: InviteCsvResponseDto })
  @ApiErrors(
    ...JSON_BODY,
    'candidates-missing',
    'file-not-text',
    'file-not-utf8',
    'csv-empty',
    'csv-columns-missing',
    'csv-row-invalid',
    'csv-too-many',
    'csv-duplicate-email',
    'csv-language-invalid',
    'assessment-not-found',
    'assessment-not-published',
  )
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 200_000, files: 1 } }))
  inviteCsv(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: InviteCsvDto,
    @CurrentUser() user: AuthUser,
  ): Promise<InviteCsvResponse> {
    // The bytes as uploaded: the CSV parser decodes them (UTF-8 or UTF-16 with a BOM) or says why not.
    return this.invitations.inviteCsv(id, file ? file.buffer : dto.text, user.id, dto.lang);
  }

  @Get('assessments/:id/attempts')
  @ApiOkResponse({ type: [AttemptSummaryDto] })
  @ApiErrors('assessment-not-found')
  attempts(@Param('id', ParseUUIDPipe) id: string): Promise<AttemptSummary[]> {
    return this.reports.attempts(id);
  }

  @Get('attempts/:attemptId')
  @ApiOkResponse({ type: AttemptDetailDto })
  @ApiErrors('attempt-not-found')
  detail(@Param('attemptId', ParseUUIDPipe) attemptId: string): Promise<AttemptDetail> {
    return this.reports.detail(attemptId);
  }

  /** Adds minutes to one candidate's time; recorded in the attempt's adjustments. */
  @Post('attempts/:attemptId/extra-time')
  @HttpCode(200)
  @ApiOkResponse({ type: AttemptSummaryDto })
  @ApiErrors(...JSON_BODY, 'attempt-not-found', 'extra-time-invalid', 'attempt-closed', 'too-many-requests')
  extraTime(
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: ExtraTimeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AttemptSummary> {
    return this.invitations.extraTime(attemptId, dto.minutes, user.id);
  }

  @Post('invitations/:invitationId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: AttemptSummaryDto })
  @ApiErrors('invitation-not-found')
  revoke(
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<AttemptSummary> {
    return this.invitations.revoke(invitationId, user.id);
  }

  /** A new link for the attempt (started or not): the old link and any session opened with it end. */
  @Post('invitations/:invitationId/resend')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationLinkDto })
  @ApiErrors('invitation-not-found', 'nothing-to-resend', 'candidate-already-invited')
  resend(
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationLink> {
    return this.invitations.resend(invitationId, user.id);
  }
}
