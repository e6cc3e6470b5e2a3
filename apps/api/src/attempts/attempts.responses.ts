import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CODE_LANGUAGES,
  QUESTION_KIND_ORDER,
  type AttemptStatus,
  type CandidateAnswer,
  type CandidateAttemptView,
  type CandidateCustomRunResult,
  type CandidateHiddenRunResult,
  type CandidateQuestionView,
  type CandidateSessionResponse,
  type CandidateVisibleRunResult,
  type CodeLanguage,
  type QuestionKind,
  type SaveAnswerAck,
} from '@rubricon/contracts';
import { CodingExampleDto, StarterCodeDto } from '../assessments/assessments.responses';
import { BilingualTextDto } from '../bank/bank.responses';
import { TestResultDto, VERDICTS } from '../runs/runs.responses';

export const ATTEMPT_STATUSES = ['invited', 'in_progress', 'submitted', 'expired'] satisfies AttemptStatus[];

export class CandidateSessionResponseDto implements CandidateSessionResponse {
  @ApiProperty({ description: 'Bearer token for the candidate routes, scoped to this attempt.' })
  accessToken: string;

  @ApiProperty({ format: 'uuid' })
  attemptId: string;
}

class LengthGuidanceDto {
  @ApiProperty()
  min: number;

  @ApiProperty()
  max: number;
}

class CandidateCodingDto implements NonNullable<CandidateQuestionView['coding']> {
  @ApiProperty({ type: StarterCodeDto })
  starter: StarterCodeDto;

  @ApiProperty({ type: [CodingExampleDto] })
  examples: CodingExampleDto[];

  @ApiProperty()
  hiddenTestCount: number;
}

class CandidateQuestionDto implements CandidateQuestionView {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  prompt: BilingualTextDto;

  @ApiProperty()
  minutes: number;

  @ApiPropertyOptional({ type: LengthGuidanceDto, description: 'Text answers: a suggested length in characters.' })
  lengthGuidance?: LengthGuidanceDto;

  @ApiPropertyOptional({ type: CandidateCodingDto, description: 'Coding questions only.' })
  coding?: CandidateCodingDto;
}

export class CandidateAnswerDto implements CandidateAnswer {
  @ApiProperty()
  questionId: string;

  @ApiProperty()
  content: string;

  @ApiPropertyOptional({ enum: CODE_LANGUAGES, description: 'Coding answers only.' })
  language?: CodeLanguage;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  savedAt: string;
}

class CandidateSectionDto {
  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty()
  questionCount: number;
}

export class CandidateAttemptViewDto implements CandidateAttemptView {
  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ enum: ATTEMPT_STATUSES, enumName: 'AttemptStatus' })
  status: AttemptStatus;

  @ApiProperty()
  candidateName: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  durationMinutes: number;

  @ApiProperty({ type: [CandidateSectionDto] })
  sections: CandidateSectionDto[];

  @ApiProperty({ type: [CandidateQuestionDto], description: 'Empty until the attempt has started.' })
  questions: CandidateQuestionDto[];

  @ApiProperty({ type: [CandidateAnswerDto] })
  answers: CandidateAnswerDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadline: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Computed at response time; count down from it.' })
  remainingMs: number | null;

  @ApiProperty({ format: 'date-time' })
  serverTime: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: string | null;
}

export class SaveAnswerAckDto implements SaveAnswerAck {
  @ApiProperty()
  questionId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  savedAt: string;
}

export class CandidateVisibleRunResultDto implements CandidateVisibleRunResult {
  @ApiProperty({ enum: ['visible'] })
  mode: 'visible';

  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' })
  verdict: string;

  @ApiProperty({ type: [TestResultDto] })
  tests: TestResultDto[];
}

export class CandidateCustomRunResultDto implements CandidateCustomRunResult {
  @ApiProperty({ enum: ['custom'] })
  mode: 'custom';

  @ApiProperty({ enum: ['ok', 'error', 'timeout', 'memory', 'crashed'], description: 'ok: solve returned' })
  verdict: CandidateCustomRunResult['verdict'];

  @ApiProperty()
  durationMs: number;

  @ApiPropertyOptional({ description: 'JSON text of what solve returned' })
  output?: string;

  @ApiPropertyOptional()
  error?: string;

  @ApiPropertyOptional({ type: [String] })
  logs?: string[];
}

export class CandidateHiddenRunResultDto implements CandidateHiddenRunResult {
  @ApiProperty({ enum: ['hidden'] })
  mode: 'hidden';

  @ApiProperty()
  passed: number;

  @ApiProperty()
  total: number;
}

export class OkDto {
  @ApiProperty({ enum: [true] })
  ok: true;
}
