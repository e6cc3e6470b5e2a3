import { MailStatusSummaryDto } from '../mail/mail.responses';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  MAIL_LANGS,
  QUESTION_KIND_ORDER,
  type MailLang,
  type AttemptAdjustment,
  type AttemptAdjustmentKind,
  type AttemptDetail,
  type AttemptStatus,
  type AttemptSummary,
  type IntegrityEventType,
  type IntegrityEventView,
  type InvitationLink,
  type QuestionKind,
  type AttemptAnswer,
  type IntegritySummary,
} from '@rubricon/contracts';
import { ATTEMPT_STATUSES, CandidateAnswerDto } from '../attempts/attempts.responses';
import { BilingualTextDto } from '../bank/bank.responses';

class InvitedCandidateDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;
}

export class InvitationLinkDto implements InvitationLink {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;

  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ type: InvitedCandidateDto })
  candidate: InvitedCandidateDto;

  @ApiProperty({ description: 'Shown once: only a hash of the token is stored.' })
  url: string;

  @ApiProperty()
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({
    type: MailStatusSummaryDto,
    nullable: true,
    description: 'The mail carrying the link; null when mail is off',
  })
  mail: MailStatusSummaryDto | null;
}

class AttemptCandidateDto extends InvitedCandidateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

class InvitationStateDto {
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  usedAt: string | null;
}

export class AttemptSummaryDto implements AttemptSummary {
  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ format: 'uuid' })
  invitationId: string;

  @ApiProperty({ type: AttemptCandidateDto })
  candidate: AttemptCandidateDto;

  @ApiProperty({ enum: ATTEMPT_STATUSES, enumName: 'AttemptStatus' })
  status: AttemptStatus;

  @ApiProperty({ type: InvitationStateDto })
  invitation: InvitationStateDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadline: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: string | null;

  @ApiProperty({ type: String, enum: ['candidate', 'deadline', null], nullable: true })
  submittedBy: 'candidate' | 'deadline' | null;

  @ApiProperty({ type: 'integer', description: 'Extra time staff gave, in minutes, included in the deadline' })
  extraMinutes: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Auto-scored coding share so far, 0..100; null until graded.',
  })
  autoScorePercent: number | null;

  @ApiProperty()
  integrityEventCount: number;

  @ApiProperty({ type: MailStatusSummaryDto, nullable: true, description: 'The newest mail about the attempt' })
  mail: MailStatusSummaryDto | null;

  @ApiProperty({ enum: MAIL_LANGS, enumName: 'MailLang', description: "The language of the candidate's mail" })
  mailLang: MailLang;
}

class GradingDto {
  @ApiProperty()
  passed: number;

  @ApiProperty()
  total: number;

  @ApiProperty()
  score: number;

  @ApiProperty({ type: String, nullable: true })
  criterionId: string | null;

  @ApiProperty()
  criterionScore: number;
}

class AttemptAnswerDto extends OmitType(CandidateAnswerDto, ['savedAt'] as const) implements AttemptAnswer {
  @ApiProperty({ description: "The candidate's own number of the question, from 1." })
  number: number;

  @ApiProperty({ description: 'False when the candidate saved nothing: content is empty, version 0, savedAt null.' })
  answered: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  savedAt: string | null;

  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiPropertyOptional({ type: GradingDto, description: 'Coding answers, once graded.' })
  grading?: GradingDto;
}

const INTEGRITY_EVENT_TYPES = [
  'paste',
  'blur',
  'focus',
  'resize',
  'hidden',
  'visible',
  'hidden-run',
] satisfies IntegrityEventType[];

class IntegrityEventViewDto implements IntegrityEventView {
  @ApiProperty({ enum: INTEGRITY_EVENT_TYPES, enumName: 'IntegrityEventType' })
  type: IntegrityEventType;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { size: 120 } })
  detail: Record<string, number>;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiPropertyOptional()
  questionId?: string;
}

class AdjustmentByDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;
}

export class AttemptAdjustmentDto implements AttemptAdjustment {
  @ApiProperty({ enum: ['new-link', 'extra-time', 'revoked'] })
  kind: AttemptAdjustmentKind;

  @ApiProperty({ type: 'integer', nullable: true, description: 'extra-time only: the minutes added' })
  minutes: number | null;

  @ApiProperty({ type: AdjustmentByDto, description: 'The staff user who made it' })
  by: AdjustmentByDto;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

class PasteSummaryDto {
  @ApiProperty()
  count: number;

  @ApiProperty({ description: 'Characters pasted in all.' })
  totalCharacters: number;
}

class AwaySummaryDto {
  @ApiProperty()
  count: number;

  @ApiProperty({ description: 'Milliseconds away in all.' })
  totalMs: number;
}

class RunSummaryDto {
  @ApiProperty()
  count: number;
}

class IntegritySummaryDto implements IntegritySummary {
  @ApiProperty({ type: PasteSummaryDto })
  pastes: PasteSummaryDto;

  @ApiProperty({ type: AwaySummaryDto, description: 'Times the page lost focus or was hidden.' })
  away: AwaySummaryDto;

  @ApiProperty({ type: RunSummaryDto, description: 'Hidden-test runs.' })
  runs: RunSummaryDto;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Signals by kind.' })
  byKind: Record<IntegrityEventType, number>;
}

export class AttemptDetailDto extends AttemptSummaryDto implements AttemptDetail {
  @ApiProperty({ format: 'uuid' })
  assessmentId: string;

  @ApiProperty({
    type: [AttemptAnswerDto],
    description: "Every question in the candidate's order, unanswered ones too.",
  })
  answers: AttemptAnswerDto[];

  @ApiProperty({ type: IntegritySummaryDto })
  integritySummary: IntegritySummaryDto;

  @ApiProperty({ type: [IntegrityEventViewDto] })
  timeline: IntegrityEventViewDto[];

  @ApiProperty({ type: [AttemptAdjustmentDto], description: 'New links, extra time and revocations, oldest first' })
  adjustments: AttemptAdjustmentDto[];
}
