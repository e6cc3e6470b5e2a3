import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { RedisConnections } from '../cluster/redis-connections';
import { RedisThrottlerStorage } from '../cluster/redis-throttler-storage';
import { APP_CONFIG, AppConfig } from '../config';
import { AuthGuard } from '../common/auth.guard';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ERRORS } from '@rubricon/contracts';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      global: true,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, { token: RedisConnections, optional: true }],
      useFactory: (config: AppConfig, redis?: RedisConnections) => ({
        // Scale-out: the counts live in Redis, so a limit holds across instances.
        storage: redis ? new RedisThrottlerStorage(redis) : undefined,
        // `address` only counts where a guard keys it so (sign-in); elsewhere it is a loose per-caller cap.
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.loginRateLimitPerMinute },
          { name: 'address', ttl: 60_000, limit: config.loginRateLimitPerMinute * 10 },
        ],
        // The default for any throttled route; sign-in and code runs say their own (their guards).
        errorMessage: ERRORS['too-many-requests'].message,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
