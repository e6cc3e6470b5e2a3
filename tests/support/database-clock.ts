import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { TestDatabase } from './databases';
import { directQuery } from './direct-database';

/** The stored times the server has no route to move, and the tables that hold them. */
const TIMES = { deadline: 'attempts', expiresAt: 'invitations' } as const;

/**
 * Sets one row's stored time over a connection of the test's own: tests cannot wait out an
 * assessment or an invitation's lifetime. Works while the server is down too.
 */
export async function setStoredTime(db: TestDatabase, column: keyof typeof TIMES, id: string, at: Date): Promise<void> {
  const { affected } = await directQuery(
    db,
    (source) => `UPDATE ${TIMES[column]} SET ${source.driver.escape(column)} = ? WHERE id = ?`,
    // The driver's own datetime format: UTC text on SQLite, a Date on MySQL.
    (source) => [source.driver.preparePersistentValue(at, { type: 'datetime' } as ColumnMetadata), id],
  );
  // A test must not go on after a silent no-op.
  if (affected !== 1) throw new Error(`No ${TIMES[column]} row ${id} to set ${column} on`);
}

export const setAttemptDeadline = (db: TestDatabase, attemptId: string, at: Date) =>
  setStoredTime(db, 'deadline', attemptId, at);

export const setInvitationExpiry = (db: TestDatabase, invitationId: string, at: Date) =>
  setStoredTime(db, 'expiresAt', invitationId, at);
