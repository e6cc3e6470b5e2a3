import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { TestDatabase } from './databases';

/** The stored times the server has no route to move, and the tables that hold them. */
const TIMES = { deadline: 'attempts', expiresAt: 'invitations' } as const;

function options(db: TestDatabase): DataSourceOptions {
  const { database } = db;
  if (database.type === 'sqlite') return { type: 'better-sqlite3', database: database.path };
  // UTC, like the server's own connection, so a Date means the same instant on both.
  return { type: 'mysql', url: database.url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' };
}

/**
 * Sets one row's stored time over a connection of the test's own, never through the server: tests
 * cannot wait out an assessment or an invitation's lifetime. Works while the server is down too.
 */
export async function setStoredTime(db: TestDatabase, column: keyof typeof TIMES, id: string, at: Date): Promise<void> {
  const source = await new DataSource(options(db)).initialize();
  try {
    // The driver's own datetime format: UTC text on SQLite, a Date on MySQL.
    const value = source.driver.preparePersistentValue(at, { type: 'datetime' } as ColumnMetadata);
    const runner = source.createQueryRunner();
    const sql = `UPDATE ${TIMES[column]} SET ${source.driver.escape(column)} = ? WHERE id = ?`;
    // The structured result counts the rows on both drivers: a test must not go on after a silent no-op.
    const { affected } = await runner.query(sql, [value, id], true).finally(() => runner.release());
    if (affected !== 1) throw new Error(`No ${TIMES[column]} row ${id} to set ${column} on`);
  } finally {
    await source.destroy();
  }
}

export const setAttemptDeadline = (db: TestDatabase, attemptId: string, at: Date) =>
  setStoredTime(db, 'deadline', attemptId, at);

export const setInvitationExpiry = (db: TestDatabase, invitationId: string, at: Date) =>
  setStoredTime(db, 'expiresAt', invitationId, at);
