import { CODE_LANGUAGES, MAIL_LANGS, type MailLang } from '@rubricon/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_INTERVIEW_MINUTES,
  MAX_INTERVIEW_QUESTIONS,
  MAX_PANEL_SIZE,
  type CodeLanguage,
  type InterviewStatus,
  type ScheduleInterviewRequest,
} from '@rubricon/contracts';
import { PageQuery } from '../common/page-query';
import { coded, Optional } from '../common/validation';
import { CandidateDto } from '../invitations/invitations.dto';

/** The shortest interview one can schedule, in minutes (the longest is the contracts' MAX_INTERVIEW_MINUTES). */
export const MIN_INTERVIEW_MINUTES = 5;
export const INTERVIEW_STATUSES = ['scheduled', 'live', 'ended'] satisfies InterviewStatus[];

// Each refusal a person can meet in the scheduling form has its own code, so the form can say which field.
const questionsRequired = coded('interview-questions-required', () => ({ max: MAX_INTERVIEW_QUESTIONS }));
const panelRequired = coded('panel-required', () => ({ max: MAX_PANEL_SIZE }));
const startInvalid = coded('interview-start-invalid');
const durationOutOfRange = coded('duration-out-of-range', (value) => ({
  minutes: Number(value),
  min: MIN_INTERVIEW_MINUTES,
  max: MAX_INTERVIEW_MINUTES,
}));

/** POST /interviews: a candidate (a new candidate row), questions in order, a panel, a time and a language. */
export class ScheduleInterviewDto implements ScheduleInterviewRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'postingId must be a posting id', context: coded('posting-not-found') })
  postingId: string;

  @ApiProperty({ type: CandidateDto })
  @IsObject({ message: 'candidate must be an object with a name and an email' })
  @ValidateNested()
  @Type(() => CandidateDto)
  candidate: CandidateDto;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_INTERVIEW_QUESTIONS,
    example: ['coding.two-sum'],
    description: 'Bank question ids, each once, in the order they will be asked.',
  })
  @IsArray({ message: 'questionIds must be a list', context: questionsRequired })
  @ArrayMinSize(1, { message: 'choose at least one question', context: questionsRequired })
  @ArrayMaxSize(MAX_INTERVIEW_QUESTIONS, { message: 'too many questions', context: questionsRequired })
  @ArrayUnique({ message: 'questionIds must not repeat a question', context: questionsRequired })
  @IsString({ each: true, message: 'questionIds must be bank question ids', context: questionsRequired })
  @MaxLength(120, { each: true, message: 'questionIds must be bank question ids', context: questionsRequired })
  questionIds: string[];

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_PANEL_SIZE,
    description: 'Staff user ids, each once; the order gives each their colour in the room.',
  })
  @IsArray({ message: 'panel must be a list', context: panelRequired })
  @ArrayMinSize(1, { message: 'choose at least one interviewer', context: panelRequired })
  @ArrayMaxSize(MAX_PANEL_SIZE, { message: 'too many interviewers', context: panelRequired })
  @ArrayUnique({ message: 'panel must not repeat an interviewer', context: panelRequired })
  @IsString({ each: true, message: 'panel must be staff user ids', context: panelRequired })
  @MaxLength(36, { each: true, message: 'panel must be staff user ids', context: coded('panel-member-unknown') })
  panel: string[];

  @ApiProperty({ format: 'date-time' })
  @IsString({ message: 'startsAt must be an ISO date and time', context: startInvalid })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO date and time', context: startInvalid })
  startsAt: string;

  @ApiProperty({ type: 'integer', minimum: MIN_INTERVIEW_MINUTES, maximum: MAX_INTERVIEW_MINUTES })
  @IsInt({ message: 'durationMinutes must be a whole number', context: durationOutOfRange })
  @Min(MIN_INTERVIEW_MINUTES, { message: 'durationMinutes is too short', context: durationOutOfRange })
  @Max(MAX_INTERVIEW_MINUTES, { message: 'durationMinutes is too long', context: durationOutOfRange })
  durationMinutes: number;

  @ApiProperty({ enum: CODE_LANGUAGES, enumName: 'CodeLanguage' })
  @IsIn(CODE_LANGUAGES, { message: 'language must be javascript, typescript or python' })
  language: CodeLanguage;

  @ApiPropertyOptional({
    enum: MAIL_LANGS,
    enumName: 'MailLang',
    default: 'zh',
    description: "The candidate's mail language",
  })
  @Optional()
  @IsIn(MAIL_LANGS, { message: 'candidateLang must be zh or en' })
  candidateLang?: MailLang;
}

/** GET /interviews: newest start first. */
export class ListInterviewsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INTERVIEW_STATUSES })
  @Optional()
  @IsIn(INTERVIEW_STATUSES, { message: 'status must be scheduled, live or ended' })
  status?: InterviewStatus;

  @ApiPropertyOptional({ description: "Matches part of the candidate's name or email, or of the posting's title" })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** PUT /interviews/:id/notes/mine/shared */
export class ShareNoteDto {
  @ApiProperty({ description: 'True: the rest of the panel may read the note.' })
  @IsBoolean()
  shared: boolean;
}
