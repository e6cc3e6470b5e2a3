import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shapes of the scorecard routes: the contracts' types (libs/contracts/src/scoring.ts), outlined. */

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class RankingPageDto {
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'RankingRow[]: rank, candidate, total (1-5) and percent, per competency, raters, flags, recommendations.',
  })
  items: unknown[];

  @ApiProperty()
  total: number;

  @ApiProperty(OBJECT)
  competencyLabels: Record<string, unknown>;
}

export class PostingScoreSummaryDto {
  @ApiProperty(OBJECT)
  posting: Record<string, unknown>;

  @ApiProperty()
  candidates: number;

  @ApiProperty()
  scored: number;

  @ApiProperty({ type: 'array', items: OBJECT, description: 'Totals in 0.5-wide bins from 1 to 5.' })
  distribution: unknown[];

  @ApiProperty({ type: 'array', items: OBJECT })
  competencies: unknown[];
}

export class PostingAgreementDto {
  @ApiProperty({ ...OBJECT, description: 'AgreementFigures: alpha (ordinal, interval), ICC six forms, bands.' })
  overall: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: OBJECT })
  criteria: unknown[];

  @ApiProperty({ type: 'array', items: OBJECT, description: "Each rater's mean offset from the panel." })
  calibration: unknown[];
}

export class ScorecardViewDto {
  @ApiProperty(OBJECT)
  posting: Record<string, unknown>;

  @ApiProperty(OBJECT)
  candidate: Record<string, unknown>;

  @ApiProperty({ type: Number, nullable: true })
  total: number | null;

  @ApiProperty({ type: Number, nullable: true })
  percent: number | null;

  @ApiProperty({ type: Number, nullable: true })
  rank: number | null;

  @ApiProperty()
  ranked: number;

  @ApiProperty({ type: 'array', items: OBJECT })
  competencies: unknown[];

  @ApiProperty({ type: 'array', items: OBJECT, description: "Per question, each criterion with every rater's level." })
  questions: unknown[];

  @ApiProperty({ type: 'array', items: OBJECT })
  raters: unknown[];

  @ApiProperty(OBJECT)
  recommendations: Record<string, unknown>;

  @ApiProperty({ type: [String] })
  flags: string[];

  @ApiProperty({ type: 'array', items: OBJECT, description: 'Advisory only, never part of the score.' })
  integrity: unknown[];

  @ApiProperty(OBJECT)
  formula: Record<string, unknown>;
}

export class CandidateExplanationDto {
  @ApiProperty()
  zh: string;

  @ApiProperty()
  en: string;
}
