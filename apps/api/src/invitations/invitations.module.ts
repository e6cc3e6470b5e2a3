import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { IntegrityModule } from '../integrity/integrity.module';
import { AttemptListController } from './attempt-list.controller';
import { AttemptListService } from './attempt-list.service';
import { AttemptReportsService } from './attempt-reports.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** HR's side of candidates: invitations, and reading the attempts they lead to. */
@Module({
  imports: [AssessmentsModule, IntegrityModule],
  controllers: [InvitationsController, AttemptListController],
  providers: [InvitationsService, AttemptReportsService, AttemptListService, InvitationsRepository],
  exports: [InvitationsService],
})
export class InvitationsModule {}
