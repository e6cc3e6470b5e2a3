import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { ApiException } from '../common/api-exception';
import { Public } from '../common/auth.decorators';
import { ShutdownService } from '../common/shutdown';
import type { Dialect } from '../database/database';
import { HealthRepository } from './health.repository';
import { HealthDto, ReadyDto } from './health.responses';
import { ReadinessChecks } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthRepository,
    private readonly readiness: ReadinessChecks,
    private readonly shutdown: ShutdownService,
  ) {}

  /** Liveness: the process serves HTTP and reaches its database. It stays up while the instance drains. */
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

  /**
   * Readiness, for the proxy or orchestrator: send this instance traffic only while it answers 200.
   * 503 `shutting-down` from SIGTERM on; 503 `not-ready` naming what does not answer.
   */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadyDto })
  @ApiErrors('not-ready', 'shutting-down')
  async ready(): Promise<{ status: 'ready' }> {
    if (this.shutdown.shuttingDown) throw new ApiException('shutting-down');
    const failing = await this.readiness.failing();
    // Shutdown may have begun while the checks ran: say so rather than "ready".
    if (this.shutdown.shuttingDown) throw new ApiException('shutting-down');
    if (failing.length) throw new ApiException('not-ready', { failed: failing.join(', ') });
    return { status: 'ready' };
  }
}
