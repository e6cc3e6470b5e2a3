import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * One place that turns configuration into TypeORM options. Migrations are listed explicitly
 * (not globbed) so the bundled build finds them too; `synchronize` is never on.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.type !== 'sqlite') {
    return {
      type: database.type,
      url: database.url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // mysql2 otherwise captures a stack trace on every query (7% of the API's CPU under the
      // autosave benchmark); TypeORM's QueryFailedError already names the query that failed.
      trace: false,
      // A database that does not answer fails requests with 503 instead of holding them: a new
      // connection gives up after 5 s, and a query on an open one after 8 s (mysql2 then destroys
      // that connection, so the pool opens a fresh one once the server is back).
      connectTimeout: 5_000,
      enableQueryTimeout: true,
      maxQueryExecutionTime: 8_000,
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      synchronize: false,
    };
  }
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    synchronize: false,
    enableWAL: database.path !== ':memory:',
  };
}
