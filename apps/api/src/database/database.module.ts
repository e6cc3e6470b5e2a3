import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Database } from './database';

/** Provides the one `Database` that every feature's repository is built on. */
@Global()
@Module({
  providers: [
    { provide: Database, useFactory: (source: DataSource) => Database.of(source), inject: [getDataSourceToken()] },
  ],
  exports: [Database],
})
export class DatabaseModule {}
