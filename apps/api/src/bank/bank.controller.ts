import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BankQuestionSummary } from '@rubricon/contracts';
import { ApiErrors, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { Roles } from '../common/auth.decorators';
import { BankQueryDto } from './bank.dto';
import { BankQuestionSummaryDto } from './bank.responses';
import { BankService } from './bank.service';

@ApiTags('bank')
@ApiBearerAuth()
@Roles('admin', 'hr')
@ApiErrors(...SIGNED_IN, 'role-required')
@Controller('bank')
export class BankController {
  constructor(private readonly bank: BankService) {}

  @Get('questions')
  @ApiOkResponse({ type: [BankQuestionSummaryDto] })
  @ApiErrors(...VALIDATED)
  questions(@Query() query: BankQueryDto): Promise<BankQuestionSummary[]> {
    return this.bank.search(query);
  }
}
