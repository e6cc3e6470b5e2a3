import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  InterviewDetail,
  InterviewLinkResponse,
  InterviewListResponse,
  InterviewNoteView,
  InterviewPanelMember,
  InterviewQuestionChoice,
  InterviewReplay,
} from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { ListInterviewsQuery, ScheduleInterviewDto, ShareNoteDto } from './interviews.dto';
import {
  InterviewDetailDto,
  InterviewLinkResponseDto,
  InterviewListResponseDto,
  InterviewNoteViewDto,
  InterviewPanelMemberDto,
  InterviewQuestionChoiceDto,
  InterviewReplayDto,
  REPLAY_EXTRA_MODELS,
} from './interviews.responses';
import { InterviewsService } from './interviews.service';

/**
 * Live interviews outside the room: any staff role schedules and lists; admin and HR see every
 * interview, an interviewer those on whose panel they are or that they scheduled.
 */
@ApiTags('interviews')
@ApiBearerAuth()
@ApiExtraModels(...REPLAY_EXTRA_MODELS)
@ApiErrors(...SIGNED_IN, ...VALIDATED)
@Controller()
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Get('interviews')
  @ApiOkResponse({ type: InterviewListResponseDto, description: 'Newest start first.' })
  list(@Query() query: ListInterviewsQuery, @CurrentUser() user: AuthUser): Promise<InterviewListResponse> {
    return this.interviews.list(query, user);
  }

  @Post('interviews')
  @ApiCreatedResponse({ type: InterviewLinkResponseDto })
  @ApiErrors(
    ...JSON_BODY,
    'posting-not-found',
    'name-required',
    'email-invalid',
    'interview-questions-required',
    'bank-question-not-found',
    'panel-required',
    'panel-member-unknown',
    'interview-start-invalid',
    'duration-out-of-range',
  )
  schedule(@Body() dto: ScheduleInterviewDto, @CurrentUser() user: AuthUser): Promise<InterviewLinkResponse> {
    return this.interviews.schedule(dto, user);
  }

  // Before 'interviews/:id', which would otherwise take "panel-options" for an id.
  @Get('interviews/panel-options')
  @ApiOkResponse({ type: [InterviewPanelMemberDto], description: 'Active staff users of any role, by name.' })
  panelOptions(): Promise<InterviewPanelMember[]> {
    return this.interviews.panelOptions();
  }

  @Get('interviews/:id')
  @ApiOkResponse({ type: InterviewDetailDto })
  @ApiErrors('interview-not-found')
  detail(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<InterviewDetail> {
    return this.interviews.detail(id, user);
  }

  /** A new candidate link: the old one stops working at once. */
  @Post('interviews/:id/link')
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewLinkResponseDto })
  @ApiErrors('interview-not-found', 'interview-ended')
  newLink(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<InterviewLinkResponse> {
    return this.interviews.newLink(id, user);
  }

  @Get('interviews/:id/replay')
  @ApiOkResponse({ type: InterviewReplayDto })
  @ApiErrors('interview-not-found')
  replay(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<InterviewReplay> {
    return this.interviews.replay(id, user);
  }

  /** Shares the caller's note with the rest of the panel (or takes it back), once the interview has ended. */
  @Put('interviews/:id/notes/mine/shared')
  @ApiOkResponse({ type: InterviewNoteViewDto })
  @ApiErrors(...JSON_BODY, 'interview-not-found', 'not-on-panel', 'notes-not-shareable')
  shareNote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ShareNoteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<InterviewNoteView> {
    return this.interviews.shareNote(id, dto.shared, user);
  }

  @Get('postings/:postingId/interview-questions')
  @ApiOkResponse({
    type: [InterviewQuestionChoiceDto],
    description: "The posting's newest assessment's questions in its order, then the rest of the current bank.",
  })
  @ApiErrors('posting-not-found')
  questionChoices(@Param('postingId', ParseUUIDPipe) postingId: string): Promise<InterviewQuestionChoice[]> {
    return this.interviews.questionChoices(postingId);
  }
}
