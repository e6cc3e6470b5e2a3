import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RunnerPool, type RunRequest, type RunResult } from '@rubricon/sandbox';
import { APP_CONFIG, type AppConfig } from '../config';
import { RunBackend, type BackendRunOptions } from './run-backend';

/**
 * Owns the embedded pool of sandbox worker processes: started with the app, closed with it.
 * Candidate code never runs in this process. The workers are the runner (apps/runner/src/main.ts;
 * in a build dist/apps/runner/main.js), resolved by the sandbox library. Only RunsService uses this,
 * as its RunBackend without REDIS_URL; with REDIS_URL and RUNNERS=embedded the queue consumer uses it.
 */
@Injectable()
export class SandboxPool extends RunBackend implements OnApplicationShutdown {
  private readonly logger = new Logger(SandboxPool.name);
  private pool?: Promise<RunnerPool>;
  private closing?: Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  run(request: RunRequest, options: BackendRunOptions = {}): Promise<RunResult> {
    return this.started().then((pool) => pool.run(request, options));
  }

  /** Runs waiting for a worker; 0 before the pool has started (it starts with the first run). */
  async depth(): Promise<number> {
    return this.pool ? (await this.pool).stats().queued : 0;
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

  /** Once: without REDIS_URL this instance is also the RunBackend provider, and Nest calls each provider's hook. */
  onApplicationShutdown(): Promise<void> {
    this.closing ??= this.pool ? this.pool.then((pool) => pool.close()) : Promise.resolve();
    return this.closing;
  }
}
