import { MAIL_LANGS, type MailLang } from '@rubricon/contracts';
import { MailStatusSummaryDto } from '../mail/mail.responses';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  QUESTION_KIND_ORDER,
  type CodeLanguage,
  type InterviewAuthorRole,
  type InterviewDetail,
  type InterviewEventKind,
  type InterviewEventView,
  type InterviewLinkResponse,
  type InterviewListResponse,
  type InterviewNoteView,
  type InterviewPanelMember,
  type InterviewParticipant,
  type InterviewQuestionChoice,
  type InterviewQuestionView,
  type InterviewReplay,
  type InterviewRunResult,
  type InterviewStatus,
  type InterviewSummary,
  type QuestionKind,
  type ReplayUpdate,
} from '@rubricon/contracts';
import { CodingDetailDto, RubricCriterionDto } from '../assessments/assessments.responses';
import { CandidateCustomRunResultDto, CandidateVisibleRunResultDto } from '../attempts/attempts.responses';
import { BilingualTextDto } from '../bank/bank.responses';
import { CODE_LANGUAGES } from '@rubricon/contracts';
import { INTERVIEW_STATUSES } from './interviews.dto';

/** The OpenAPI shapes of the interview routes (scheduling, reading, notes, replay): the contracts' types, documented. */

const EVENT_KINDS = ['start', 'join', 'leave', 'reveal', 'run', 'end'] satisfies InterviewEventKind[];

export class InterviewPanelMemberDto implements InterviewPanelMember {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ['admin', 'hr', 'interviewer'] })
  role: string;
}

class InterviewCandidateDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;
}

export class InterviewSummaryDto implements InterviewSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  postingId: string;

  @ApiProperty()
  postingTitle: string;

  @ApiProperty({ type: InterviewCandidateDto })
  candidate: InterviewCandidateDto;

  @ApiProperty({ enum: INTERVIEW_STATUSES, enumName: 'InterviewStatus' })
  status: InterviewStatus;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty()
  durationMinutes: number;

  @ApiProperty({ enum: CODE_LANGUAGES, enumName: 'CodeLanguage' })
  language: CodeLanguage;

  @ApiProperty({ type: [InterviewPanelMemberDto], description: 'In panel order.' })
  panel: InterviewPanelMemberDto[];

  @ApiProperty()
  questionCount: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'True when the caller is on the panel and may join the room.' })
  onPanel: boolean;

  @ApiProperty({ enum: MAIL_LANGS, enumName: 'MailLang', description: "The language of the candidate's mail" })
  candidateLang: MailLang;
}

export class InterviewListResponseDto implements InterviewListResponse {
  @ApiProperty({ type: [InterviewSummaryDto] })
  items: InterviewSummaryDto[];

  @ApiProperty({ description: 'All interviews that match, beyond this page.' })
  total: number;
}

class InterviewQuestionViewDto implements InterviewQuestionView {
  @ApiProperty({ format: 'uuid', description: "The interview question's id (the room and replay use it)." })
  id: string;

  @ApiProperty()
  position: number;

  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  prompt: BilingualTextDto;

  @ApiProperty()
  minutes: number;

  @ApiProperty({ type: [String] })
  competencies: string[];

  @ApiProperty({ type: [RubricCriterionDto] })
  rubric: RubricCriterionDto[];

  @ApiProperty({ type: [BilingualTextDto] })
  probes: BilingualTextDto[];

  @ApiPropertyOptional({ type: CodingDetailDto, description: 'Coding questions only; hidden tests as a count.' })
  coding?: CodingDetailDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revealedAt: string | null;
}

export class InterviewNoteViewDto implements InterviewNoteView {
  @ApiProperty({ format: 'uuid' })
  authorId: string;

  @ApiProperty()
  authorName: string;

  @ApiProperty({ description: 'Markdown.' })
  body: string;

  @ApiProperty()
  shared: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class InterviewDetailDto extends InterviewSummaryDto implements InterviewDetail {
  @ApiProperty({ type: [InterviewQuestionViewDto], description: 'In the order they are asked.' })
  questions: InterviewQuestionViewDto[];

  @ApiProperty({
    type: [InterviewNoteViewDto],
    description: "The caller's own note and the other panel members' shared ones.",
  })
  notes: InterviewNoteViewDto[];
}

export class InterviewLinkResponseDto implements InterviewLinkResponse {
  @ApiProperty({ type: InterviewSummaryDto })
  interview: InterviewSummaryDto;

  @ApiProperty({
    description: "The candidate's page, /live/<token>; shown once, as only a hash of the token is stored.",
  })
  link: string;

  @ApiProperty({
    type: MailStatusSummaryDto,
    nullable: true,
    description: 'The mail carrying the link; null when mail is off',
  })
  mail: MailStatusSummaryDto | null;
}

export class InterviewQuestionChoiceDto implements InterviewQuestionChoice {
  @ApiProperty({ example: 'coding.two-sum' })
  id: string;

  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiProperty({ type: [String] })
  competencies: string[];

  @ApiProperty()
  minutes: number;

  @ApiProperty()
  difficulty: number;

  @ApiProperty({ description: "True for the questions of the posting's newest assessment, which come first." })
  inAssessment: boolean;
}

class InterviewParticipantDto implements InterviewParticipant {
  @ApiProperty({ description: 'A staff user id, `candidate` or `system`.' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['interviewer', 'candidate', 'system'] })
  role: InterviewAuthorRole;

  @ApiProperty({ example: '#1677ff' })
  colour: string;
}

export class ReplayUpdateDto implements ReplayUpdate {
  @ApiProperty()
  seq: number;

  @ApiProperty({ description: 'Server time, ms since the epoch.' })
  at: number;

  @ApiProperty({ description: 'A participant id.' })
  author: string;

  @ApiProperty({ format: 'byte', description: 'The Yjs update, base64.' })
  update: string;
}

class RunErrorDto {
  @ApiProperty({ enum: ['error'] })
  mode: 'error';

  @ApiProperty({ description: 'An error code.' })
  code: string;

  @ApiProperty()
  error: string;
}

export class InterviewRunResultDto implements InterviewRunResult {
  @ApiProperty()
  runId: string;

  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({ description: 'Participant id of whoever pressed Run.' })
  by: string;

  @ApiProperty({ enum: CODE_LANGUAGES, enumName: 'CodeLanguage' })
  language: CodeLanguage;

  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(CandidateVisibleRunResultDto) },
      { $ref: getSchemaPath(CandidateCustomRunResultDto) },
      { $ref: getSchemaPath(RunErrorDto) },
    ],
  })
  result: InterviewRunResult['result'];
}

class InterviewEventViewDto implements InterviewEventView {
  @ApiProperty({ description: 'Server time, ms since the epoch.' })
  at: number;

  @ApiProperty({ enum: EVENT_KINDS, enumName: 'InterviewEventKind' })
  kind: InterviewEventKind;

  @ApiProperty({ description: 'A participant id.' })
  actor: string;

  @ApiPropertyOptional({ format: 'uuid' })
  questionId?: string;

  @ApiPropertyOptional({ type: InterviewRunResultDto, description: 'run events: who ran what and what came back.' })
  run?: InterviewRunResultDto;
}

class ReplayQuestionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  position: number;

  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;
}

export class InterviewReplayDto implements InterviewReplay {
  @ApiProperty({ format: 'uuid' })
  interviewId: string;

  @ApiProperty({ enum: INTERVIEW_STATUSES, enumName: 'InterviewStatus' })
  status: InterviewStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: string | null;

  @ApiProperty({ type: [InterviewParticipantDto], description: 'The candidate, the panel in order, then the system.' })
  participants: InterviewParticipantDto[];

  @ApiProperty({ type: [ReplayQuestionDto] })
  questions: ReplayQuestionDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(ReplayUpdateDto) } },
    description:
      "Each interview question's document log by question id, oldest first: applied in order to an empty Y.Doc it rebuilds the code.",
  })
  logs: Record<string, ReplayUpdateDto[]>;

  @ApiProperty({ type: [InterviewEventViewDto], description: 'Oldest first.' })
  events: InterviewEventViewDto[];
}

/** Models referenced only through `$ref` above: the controller registers them. */
export const REPLAY_EXTRA_MODELS = [
  ReplayUpdateDto,
  RunErrorDto,
  CandidateVisibleRunResultDto,
  CandidateCustomRunResultDto,
] as const;
