import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { RunsModule } from '../runs/runs.module';
import { GradingRepository } from './grading.repository';
import { GradingService } from './grading.service';

@Module({
  imports: [AssessmentsModule, RunsModule],
  providers: [GradingService, GradingRepository],
  exports: [GradingService],
})
export class GradingModule {}
