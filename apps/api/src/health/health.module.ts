import { Global, Module } from '@nestjs/common';
import { ShutdownService } from '../common/shutdown';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { ReadinessChecks } from './readiness';

/**
 * Liveness (/api/health), readiness (/api/health/ready) and the graceful shutdown that turns the
 * latter unready first. Global: other modules register readiness checks, and the socket
 * instrumentation asks whether the instance is shutting down.
 */
@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthRepository, ReadinessChecks, ShutdownService],
  exports: [ReadinessChecks, ShutdownService],
})
export class HealthModule {}
