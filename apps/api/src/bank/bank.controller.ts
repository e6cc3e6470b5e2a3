import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BankQuestionSummary } from '@rubricon/contracts';
import { Roles } from '../common/auth.decorators';
import { BankQueryDto } from './bank.dto';
import { BankService } from './bank.service';

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
