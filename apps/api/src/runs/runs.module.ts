import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { QueuedRuns } from './queued-runs';
import { RunBackend } from './run-backend';
import { SandboxPool } from './sandbox-pool.provider';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

/** Without REDIS_URL code runs in this process's pool; with it, through the queue to the runners. */
const runBackend = {
  provide: RunBackend,
  inject: [APP_CONFIG, SandboxPool],
  useFactory: (config: AppConfig, pool: SandboxPool): RunBackend =>
    config.redis ? new QueuedRuns(config.redis, pool, config.runnerPoolSize) : pool,
};

@Module({
  controllers: [RunsController],
  providers: [SandboxPool, runBackend, RunsService],
  exports: [RunsService, RunBackend],
})
export class RunsModule {}
