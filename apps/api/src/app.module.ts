import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AssessmentsModule } from './assessments/assessments.module';
import { AttemptsModule } from './attempts/attempts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BankModule } from './bank/bank.module';
import { APP_CONFIG, AppConfig } from './config';
import { dataSourceOptions } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { withStartupLock } from './database/startup-lock';
import { SharedStateModule } from './common/shared-state.module';
import { GradingModule } from './grading/grading.module';
import { IntegrityModule } from './integrity/integrity.module';
import { InvitationsModule } from './invitations/invitations.module';
import { InterviewsModule } from './interviews/interviews.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { MailModule } from './mail/mail.module';
import { PostingsModule } from './postings/postings.module';
import { RunsModule } from './runs/runs.module';
import { ScoringModule } from './scoring/scoring.module';
import { UsersModule } from './users/users.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/**
 * Brings the schema up to date before the app's own connections open. Instances starting together
 * migrate in turn (startup-lock.ts). A migration may run long on a big table, so it gets a
 * connection of its own without the per-query timeout that keeps requests from hanging.
 */
async function migrate(options: DataSourceOptions): Promise<void> {
  const source = await new DataSource(
    options.type === 'mysql' || options.type === 'mariadb'
      ? { ...options, enableQueryTimeout: false, poolSize: 2 }
      : options,
  ).initialize();
  try {
    await withStartupLock(source, () => source.runMigrations());
  } finally {
    await source.destroy();
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Migrations run at start, on both dialects; the schema never comes from `synchronize`.
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database), retryAttempts: 3, retryDelay: 1000 }),
          dataSourceFactory: async (options) => {
            await migrate(options as DataSourceOptions);
            return new DataSource(options as DataSourceOptions).initialize();
          },
        }),
        DatabaseModule,
        SharedStateModule.forRoot(config),
        AuditModule,
        MailModule,
        AuthModule,
        UsersModule,
        PostingsModule,
        BankModule,
        AssessmentsModule,
        RunsModule,
        IntegrityModule,
        AttemptsModule,
        InvitationsModule,
        GradingModule,
        InterviewsModule,
        ScoringModule,
        HealthModule,
        MetricsModule,
      ],
    };
  }
}
