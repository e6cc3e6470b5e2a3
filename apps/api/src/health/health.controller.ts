import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiException } from '../common/api-exception';
import { Public } from '../common/auth.decorators';
import type { Dialect } from '../database/database';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRepository) {}

  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: Dialect }> {
    await this.health.ping().catch(() => {
      throw new ApiException('database-unavailable');
    });
    return { status: 'ok', database: this.health.dialect };
  }
}
