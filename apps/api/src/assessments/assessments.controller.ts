import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AssessmentSummary, AssessmentView, Page, QuestionAlternative } from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import {
  GenerateAssessmentDto,
  ListAssessmentsQuery,
  PublishAssessmentDto,
  QuestionRefDto,
  UpdateAssessmentDto,
} from './assessments.dto';
import { AssessmentQuestionsService } from './assessment-questions.service';
import {
  AssessmentPageDto,
  AssessmentSummaryDto,
  AssessmentViewDto,
  QuestionAlternativeDto,
} from './assessments.responses';
import { BlindScoringDto } from '../scoring/scoring.dto';
import { BlindScoringResponseDto } from '../scoring/scoring.responses';
import { AssessmentsService } from './assessments.service';

@ApiTags('assessments')
@ApiBearerAuth()
@Roles('admin', 'hr')
// Every route names an assessment or a posting by a UUID in its path.
@ApiErrors(...SIGNED_IN, 'role-required', ...VALIDATED)
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly questions: AssessmentQuestionsService,
  ) {}

  @Post('postings/:postingId/assessments')
  @ApiCreatedResponse({ type: AssessmentViewDto })
  @ApiErrors(...JSON_BODY, 'posting-not-found')
  generate(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() dto: GenerateAssessmentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AssessmentView> {
    return this.assessments.generate(postingId, dto, user.id);
  }

  @Get('assessments')
  @ApiOkResponse({ type: AssessmentPageDto })
  list(@Query() query: ListAssessmentsQuery): Promise<Page<AssessmentSummary>> {
    return this.assessments.page(query);
  }

  @Get('postings/:postingId/assessments')
  @ApiOkResponse({ type: [AssessmentSummaryDto] })
  @ApiErrors('posting-not-found')
  listForPosting(@Param('postingId', ParseUUIDPipe) postingId: string): Promise<AssessmentSummary[]> {
    return this.assessments.listForPosting(postingId);
  }

  @Get('assessments/:id')
  @ApiOkResponse({ type: AssessmentViewDto })
  @ApiErrors('assessment-not-found')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AssessmentView> {
    return this.assessments.get(id);
  }

  @Patch('assessments/:id')
  @ApiOkResponse({ type: AssessmentViewDto })
  @ApiErrors(...JSON_BODY, 'duration-out-of-range', 'assessment-not-found', 'assessment-published')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAssessmentDto): Promise<AssessmentView> {
    return this.assessments.update(id, dto);
  }

  @Post('assessments/:id/questions')
  @ApiCreatedResponse({ type: AssessmentViewDto })
  @ApiErrors(
    ...JSON_BODY,
    'bank-question-not-found',
    'assessment-not-found',
    'assessment-published',
    'question-already-added',
  )
  add(@Param('id', ParseUUIDPipe) id: string, @Body() dto: QuestionRefDto): Promise<AssessmentView> {
    return this.questions.add(id, dto.questionId);
  }

  @Delete('assessments/:id/questions/:questionId')
  @ApiOkResponse({ type: AssessmentViewDto })
  @ApiErrors('assessment-not-found', 'assessment-published', 'question-not-in-assessment', 'last-question')
  remove(@Param('id', ParseUUIDPipe) id: string, @Param('questionId') questionId: string): Promise<AssessmentView> {
    return this.questions.remove(id, questionId);
  }

  @Get('assessments/:id/questions/:questionId/alternatives')
  @ApiOkResponse({ type: [QuestionAlternativeDto], description: 'Ranked by the duty lines each assesses, most first.' })
  @ApiErrors('assessment-not-found', 'question-not-in-assessment')
  alternatives(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
  ): Promise<QuestionAlternative[]> {
    return this.questions.alternatives(id, questionId);
  }

  @Post('assessments/:id/questions/:questionId/swap')
  @ApiCreatedResponse({ type: AssessmentViewDto })
  @ApiErrors(
    ...JSON_BODY,
    'assessment-not-found',
    'assessment-published',
    'question-not-in-assessment',
    'swap-not-allowed',
  )
  swap(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
    @Body() dto: QuestionRefDto,
  ): Promise<AssessmentView> {
    return this.questions.swap(id, questionId, dto.questionId);
  }

  @Post('assessments/:id/publish')
  @ApiCreatedResponse({ type: AssessmentViewDto })
  @ApiErrors(...JSON_BODY, 'duration-out-of-range', 'assessment-not-found', 'assessment-published')
  publish(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PublishAssessmentDto): Promise<AssessmentView> {
    return this.assessments.publish(id, dto);
  }

  /** Blind scoring can change at any time, published or not: it changes what raters see, not the assessment. */
  @Put('assessments/:id/blind-scoring')
  @ApiOkResponse({ type: BlindScoringResponseDto })
  @ApiErrors(...JSON_BODY, 'assessment-not-found')
  blindScoring(@Param('id', ParseUUIDPipe) id: string, @Body() dto: BlindScoringDto): Promise<{ blind: boolean }> {
    return this.assessments.setBlindScoring(id, dto.blind);
  }
}
