import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  CandidateExplanation,
  MailMessageView,
  PostingAgreement,
  PostingScoreSummary,
  RankingPage,
  ScorecardView,
} from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { MailMessageDto } from '../mail/mail.responses';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CompareQuery, RankingCsvQuery, RankingQueryDto, SendExplanationDto } from './scorecards.dto';
import {
  CandidateExplanationDto,
  PostingAgreementDto,
  PostingScoreSummaryDto,
  RankingPageDto,
  ScorecardViewDto,
} from './scorecards.responses';
import { ScorecardsService } from './scorecards.service';

const CSV_RESPONSE = {
  description: 'CSV, UTF-8 with a byte order mark; cells starting with = + - @ tab or CR are neutralised.',
  content: { 'text/csv': { schema: { type: 'string' as const } } },
};

function sendCsv(res: Response, name: string, csv: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  return csv;
}

/** HR's scorecards: rankings, distributions, agreement, one candidate's scorecard, exports. */
@ApiTags('scorecards')
@ApiBearerAuth()
@Roles('admin', 'hr')
@ApiErrors(...SIGNED_IN, ...VALIDATED, 'role-required', 'posting-not-found')
@Controller('scorecards/postings/:postingId')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get('ranking')
  @ApiOkResponse({ type: RankingPageDto })
  ranking(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Query() query: RankingQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RankingPage> {
    return this.scorecards.ranking(postingId, query, user);
  }

  @Get('ranking.csv')
  @ApiOkResponse(CSV_RESPONSE)
  async rankingCsv(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Query() query: RankingCsvQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, `ranking-${postingId}.csv`, await this.scorecards.rankingCsv(postingId, query, user));
  }

  @Get('summary')
  @ApiOkResponse({ type: PostingScoreSummaryDto })
  summary(@Param('postingId', ParseUUIDPipe) postingId: string): Promise<PostingScoreSummary> {
    return this.scorecards.summary(postingId);
  }

  @Get('agreement')
  @ApiOkResponse({ type: PostingAgreementDto })
  agreement(@Param('postingId', ParseUUIDPipe) postingId: string): Promise<PostingAgreement> {
    return this.scorecards.agreement(postingId);
  }

  @Get('compare')
  @ApiOkResponse({ type: [ScorecardViewDto] })
  @ApiErrors('compare-too-many', 'scorecard-not-found', 'scores-withheld')
  compare(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Query() query: CompareQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<ScorecardView[]> {
    return this.scorecards.compare(postingId, query.candidates, user);
  }

  @Get('candidates/:candidateId')
  @ApiOkResponse({ type: ScorecardViewDto })
  @ApiErrors('scorecard-not-found', 'scores-withheld')
  card(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ScorecardView> {
    return this.scorecards.card(postingId, candidateId, user);
  }

  @Get('candidates/:candidateId/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @ApiErrors('scorecard-not-found', 'scores-withheld')
  async cardCsv(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCsv(res, `scorecard-${candidateId}.csv`, await this.scorecards.cardCsv(postingId, candidateId, user));
  }

  @Get('candidates/:candidateId/explanation')
  @ApiOkResponse({ type: CandidateExplanationDto, description: 'For the candidate: what was assessed and how.' })
  @ApiErrors('scorecard-not-found', 'scores-withheld')
  explanation(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CandidateExplanation> {
    return this.scorecards.explanation(postingId, candidateId, user);
  }

  /** Mails the explanation to the candidate in the language chosen. */
  @Post('candidates/:candidateId/explanation/send')
  @HttpCode(200)
  @ApiOkResponse({ type: MailMessageDto })
  @ApiErrors(...JSON_BODY, 'scorecard-not-found', 'scores-withheld', 'mail-disabled', 'mail-rate-limited')
  sendExplanation(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
    @Body() dto: SendExplanationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MailMessageView> {
    return this.scorecards.sendExplanation(postingId, candidateId, dto.lang, user);
  }
}
