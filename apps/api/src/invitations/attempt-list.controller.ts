import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { AttemptListItem, Page } from '@rubricon/contracts';
import { ApiErrors, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { Roles } from '../common/auth.decorators';
import { ListAttemptsQuery } from './attempt-list.dto';
import { AttemptListService } from './attempt-list.service';
import { AttemptSummaryDto } from './invitations.responses';

class AttemptAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  postingTitle: string;
}

class AttemptListItemDto extends AttemptSummaryDto implements AttemptListItem {
  @ApiProperty({ type: AttemptAssessmentDto })
  assessment: AttemptAssessmentDto;
}

class AttemptPageDto implements Page<AttemptListItem> {
  @ApiProperty({ type: [AttemptListItemDto] })
  items: AttemptListItemDto[];

  @ApiProperty({ description: 'All attempts that match, beyond this page.' })
  total: number;
}

/** Attempts across assessments: HR's candidates page (the same roles as the rest of invitations). */
@ApiTags('invitations')
@ApiBearerAuth()
@Roles('admin', 'hr')
@ApiErrors(...SIGNED_IN, 'role-required', ...VALIDATED)
@Controller()
export class AttemptListController {
  constructor(private readonly attempts: AttemptListService) {}

  @Get('attempts')
  @ApiOkResponse({ type: AttemptPageDto })
  list(@Query() query: ListAttemptsQuery): Promise<Page<AttemptListItem>> {
    return this.attempts.page(query);
  }
}
