import { QueryFailedError } from 'typeorm';

type DriverError = { errno?: number; code?: string; message?: string };

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
