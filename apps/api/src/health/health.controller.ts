import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { ApiException } from '../common/api-exception';
import { Public } from '../common/auth.decorators';
import type { Dialect } from '../database/database';
import { HealthRepository } from './health.repository';
import { HealthDto } from './health.responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRepository) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiErrors('database-unavailable')
  async check(): Promise<{ status: 'ok'; database: Dialect }> {
    await this.health.ping().catch(() => {
      throw new ApiException('database-unavailable');
    });
    return { status: 'ok', database: this.health.dialect };
  }
}
