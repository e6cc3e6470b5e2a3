import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { RunsModule } from '../runs/runs.module';
import { ScoringModule } from '../scoring/scoring.module';
import { GradingRepository } from './grading.repository';
import { GradingService } from './grading.service';

@Module({
  imports: [AssessmentsModule, RunsModule, ScoringModule],
  providers: [GradingService, GradingRepository],
  exports: [GradingService],
})
export class GradingModule {}
