import { ApiProperty } from '@nestjs/swagger';
import {
  QUESTION_KIND_ORDER,
  type BankQuestionSummary,
  type BilingualText,
  type QuestionKind,
} from '@rubricon/contracts';

export class BilingualTextDto implements BilingualText {
  @ApiProperty()
  zh: string;

  @ApiProperty()
  en: string;
}

export class BankQuestionSummaryDto implements BankQuestionSummary {
  @ApiProperty({ example: 'coding.intent-router' })
  id: string;

  @ApiProperty({ enum: QUESTION_KIND_ORDER, enumName: 'QuestionKind' })
  kind: QuestionKind;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiProperty({ type: [String] })
  competencies: string[];

  @ApiProperty({ type: [String] })
  roleFamilies: string[];

  @ApiProperty()
  difficulty: number;

  @ApiProperty()
  minutes: number;
}
