import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RunnerPool, type RunRequest, type RunResult } from '@rubricon/sandbox';
import { APP_CONFIG, type AppConfig } from '../config';

/**
 * Owns the embedded pool of sandbox worker processes: started with the app, closed with it.
 * Candidate code never runs in this process. The workers are the runner (apps/runner/src/main.ts;
 * in a build dist/apps/runner/main.js), resolved by the sandbox library. Only RunsService uses this.
 */
@Injectable()
export class SandboxPool implements OnApplicationShutdown {
  private readonly logger = new Logger(SandboxPool.name);
  private pool?: Promise<RunnerPool>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  run(
    request: RunRequest,
    options: { key?: string; limit?: number; priority?: 'normal' | 'high' } = {},
  ): Promise<RunResult> {
    return this.started().then((pool) => pool.run(request, options));
  }

  started(): Promise<RunnerPool> {
    this.pool ??= RunnerPool.start({
      size: this.config.runnerPoolSize,
      onWorkerExit: ({ pid, reason }) => {
        if (reason === 'idle') this.logger.log(`Sandbox worker ${pid} ended between runs and is being replaced`);
        else
          this.logger.warn(
            `Sandbox worker ${pid} ${reason === 'overran' ? 'was killed after overrunning its deadline' : 'crashed during a run'}; it is being restarted`,
          );
      },
    }).then((pool) => {
      this.logger.log(`Sandbox pool started with ${pool.stats().size} worker process(es)`);
      return pool;
    });
    return this.pool;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pool) await (await this.pool).close();
  }
}
