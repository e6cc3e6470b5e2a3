import { Module } from '@nestjs/common';
import { BankModule } from '../bank/bank.module';
import { PostingsModule } from '../postings/postings.module';
import { AssessmentDraftsService } from './assessment-drafts.service';
import { AssessmentQuestionsService } from './assessment-questions.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { deliveryCacheProvider } from './delivery';

@Module({
  imports: [BankModule, PostingsModule],
  controllers: [AssessmentsController],
  providers: [
    AssessmentsRepository,
    AssessmentDraftsService,
    AssessmentsService,
    AssessmentQuestionsService,
    deliveryCacheProvider,
  ],
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
