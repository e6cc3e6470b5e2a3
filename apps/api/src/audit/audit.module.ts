import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { RequestContextMiddleware } from '../common/request-context';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/**
 * The audit log, global so every feature's service can record to it. It also opens the per-request
 * context (address, actor) that `AuditService.record` reads, for every route.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditRepository],
  exports: [AuditService],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every route: the named wildcard of path-to-regexp 8 ('*' alone warns at start and is converted to it).
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }
}
