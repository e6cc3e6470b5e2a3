import { Module } from '@nestjs/common';
import { BankModule } from '../bank/bank.module';
import { PostingsModule } from '../postings/postings.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [BankModule, PostingsModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService],
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
