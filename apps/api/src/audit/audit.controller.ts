import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, Page } from '@rubricon/contracts';
import { ApiErrors, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { Roles } from '../common/auth.decorators';
import { ListAuditQuery } from './audit.dto';
import { AuditPageDto } from './audit.responses';
import { AuditService } from './audit.service';

/** Read only, on purpose: no route writes, edits or deletes an entry (services record them). */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin', 'hr')
@ApiErrors(...SIGNED_IN, 'role-required')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(...VALIDATED)
  list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    return this.audit.page({
      actions: query.action,
      actorId: query.actorId,
      targetType: query.targetType,
      targetId: query.targetId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      search: query.q,
      offset: query.offset,
      limit: query.limit,
    });
  }
}
