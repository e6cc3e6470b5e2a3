import { QueryFailedError } from 'typeorm';

type DriverError = { errno?: number; code?: string; message?: string; fatal?: boolean };

const driverErrorOf = (error: unknown): DriverError | undefined =>
  error instanceof QueryFailedError
    ? (error as QueryFailedError & { driverError?: DriverError }).driverError
    : undefined;

/** An insert refused by a unique key (MySQL/MariaDB errno 1062, SQLite's UNIQUE constraint). */
export function isDuplicateKey(error: unknown): boolean {
  const e = driverErrorOf(error);
  return e?.errno === 1062 || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A delete refused because other rows still point at the row (MySQL/MariaDB errno 1451, SQLite). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = driverErrorOf(error);
  // SQLite reports ON DELETE RESTRICT as SQLITE_CONSTRAINT_TRIGGER, a deferred check as _FOREIGNKEY.
  const sqlite = e?.code?.startsWith('SQLITE_CONSTRAINT') && /FOREIGN KEY/i.test(e.message ?? '');
  return e?.errno === 1451 || Boolean(sqlite);
}

/** Codes of a database that is down, unreachable or went away (mysql2 and node:net), not of a bad query. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

/**
 * The database does not answer: a connection refused, reset, lost or timed out. mysql2 throws these
 * bare from the pool (not as QueryFailedError) when no connection can be made.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = (error instanceof QueryFailedError ? driverErrorOf(error) : error) as DriverError | undefined;
  if (!e || typeof e !== 'object') return false;
  return UNAVAILABLE.has(e.code ?? '') || e.fatal === true;
}
