import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { RunsThrottlerGuard } from '../runs/runs-throttler.guard';
import type {
  CandidateAttemptView,
  CandidateCustomRunResult,
  CandidateHiddenRunResult,
  CandidateSessionResponse,
  CandidateVisibleRunResult,
  SaveAnswerAck,
} from '@rubricon/contracts';
import { ApiErrors, JSON_BODY } from '../common/api-docs';
import { Public } from '../common/auth.decorators';
import { AttemptsService } from './attempts.service';
import {
  CandidateAttemptViewDto,
  CandidateCustomRunResultDto,
  CandidateHiddenRunResultDto,
  CandidateSessionResponseDto,
  CandidateVisibleRunResultDto,
  OkDto,
  SaveAnswerAckDto,
} from './attempts.responses';
import { CandidateGuard } from './candidate.guard';
import type { CandidateSession } from './candidate-tokens.service';
import { CurrentAttempt, CurrentSession } from './current-attempt.decorator';
import { CandidateRunsService } from './candidate-runs.service';
import { IntegrityEventDto } from '../integrity/integrity.dto';
import { CandidateRunDto, EmptyBodyDto, OpenSessionDto, SaveAnswerBodyDto } from './attempts.dto';

/** The candidate's REST surface: no staff account, a token scoped to one attempt. */
@ApiTags('candidate')
@Public()
@ApiExtraModels(CandidateVisibleRunResultDto, CandidateHiddenRunResultDto, CandidateCustomRunResultDto)
@Controller('candidate')
export class CandidateController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly runs: CandidateRunsService,
  ) {}

  @Post('sessions')
  // The module-wide default refusal: 429 'too-many-requests'.
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiCreatedResponse({ type: CandidateSessionResponseDto })
  @ApiErrors(...JSON_BODY, 'too-many-requests', 'link-unknown', 'link-revoked', 'already-submitted', 'link-expired')
  open(@Body() dto: OpenSessionDto): Promise<CandidateSessionResponse> {
    return this.attempts.openSession(dto.token);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Get('attempt')
  @ApiOkResponse({ type: CandidateAttemptViewDto })
  @ApiErrors('session-ended', 'session-replaced', 'attempt-unknown')
  view(@CurrentAttempt() attemptId: string): Promise<CandidateAttemptView> {
    return this.attempts.view(attemptId);
  }

  /** The same view by id: any attempt but the session's own is answered with 404. */
  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Get('attempts/:attemptId')
  @ApiOkResponse({ type: CandidateAttemptViewDto })
  @ApiErrors('session-ended', 'session-replaced', 'attempt-unknown')
  viewById(@CurrentAttempt() attemptId: string, @Param('attemptId') requested: string): Promise<CandidateAttemptView> {
    return this.attempts.viewOwn(attemptId, requested);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Post('attempt/start')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidateAttemptViewDto })
  @ApiErrors(...JSON_BODY, 'session-ended', 'session-replaced', 'attempt-unknown', 'link-revoked', 'link-expired')
  // The body is validated only to refuse unknown fields, as every other candidate route does.
  start(@CurrentAttempt() attemptId: string, @Body() _body: EmptyBodyDto): Promise<CandidateAttemptView> {
    return this.attempts.start(attemptId);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Put('attempt/answers/:questionId')
  @ApiOkResponse({ type: SaveAnswerAckDto })
  @ApiErrors(
    ...JSON_BODY,
    'session-ended',
    'session-replaced',
    'too-many-saves',
    'answer-too-long',
    'attempt-unknown',
    'question-unknown',
    'language-required',
    'not-started',
    'already-submitted',
    'time-up',
    'stale-version',
    'version-skipped',
  )
  save(
    @CurrentSession() session: CandidateSession,
    @Param('questionId') questionId: string,
    @Body() dto: SaveAnswerBodyDto,
  ): Promise<SaveAnswerAck> {
    return this.attempts.saveAnswer(session, { ...dto, attemptId: session.attemptId, questionId });
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard, RunsThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('attempt/runs')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      "visible: the examples, with outputs; hidden: the hidden tests, counts only; custom: the candidate's own input, its output.",
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CandidateVisibleRunResultDto) },
        { $ref: getSchemaPath(CandidateHiddenRunResultDto) },
        { $ref: getSchemaPath(CandidateCustomRunResultDto) },
      ],
      discriminator: {
        propertyName: 'mode',
        mapping: {
          visible: getSchemaPath(CandidateVisibleRunResultDto),
          hidden: getSchemaPath(CandidateHiddenRunResultDto),
          custom: getSchemaPath(CandidateCustomRunResultDto),
        },
      },
    },
  })
  @ApiErrors(
    ...JSON_BODY,
    'session-ended',
    'session-replaced',
    'too-many-runs',
    'attempt-unknown',
    'not-in-progress',
    'time-up',
    'question-unknown',
    'hidden-runs-exhausted',
    'invalid-run',
    'run-in-progress',
    'sandbox-busy',
  )
  run(
    @CurrentAttempt() attemptId: string,
    @Body() dto: CandidateRunDto,
  ): Promise<CandidateVisibleRunResult | CandidateHiddenRunResult | CandidateCustomRunResult> {
    return this.runs.run(attemptId, dto);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Post('attempt/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidateAttemptViewDto })
  @ApiErrors(...JSON_BODY, 'session-ended', 'session-replaced', 'attempt-unknown', 'not-started', 'time-up')
  submit(@CurrentAttempt() attemptId: string, @Body() _body: EmptyBodyDto): Promise<CandidateAttemptView> {
    return this.attempts.submitByCandidate(attemptId);
  }

  @ApiBearerAuth()
  @UseGuards(CandidateGuard)
  @Post('attempt/events')
  @HttpCode(200)
  @ApiOkResponse({ type: OkDto })
  @ApiErrors(
    ...JSON_BODY,
    'session-ended',
    'session-replaced',
    'wrong-attempt',
    'too-many-signals',
    'attempt-unknown',
    'not-in-progress',
    'time-up',
    'question-unknown',
  )
  event(@CurrentAttempt() attemptId: string, @Body() dto: IntegrityEventDto): Promise<{ ok: true }> {
    return this.attempts.recordEvent(attemptId, dto);
  }
}
