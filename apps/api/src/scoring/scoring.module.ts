import { Module } from '@nestjs/common';
import { BankModule } from '../bank/bank.module';
import { IntegrityModule } from '../integrity/integrity.module';
import { ScorecardsController } from '../scorecards/scorecards.controller';
import { ScorecardsRepository } from '../scorecards/scorecards.repository';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { ScoringController } from './scoring.controller';
import { ScoringRepository } from './scoring.repository';
import { ScoringService } from './scoring.service';
import { SubjectLoader } from './subject-loader';

/**
 * Rater scoring (apps/api/src/scoring) and HR's scorecards (apps/api/src/scorecards): one module,
 * because every change to a sheet recomputes the candidate's stored scorecard in the same request.
 */
@Module({
  imports: [BankModule, IntegrityModule],
  controllers: [ScoringController, ScorecardsController],
  providers: [ScoringRepository, SubjectLoader, ScoringService, ScorecardsRepository, ScorecardsService],
  exports: [ScoringService, ScorecardsService],
})
export class ScoringModule {}
