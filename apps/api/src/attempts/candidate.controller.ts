import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type {
  CandidateAttemptView,
  CandidateHiddenRunResult,
  CandidateSessionResponse,
  CandidateVisibleRunResult,
  SaveAnswerAck,
} from '@rubricon/contracts';
import { Public } from '../common/auth.decorators';
import { AttemptsService } from './attempts.service';
import { CandidateGuard } from './candidate.guard';
import { CandidateRunsThrottlerGuard, CandidateThrottlerGuard } from './candidate-throttler.guards';
import { CurrentAttempt } from './current-attempt.decorator';
import { CandidateRunsService } from './candidate-runs.service';
import { IntegrityEventDto } from '../integrity/integrity.dto';
import { CandidateRunDto, EmptyBodyDto, OpenSessionDto, SaveAnswerBodyDto } from './attempts.dto';

/** The candidate's REST surface: no staff account, a token scoped to one attempt. */
@ApiTags('candidate')
@Public()
@Controller('candidate')
export class CandidateController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly runs: CandidateRunsService,
  ) {}

  @Post('sessions')
  @UseGuards(CandidateThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  open(@Body() dto: OpenSessionDto): Promise<CandidateSessionResponse> {
    return this.attempts.openSession(dto.token);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Get('attempt')
  view(@CurrentAttempt() attemptId: string): Promise<CandidateAttemptView> {
    return this.attempts.view(attemptId);
  }

  /** The same view by id: any attempt but the session's own is answered with 404. */
  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Get('attempts/:attemptId')
  viewById(@CurrentAttempt() attemptId: string, @Param('attemptId') requested: string): Promise<CandidateAttemptView> {
    return this.attempts.viewOwn(attemptId, requested);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Post('attempt/start')
  @HttpCode(200)
  // The body is validated only to refuse unknown fields, as every other candidate route does.
  start(@CurrentAttempt() attemptId: string, @Body() _body: EmptyBodyDto): Promise<CandidateAttemptView> {
    return this.attempts.start(attemptId);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Put('attempt/answers/:questionId')
  save(
    @CurrentAttempt() attemptId: string,
    @Param('questionId') questionId: string,
    @Body() dto: SaveAnswerBodyDto,
  ): Promise<SaveAnswerAck> {
    return this.attempts.saveAnswer(attemptId, { ...dto, attemptId, questionId });
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard, CandidateRunsThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('attempt/runs')
  @HttpCode(200)
  run(
    @CurrentAttempt() attemptId: string,
    @Body() dto: CandidateRunDto,
  ): Promise<CandidateVisibleRunResult | CandidateHiddenRunResult> {
    return this.runs.run(attemptId, dto);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Post('attempt/submit')
  @HttpCode(200)
  submit(@CurrentAttempt() attemptId: string, @Body() _body: EmptyBodyDto): Promise<CandidateAttemptView> {
    return this.attempts.submitByCandidate(attemptId);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Post('attempt/events')
  @HttpCode(200)
  event(@CurrentAttempt() attemptId: string, @Body() dto: IntegrityEventDto): Promise<{ ok: true }> {
    return this.attempts.recordEvent(attemptId, dto);
  }
}
