import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { RunResult } from '@rubricon/sandbox';
import { ApiErrors, JSON_BODY, SIGNED_IN } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { CreateRunDto } from './runs.dto';
import { RunResultDto } from './runs.responses';
import { RunsService } from './runs.service';
import { RunsThrottlerGuard } from './runs-throttler.guard';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** Staff (interviewers, question authors) run code against tests they supply. */
  @Post()
  @HttpCode(200)
  @UseGuards(RunsThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOkResponse({ type: RunResultDto })
  @ApiErrors(
    ...SIGNED_IN,
    ...JSON_BODY,
    'too-many-runs',
    'code-empty',
    'code-too-long',
    'invalid-run',
    'run-in-progress',
    'sandbox-busy',
  )
  run(@Body() dto: CreateRunDto, @CurrentUser() user: AuthUser): Promise<RunResult> {
    const limits = { timeMs: dto.timeLimitMs, memoryMb: dto.memoryLimitMb };
    return this.runs.run(`user:${user.id}`, { language: dto.language, code: dto.code, tests: dto.tests, limits });
  }
}
