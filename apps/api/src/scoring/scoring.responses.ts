import { ApiProperty } from '@nestjs/swagger';
import { InterviewPanelMemberDto } from '../interviews/interviews.responses';
import {
  RECOMMENDATIONS,
  SUBJECT_KINDS,
  type RaterAssignment,
  type Recommendation,
  type ReviewSummary,
  type ScoreSheetView,
  type SheetStatus,
} from '@rubricon/contracts';

/** The OpenAPI shapes of the scoring routes: the contracts' types (libs/contracts/src/scoring.ts), documented. */

const OBJECT = { type: 'object', additionalProperties: true } as const;
const STATUSES = ['pending', 'submitted'] satisfies SheetStatus[];

/** A staff member who can be chosen as a rater: the same shape as a panel member. */
export { InterviewPanelMemberDto as StaffOptionDto };

export class RaterAssignmentDto implements RaterAssignment {
  @ApiProperty({ type: InterviewPanelMemberDto })
  rater: InterviewPanelMemberDto;

  @ApiProperty({ enum: STATUSES })
  status: SheetStatus;

  @ApiProperty({ format: 'date-time' })
  assignedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  submittedAt: string | null;
}

class SubjectRefDto {
  @ApiProperty({ enum: SUBJECT_KINDS })
  kind: 'attempt' | 'interview';

  @ApiProperty({ format: 'uuid' })
  id: string;
}

class PostingRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;
}

export class ReviewSummaryDto implements ReviewSummary {
  @ApiProperty({ type: SubjectRefDto })
  subject: SubjectRefDto;

  @ApiProperty({ type: PostingRefDto })
  posting: PostingRefDto;

  @ApiProperty({ description: 'The name, or a pseudonym when the assessment is scored blind.' })
  candidateLabel: string;

  @ApiProperty()
  blind: boolean;

  @ApiProperty({ enum: STATUSES })
  status: SheetStatus;

  @ApiProperty({ format: 'date-time' })
  assignedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  submittedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;
}

export class ReviewPageDto {
  @ApiProperty({ type: [ReviewSummaryDto] })
  items: ReviewSummaryDto[];

  @ApiProperty()
  total: number;
}

export class ScoreSheetViewDto implements Pick<ScoreSheetView, 'candidateLabel' | 'blind' | 'status'> {
  @ApiProperty({ type: SubjectRefDto })
  subject: SubjectRefDto;

  @ApiProperty({ type: PostingRefDto })
  posting: PostingRefDto;

  @ApiProperty()
  candidateLabel: string;

  @ApiProperty()
  blind: boolean;

  @ApiProperty({ enum: STATUSES })
  status: SheetStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  submittedAt: string | null;

  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true })
  recommendation: Recommendation | null;

  @ApiProperty({ type: 'array', items: OBJECT, description: 'AmendmentView[] of the recommendation.' })
  recommendationAmendments: unknown[];

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description: 'SheetQuestion[]: prompt, rubric with anchors and automatic levels, the answer, hidden-test results.',
  })
  questions: unknown[];

  @ApiProperty({ type: 'array', items: OBJECT, description: "CriterionScore[]: the caller's scores." })
  scores: unknown[];

  @ApiProperty(OBJECT)
  competencyLabels: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    nullable: true,
    description: "OtherRaterSheet[]: null until the caller has submitted; then the other raters' sheets.",
  })
  others: unknown[] | null;
}

export class BlindScoringResponseDto {
  @ApiProperty()
  blind: boolean;
}
