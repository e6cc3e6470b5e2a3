import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AssessmentSummary, AssessmentView, BankQuestionSummary } from '@rubricon/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { GenerateAssessmentDto, QuestionRefDto, UpdateAssessmentDto } from './assessments.dto';
import { AssessmentQuestionsService } from './assessment-questions.service';
import { AssessmentsService } from './assessments.service';

@ApiTags('assessments')
@ApiBearerAuth()
@Roles('admin', 'hr')
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly questions: AssessmentQuestionsService,
  ) {}

  @Post('postings/:postingId/assessments')
  generate(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() dto: GenerateAssessmentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AssessmentView> {
    return this.assessments.generate(postingId, dto, user.id);
  }

  @Get('postings/:postingId/assessments')
  list(@Param('postingId', ParseUUIDPipe) postingId: string): Promise<AssessmentSummary[]> {
    return this.assessments.listForPosting(postingId);
  }

  @Get('assessments/:id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AssessmentView> {
    return this.assessments.get(id);
  }

  @Patch('assessments/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAssessmentDto): Promise<AssessmentView> {
    return this.assessments.update(id, dto);
  }

  @Post('assessments/:id/questions')
  add(@Param('id', ParseUUIDPipe) id: string, @Body() dto: QuestionRefDto): Promise<AssessmentView> {
    return this.questions.add(id, dto.questionId);
  }

  @Delete('assessments/:id/questions/:questionId')
  remove(@Param('id', ParseUUIDPipe) id: string, @Param('questionId') questionId: string): Promise<AssessmentView> {
    return this.questions.remove(id, questionId);
  }

  @Get('assessments/:id/questions/:questionId/alternatives')
  alternatives(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
  ): Promise<BankQuestionSummary[]> {
    return this.questions.alternatives(id, questionId);
  }

  @Post('assessments/:id/questions/:questionId/swap')
  swap(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
    @Body() dto: QuestionRefDto,
  ): Promise<AssessmentView> {
    return this.questions.swap(id, questionId, dto.questionId);
  }

  @Post('assessments/:id/publish')
  publish(@Param('id', ParseUUIDPipe) id: string): Promise<AssessmentView> {
    return this.assessments.publish(id);
  }
}
