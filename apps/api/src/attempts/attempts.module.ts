import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { RunsModule } from '../runs/runs.module';
import { AttemptsGateway } from './attempts.gateway';
import { AttemptsService } from './attempts.service';
import { CandidateGuard, CandidateTokens } from './candidate-auth';
import { CandidateController } from './candidate.controller';
import { CandidateRunsService } from './candidate-runs.service';
import { DeadlineScheduler } from './deadline.scheduler';
import { GradingService } from './grading.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AssessmentsModule, RunsModule],
  controllers: [CandidateController, InvitationsController],
  providers: [
    AttemptsService,
    InvitationsService,
    CandidateRunsService,
    GradingService,
    DeadlineScheduler,
    CandidateTokens,
    CandidateGuard,
    AttemptsGateway,
  ],
  exports: [AttemptsService],
})
export class AttemptsModule {}
