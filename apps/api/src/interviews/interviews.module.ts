import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { BankModule } from '../bank/bank.module';
import { PostingsModule } from '../postings/postings.module';
import { RunsModule } from '../runs/runs.module';
import { ScoringModule } from '../scoring/scoring.module';
import { UsersModule } from '../users/users.module';
import { InterviewRoomRepository } from './interview-room.repository';
import { InterviewsController } from './interviews.controller';
import { InterviewsRepository } from './interviews.repository';
import { InterviewsService } from './interviews.service';
import { InterviewRoomService } from './room/interview-room.service';
import { InterviewsGateway } from './room/interviews.gateway';

/** Live interviews: scheduling and replay over REST, the room over socket.io /interviews. */
@Module({
  imports: [UsersModule, BankModule, PostingsModule, AssessmentsModule, RunsModule, ScoringModule],
  controllers: [InterviewsController],
  providers: [
    InterviewsService,
    InterviewsRepository,
    InterviewRoomRepository,
    InterviewRoomService,
    InterviewsGateway,
  ],
})
export class InterviewsModule {}
