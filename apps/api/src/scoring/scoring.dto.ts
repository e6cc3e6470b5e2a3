import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MAX_EVIDENCE_CHARS,
  MAX_LEVEL,
  MAX_RATERS,
  MIN_LEVEL,
  RECOMMENDATIONS,
  SUBJECT_KINDS,
  type AmendRequest,
  type Recommendation,
  type SaveSheetRequest,
  type ScoreInput,
  type SetRatersRequest,
  type SheetStatus,
  type SubjectKind,
} from '@rubricon/contracts';
import { PageQuery } from '../common/page-query';
import { coded, Optional } from '../common/validation';

const levelInvalid = coded('level-invalid', (value) => ({ level: JSON.stringify(value) ?? String(value) }));
const raterUnknown = coded('rater-unknown', () => ({ max: MAX_RATERS }));
/** How many criterion scores one save may carry (20 questions x 5 criteria, with room). */
const MAX_SCORES_PER_SAVE = 200;

/** `:kind/:id` of the scoring routes. */
export class SubjectParams {
  @ApiProperty({ enum: SUBJECT_KINDS })
  @IsIn(SUBJECT_KINDS, { message: 'kind must be attempt or interview', context: coded('subject-not-found') })
  kind: SubjectKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an attempt or interview id', context: coded('subject-not-found') })
  id: string;
}

export class SetRatersDto implements SetRatersRequest {
  @ApiProperty({ type: [String], description: `Staff user ids, at most ${MAX_RATERS}.` })
  @IsArray({ context: raterUnknown })
  @ArrayMaxSize(MAX_RATERS, { context: raterUnknown })
  @IsUUID('all', { each: true, context: raterUnknown })
  raterIds: string[];
}

export class ListReviewsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'submitted'] })
  @Optional()
  @IsIn(['pending', 'submitted'])
  status?: SheetStatus;
}

const nullable = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== null && o[key] !== undefined);

/** One criterion's score: the question, the criterion, a level (null: no evidence), an evidence note. */
class CriterionScoreDto {
  @ApiProperty()
  @IsString()
  @MaxLength(120)
  questionId: string;

  @ApiProperty()
  @IsString()
  @MaxLength(64)
  criterionId: string;

  @ApiProperty({ type: Number, nullable: true, minimum: MIN_LEVEL, maximum: MAX_LEVEL })
  @ValidateIf((o: CriterionScoreDto) => o.level !== null)
  @IsInt({ context: levelInvalid })
  @Min(MIN_LEVEL, { context: levelInvalid })
  @Max(MAX_LEVEL, { context: levelInvalid })
  level: number | null;

  @ApiPropertyOptional({ maxLength: MAX_EVIDENCE_CHARS })
  @Optional()
  @IsString()
  @MaxLength(MAX_EVIDENCE_CHARS)
  evidence?: string;
}

export class ScoreInputDto extends CriterionScoreDto implements ScoreInput {
  @ApiPropertyOptional({ maxLength: MAX_EVIDENCE_CHARS, description: 'Required to replace an automatic level.' })
  @Optional()
  @IsString()
  @MaxLength(MAX_EVIDENCE_CHARS)
  overrideReason?: string;
}

export class SaveSheetDto implements SaveSheetRequest {
  @ApiProperty({ type: [ScoreInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_SCORES_PER_SAVE)
  @ValidateNested({ each: true })
  @Type(() => ScoreInputDto)
  scores: ScoreInputDto[];

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, nullable: true })
  @nullable('recommendation')
  @IsIn(RECOMMENDATIONS)
  recommendation?: Recommendation | null;
}

export class AmendDto implements AmendRequest {
  @ApiProperty({ maxLength: MAX_EVIDENCE_CHARS })
  @IsString()
  @MaxLength(MAX_EVIDENCE_CHARS)
  reason: string;

  @ApiPropertyOptional({ type: CriterionScoreDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => CriterionScoreDto)
  score?: CriterionScoreDto;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, nullable: true })
  @nullable('recommendation')
  @IsIn(RECOMMENDATIONS)
  recommendation?: Recommendation | null;
}

export class BlindScoringDto {
  @ApiProperty()
  @IsBoolean({ message: 'blind must be true or false' })
  blind: boolean;
}
