import { AssessmentQuestionEntity } from '../assessments/assessment-question.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { AnswerEntity } from '../attempts/answer.entity';
import { AttemptEntity } from '../attempts/attempt.entity';
import { CandidateEntity } from '../invitations/candidate.entity';
import { IntegrityEventEntity } from '../integrity/integrity-event.entity';
import { AttemptAdjustmentEntity } from '../invitations/attempt-adjustment.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { BankQuestionEntity } from '../bank/bank-question.entity';
import { BankVersionEntity } from '../bank/bank-version.entity';
import { DocumentImportEntity } from '../postings/document-import.entity';
import { PostingLineEntity } from '../postings/posting-line.entity';
import { PostingEntity } from '../postings/posting.entity';
import { UserEntity } from '../users/user.entity';
import { InterviewEntity } from '../interviews/interview.entity';
import { InterviewPanelEntity } from '../interviews/interview-panel.entity';
import { InterviewQuestionEntity } from '../interviews/interview-question.entity';
import {
  InterviewEventEntity,
  InterviewNoteEntity,
  InterviewSnapshotEntity,
  InterviewUpdateEntity,
} from '../interviews/interview-log.entities';
import { ScoreSheetEntity } from '../scoring/score-sheet.entity';
import { ScoreEntity } from '../scoring/score.entity';
import { ScoreAmendmentEntity } from '../scoring/score-amendment.entity';
import { ScorecardEntity } from '../scorecards/scorecard.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { MailMessageEntity } from '../mail/mail-message.entity';

/** Every entity, listed once: the app, the TypeORM CLI and the schema test share this list. */
export const ENTITIES = [
  UserEntity,
  PostingEntity,
  PostingLineEntity,
  DocumentImportEntity,
  BankQuestionEntity,
  BankVersionEntity,
  AssessmentEntity,
  AssessmentQuestionEntity,
  CandidateEntity,
  InvitationEntity,
  AttemptEntity,
  AnswerEntity,
  IntegrityEventEntity,
  AttemptAdjustmentEntity,
  InterviewEntity,
  InterviewPanelEntity,
  InterviewQuestionEntity,
  InterviewUpdateEntity,
  InterviewSnapshotEntity,
  InterviewEventEntity,
  InterviewNoteEntity,
  ScoreSheetEntity,
  ScoreEntity,
  ScoreAmendmentEntity,
  ScorecardEntity,
  AuditEntryEntity,
  MailMessageEntity,
];
