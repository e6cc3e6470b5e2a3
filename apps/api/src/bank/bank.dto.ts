import { ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_KIND_ORDER, type QuestionKind } from '@rubricon/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Optional } from '../common/validation';

export class BankQueryDto {
  @ApiPropertyOptional({ enum: QUESTION_KIND_ORDER })
  @Optional()
  @IsIn(QUESTION_KIND_ORDER, { message: `kind must be one of: ${QUESTION_KIND_ORDER.join(', ')}` })
  kind?: QuestionKind;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(40)
  competency?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
