import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { LruCache } from '../common/cache/lru-cache';
import { IntegrityModule } from '../integrity/integrity.module';
import { RunsModule } from '../runs/runs.module';
import { AttemptsGateway } from './attempts.gateway';
import { AttemptsRepository } from './attempts.repository';
import { ATTEMPT_ASSESSMENT_CACHE, AttemptsService } from './attempts.service';
import { CandidateRunsService } from './candidate-runs.service';
import { CandidateTokens } from './candidate-tokens.service';
import { CandidateController } from './candidate.controller';
import { CandidateGuard } from './candidate.guard';
import { DeadlineJobs } from './deadline.jobs';
import { DeadlineScheduler } from './deadline.scheduler';

/** The candidate's side of a timed attempt: session, saves, code runs, signals, submit, the deadline. */
@Module({
  imports: [AssessmentsModule, IntegrityModule, RunsModule],
  controllers: [CandidateController],
  providers: [
    AttemptsService,
    AttemptsRepository,
    CandidateRunsService,
    DeadlineScheduler,
    DeadlineJobs,
    CandidateTokens,
    CandidateGuard,
    AttemptsGateway,
    { provide: ATTEMPT_ASSESSMENT_CACHE, useValue: new LruCache<string>(100_000) },
  ],
  exports: [AttemptsService],
})
export class AttemptsModule {}
