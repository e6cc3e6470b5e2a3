import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  QUESTION_KIND_ORDER,
  type AssessmentDutyView,
  type AssessmentQuestionView,
  type AssessmentStatus,
  type AssessmentSummary,
  type AssessmentView,
  type CodingDetailView,
  type DutyMatchView,
  type MatchStrength,
  type Page,
  type QuestionAlternative,
  type QuestionKind,
  type RubricCriterionView,
} from '@rubricon/contracts';
import { BankQuestionSummaryDto, BilingualTextDto } from '../bank/bank.responses';
import { ANY_JSON } from '../common/api-docs';

type RubricAnchors = RubricCriterionView['anchors'];

class RubricAnchorsDto implements RubricAnchors {
  @ApiProperty({ type: BilingualTextDto })
  noEvidence: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  '1': BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  '3': BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  '5': BilingualTextDto;
}

export class RubricCriterionDto implements RubricCriterionView {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: BilingualTextDto })
  name: BilingualTextDto;

  @ApiProperty()
  weight: number;

  @ApiPropertyOptional({ description: 'Scored from the hidden tests rather than by an interviewer.' })
  autoScored?: boolean;

  @ApiProperty({ type: RubricAnchorsDto })
  anchors: RubricAnchorsDto;
}

export class StarterCodeDto {
  @ApiProperty()
  javascript: string;

  @ApiProperty()
  typescript: string;

  @ApiProperty()
  python: string;
}

export class CodingExampleDto {
  @ApiProperty(ANY_JSON)
  input: unknown;

  @ApiProperty(ANY_JSON)
  expected: unknown;

  @ApiPropertyOptional({ type: BilingualTextDto })
  explanation?: BilingualTextDto;
}

class ComparatorDto {
  @ApiProperty({ enum: ['exact', 'numeric', 'unordered'] })
  kind: 'exact' | 'numeric' | 'unordered';

  @ApiPropertyOptional()
  tolerance?: number;
}

export class CodingDetailDto implements CodingDetailView {
  @ApiProperty({ type: StarterCodeDto })
  starter: StarterCodeDto;

  @ApiProperty({ type: [CodingExampleDto] })
  examples: CodingExampleDto[];

  @ApiProperty()
  hiddenTestCount: number;

  @ApiProperty({ type: ComparatorDto })
  comparator: ComparatorDto;
}

class DutyMatchDto implements DutyMatchView {
  @ApiProperty({ description: "Index into the assessment's duty lines." })
  index: number;

  @ApiProperty({
    enum: ['direct', 'partial'] satisfies MatchStrength[],
    description: 'direct: the question is about what the line says; partial: it touches the line or its competencies.',
  })
  strength: MatchStrength;

  @ApiProperty({ type: [String], description: "The line's words the question's text uses too, most telling first." })
  words: string[];

  @ApiProperty({ type: [String], description: "The line's competencies the question assesses." })
  competencies: string[];
}

class ComposedFromDto {
  @ApiProperty({ description: 'The duty line the question was composed from.' })
  duty: string;
}

class AssessmentQuestionDto extends BankQuestionSummaryDto implements AssessmentQuestionView {
  @ApiProperty({ type: BilingualTextDto })
  prompt: BilingualTextDto;

  @ApiProperty({ type: [RubricCriterionDto] })
  rubric: RubricCriterionDto[];

  @ApiProperty({ type: [BilingualTextDto] })
  probes: BilingualTextDto[];

  @ApiProperty({ type: [Number], description: "Indexes into the assessment's duty lines that this question assesses." })
  dutyIndexes: number[];

  @ApiProperty({ type: [DutyMatchDto], description: 'Why: how the question assesses each of those lines.' })
  dutyMatches: DutyMatchDto[];

  @ApiPropertyOptional({
    type: ComposedFromDto,
    description: 'Set on a question composed from a duty line the bank had no direct question for: HR reviews it.',
  })
  composedFrom?: ComposedFromDto;

  @ApiPropertyOptional({ type: CodingDetailDto, description: 'Coding questions only.' })
  coding?: CodingDetailDto;
}

class AssessmentSectionDto {
  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: [AssessmentQuestionDto] })
  questions: AssessmentQuestionDto[];
}

class DutyLineMatchDto {
  @ApiProperty()
  questionId: string;

  @ApiProperty({ enum: ['direct', 'partial'] satisfies MatchStrength[] })
  strength: MatchStrength;

  @ApiProperty({ type: [String] })
  words: string[];

  @ApiProperty({ type: [String] })
  competencies: string[];
}

class AssessmentDutyDto implements AssessmentDutyView {
  @ApiProperty()
  text: string;

  @ApiProperty()
  assessable: boolean;

  @ApiProperty()
  lowConfidence: boolean;

  @ApiProperty({ type: [String] })
  competencies: string[];

  @ApiProperty({ type: [String] })
  questionIds: string[];

  @ApiProperty({
    type: [DutyLineMatchDto],
    description: 'How each of those questions assesses the line, direct first.',
  })
  matches: DutyLineMatchDto[];
}

export class AssessmentSummaryDto implements AssessmentSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  postingId: string;

  @ApiProperty()
  postingTitle: string;

  @ApiProperty({ enum: ['draft', 'published'] satisfies AssessmentStatus[] })
  status: AssessmentStatus;

  @ApiProperty()
  roleFamily: string;

  @ApiProperty()
  durationMinutes: number;

  @ApiProperty()
  questionCount: number;

  @ApiProperty()
  coveragePercent: number;

  @ApiProperty({ type: Number, nullable: true })
  seed: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ description: "Raters see a pseudonym instead of the candidate's name and email." })
  blindScoring: boolean;
}

export class AssessmentViewDto extends AssessmentSummaryDto implements AssessmentView {
  @ApiProperty({
    description: "Minutes the questions need (the bank's estimates, summed), to compare with durationMinutes.",
  })
  questionMinutes: number;

  @ApiProperty({ enum: ['zh', 'en'] })
  lang: 'zh' | 'en';

  @ApiProperty()
  bankVersion: string;

  @ApiProperty({ type: [AssessmentSectionDto] })
  sections: AssessmentSectionDto[];

  @ApiProperty({ type: [AssessmentDutyDto] })
  duties: AssessmentDutyDto[];

  @ApiProperty({ type: [String] })
  uncoveredDuties: string[];

  @ApiProperty({ description: 'Assessable duty lines with a direct question, in percent.' })
  directPercent: number;

  @ApiProperty({ type: [String], description: 'Assessable duty lines no question assesses directly.' })
  indirectDuties: string[];

  @ApiProperty({
    type: [BilingualTextDto],
    description: 'Why the role got its family and its kinds of questions; empty for assessments made before.',
  })
  familyReasons: BilingualTextDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(BilingualTextDto) },
    description: 'Labels of every competency in the bank, by id.',
  })
  competencyLabels: Record<string, BilingualTextDto>;
}

class AlternativeDutyDto extends DutyMatchDto {
  @ApiProperty()
  text: string;
}

export class QuestionAlternativeDto extends BankQuestionSummaryDto implements QuestionAlternative {
  @ApiProperty({ type: [Number], description: 'Indexes of the duty lines this question assesses.' })
  dutyIndexes: number[];

  @ApiProperty({ type: [AlternativeDutyDto] })
  duties: AlternativeDutyDto[];

  @ApiProperty({
    description: "True when it assesses none of the posting's duty lines; such questions are no longer offered.",
  })
  coversNoDuty: boolean;
}

export class AssessmentPageDto implements Page<AssessmentSummary> {
  @ApiProperty({ type: [AssessmentSummaryDto] })
  items: AssessmentSummaryDto[];

  @ApiProperty({ description: 'All assessments that match, beyond this page.' })
  total: number;
}
