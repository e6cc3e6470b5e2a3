import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { QUESTION_KIND_ORDER, type BankQuestionSummary, type QuestionKind } from '@rubricon/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Optional } from '../common/validation';
import { Roles } from '../common/auth.decorators';
import { BankService } from './bank.service';

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

@ApiTags('bank')
@ApiBearerAuth()
@Roles('admin', 'hr')
@Controller('bank')
export class BankController {
  constructor(private readonly bank: BankService) {}

  @Get('questions')
  questions(@Query() query: BankQueryDto): Promise<BankQuestionSummary[]> {
    return this.bank.search(query);
  }
}
