import { Module } from '@nestjs/common';
import { SandboxPool } from './sandbox-pool.provider';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

@Module({ controllers: [RunsController], providers: [SandboxPool, RunsService], exports: [RunsService] })
export class RunsModule {}
