import {
  DynamicModule,
  Global,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AppConfig } from '../config';
import { ReadinessChecks } from '../health/readiness';
import { DocumentLeases } from '../cluster/document-leases';
import { RedisAttemptEvents } from '../cluster/redis-attempt-events';
import { RedisConnections } from '../cluster/redis-connections';
import { RedisRateLimits } from '../cluster/redis-rate-limits';
import { AttemptEvents, InMemoryAttemptEvents } from './attempt-events';
import { InMemoryRateLimits, RateLimits } from './rate-limits';

/** Redis counts toward readiness; its connections close after the other modules' shutdown work. */
@Injectable()
class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly readiness: ReadinessChecks,
  ) {}

  onModuleInit(): void {
    const redis = this.moduleRef.get(RedisConnections, { strict: false });
    this.readiness.register('redis', async () => {
      if (!(await redis.ping())) throw new Error('Redis does not answer');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.moduleRef.get(RedisConnections, { strict: false }).close();
  }
}

/**
 * State that several API instances must share, each behind a small interface: one process binds
 * the in-memory implementations; with `config.redis` (scale-out) the Redis ones take their place
 * and `RedisConnections` is there for whatever else must share (leases, the socket.io adapter).
 */
@Global()
@Module({})
export class SharedStateModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers: Provider[] = config.redis
      ? [
          { provide: RedisConnections, useValue: new RedisConnections(config.redis) },
          {
            provide: AttemptEvents,
            useFactory: (r: RedisConnections) => new RedisAttemptEvents(r),
            inject: [RedisConnections],
          },
          {
            provide: RateLimits,
            useFactory: (r: RedisConnections) => new RedisRateLimits(r),
            inject: [RedisConnections],
          },
          {
            provide: DocumentLeases,
            useFactory: (r: RedisConnections) => new DocumentLeases(r),
            inject: [RedisConnections],
          },
          RedisLifecycle,
        ]
      : [
          { provide: AttemptEvents, useClass: InMemoryAttemptEvents },
          { provide: RateLimits, useClass: InMemoryRateLimits },
        ];
    const exported = config.redis
      ? [AttemptEvents, RateLimits, RedisConnections, DocumentLeases]
      : [AttemptEvents, RateLimits];
    return { module: SharedStateModule, providers, exports: exported };
  }
}
