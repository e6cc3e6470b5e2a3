import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, RaterAssignment, ReviewSummary, ScoreSheetView } from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { AmendDto, ListReviewsQuery, SaveSheetDto, SetRatersDto, SubjectParams } from './scoring.dto';
import { RaterAssignmentDto, ReviewPageDto, ScoreSheetViewDto, StaffOptionDto } from './scoring.responses';
import { ScoringService } from './scoring.service';

/**
 * Rubric scoring. HR and admins assign raters; every staff role scores what it is assigned (any
 * other subject answers 404). A rater's sheet shows other raters' scores only once they submitted.
 */
@ApiTags('scoring')
@ApiBearerAuth()
@ApiErrors(...SIGNED_IN, ...VALIDATED)
@Controller('scoring')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Get('rater-options')
  @Roles('admin', 'hr')
  @ApiOkResponse({ type: [StaffOptionDto], description: 'Active staff users of any role, by name.' })
  @ApiErrors('role-required')
  raterOptions(): Promise<RaterAssignment['rater'][]> {
    return this.scoring.raterOptions();
  }

  @Get('subjects/:kind/:id/raters')
  @Roles('admin', 'hr')
  @ApiOkResponse({ type: [RaterAssignmentDto] })
  @ApiErrors('role-required', 'subject-not-found')
  raters(@Param() p: SubjectParams): Promise<RaterAssignment[]> {
    return this.scoring.raters(p.kind, p.id);
  }

  @Put('subjects/:kind/:id/raters')
  @Roles('admin', 'hr')
  @ApiOkResponse({ type: [RaterAssignmentDto], description: 'The raters after the change.' })
  @ApiErrors(...JSON_BODY, 'role-required', 'subject-not-found', 'rater-unknown', 'rater-has-submitted')
  setRaters(
    @Param() p: SubjectParams,
    @Body() dto: SetRatersDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RaterAssignment[]> {
    return this.scoring.setRaters(p.kind, p.id, dto.raterIds, user);
  }

  @Get('sheets')
  @ApiOkResponse({ type: ReviewPageDto, description: "The caller's score sheets, newest assignment first." })
  reviews(@Query() query: ListReviewsQuery, @CurrentUser() user: AuthUser): Promise<Page<ReviewSummary>> {
    return this.scoring.reviews(user, query);
  }

  @Get('subjects/:kind/:id/sheet')
  @ApiOkResponse({ type: ScoreSheetViewDto })
  @ApiErrors('subject-not-found', 'not-assigned', 'not-ready-to-score')
  sheet(@Param() p: SubjectParams, @CurrentUser() user: AuthUser): Promise<ScoreSheetView> {
    return this.scoring.sheet(p.kind, p.id, user);
  }

  @Put('subjects/:kind/:id/sheet')
  @ApiOkResponse({ type: ScoreSheetViewDto, description: 'Saves a draft; any subset of criteria.' })
  @ApiErrors(
    ...JSON_BODY,
    'subject-not-found',
    'not-assigned',
    'not-ready-to-score',
    'sheet-submitted',
    'criterion-unknown',
    'level-invalid',
    'reason-required',
  )
  save(@Param() p: SubjectParams, @Body() dto: SaveSheetDto, @CurrentUser() user: AuthUser): Promise<ScoreSheetView> {
    return this.scoring.save(p.kind, p.id, dto, user);
  }

  @Post('subjects/:kind/:id/sheet/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ScoreSheetViewDto, description: "Submitted; the other raters' sheets are now included." })
  @ApiErrors('subject-not-found', 'not-assigned', 'not-ready-to-score', 'sheet-submitted', 'sheet-incomplete')
  submit(@Param() p: SubjectParams, @CurrentUser() user: AuthUser): Promise<ScoreSheetView> {
    return this.scoring.submit(p.kind, p.id, user);
  }

  @Post('subjects/:kind/:id/sheet/amendments')
  @HttpCode(200)
  @ApiOkResponse({
    type: ScoreSheetViewDto,
    description: 'The sheet with the amendment; the original stays in its history.',
  })
  @ApiErrors(
    ...JSON_BODY,
    'subject-not-found',
    'not-assigned',
    'not-ready-to-score',
    'sheet-not-submitted',
    'reason-required',
    'amendment-empty',
    'nothing-to-change',
    'criterion-unknown',
    'level-invalid',
  )
  amend(@Param() p: SubjectParams, @Body() dto: AmendDto, @CurrentUser() user: AuthUser): Promise<ScoreSheetView> {
    return this.scoring.amend(p.kind, p.id, dto, user);
  }
}
