import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Metrics } from './metrics';
import { SocketObservability } from './socket-observability';

/** Prometheus metrics (served by metrics.http.ts); global so any service can report through `Metrics`. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [Metrics, SocketObservability],
  exports: [Metrics],
})
export class MetricsModule {}
