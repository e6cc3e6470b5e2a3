import { Global, Module } from '@nestjs/common';
import { AttemptEvents, InMemoryAttemptEvents } from './attempt-events';
import { InMemoryRateLimits, RateLimits } from './rate-limits';

/**
 * State that several API instances must share, each behind a small interface; one process uses the
 * in-memory implementations bound here, and scale-out binds Redis ones in their place.
 */
@Global()
@Module({
  providers: [
    { provide: AttemptEvents, useClass: InMemoryAttemptEvents },
    { provide: RateLimits, useClass: InMemoryRateLimits },
  ],
  exports: [AttemptEvents, RateLimits],
})
export class SharedStateModule {}
