import { QueryFailedError } from 'typeorm';

/** A delete refused because other rows still point at the row (MySQL/MariaDB errno 1451, SQLite). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (
    error as QueryFailedError & { driverError?: { errno?: number; code?: string; message?: string } }
  ).driverError;
  // SQLite reports ON DELETE RESTRICT as SQLITE_CONSTRAINT_TRIGGER, a deferred check as _FOREIGNKEY.
  const sqlite = driverError?.code?.startsWith('SQLITE_CONSTRAINT') && /FOREIGN KEY/i.test(driverError.message ?? '');
  return driverError?.errno === 1451 || Boolean(sqlite);
}
