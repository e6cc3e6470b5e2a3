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
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AttemptDetail, AttemptSummary, InvitationLink } from '@rubricon/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { AttemptReportsService } from './attempt-reports.service';
import { InviteCandidatesDto, InviteCsvDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Roles('admin', 'hr')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly reports: AttemptReportsService,
  ) {}

  @Post('assessments/:id/invitations')
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteCandidatesDto,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationLink[]> {
    return this.invitations.invite(id, dto.candidates, dto.expiresInDays, user.id);
  }

  @Post('assessments/:id/invitations/csv')
  @ApiConsumes('multipart/form-data', 'application/json')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 200_000, files: 1 } }))
  inviteCsv(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: InviteCsvDto,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationLink[]> {
    // The bytes as uploaded: the CSV parser decodes them (UTF-8 or UTF-16 with a BOM) or says why not.
    return this.invitations.inviteCsv(id, file ? file.buffer : dto.text, user.id);
  }

  @Get('assessments/:id/attempts')
  attempts(@Param('id', ParseUUIDPipe) id: string): Promise<AttemptSummary[]> {
    return this.reports.attempts(id);
  }

  @Get('attempts/:attemptId')
  detail(@Param('attemptId', ParseUUIDPipe) attemptId: string): Promise<AttemptDetail> {
    return this.reports.detail(attemptId);
  }

  @Post('invitations/:invitationId/revoke')
  @HttpCode(200)
  revoke(@Param('invitationId', ParseUUIDPipe) invitationId: string): Promise<AttemptSummary> {
    return this.invitations.revoke(invitationId);
  }

  @Post('invitations/:invitationId/resend')
  @HttpCode(200)
  resend(@Param('invitationId', ParseUUIDPipe) invitationId: string): Promise<InvitationLink> {
    return this.invitations.resend(invitationId);
  }
}
