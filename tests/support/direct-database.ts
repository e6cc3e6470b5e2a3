import { DataSource, type DataSourceOptions } from 'typeorm';
import type { QueryResult } from 'typeorm/query-runner/QueryResult';
import type { TestDatabase } from './databases';

function options(db: TestDatabase): DataSourceOptions {
  const { database } = db;
  if (database.type === 'sqlite') return { type: 'better-sqlite3', database: database.path };
  // UTC, like the server's own connection, so a Date means the same instant on both.
  return { type: 'mysql', url: database.url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' };
}

/**
 * One statement over a connection of the test's own, never through the server (which may be down):
 * for what no route shows or moves. Both callbacks get the connection, for the dialect's quoting
 * and value formats.
 */
export async function directQuery(
  db: TestDatabase,
  sql: (source: DataSource) => string,
  parameters: (source: DataSource) => unknown[] = () => [],
): Promise<QueryResult> {
  const source = await new DataSource(options(db)).initialize();
  try {
    const runner = source.createQueryRunner();
    // The structured result: rows for a SELECT, and the count of changed rows on both drivers.
    return await runner.query(sql(source), parameters(source), true).finally(() => runner.release());
  } finally {
    await source.destroy();
  }
}
