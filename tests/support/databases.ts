import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../apps/api/src/config';
import { createMariadbDatabase, mariadbAvailable } from './mariadb';

export interface TestDatabase {
  database: AppConfig['database'];
  dataDir: string;
  dispose: () => Promise<void>;
}

export interface DatabaseKind {
  name: 'sqlite' | 'mariadb';
  create: () => Promise<TestDatabase>;
}

const sqlite: DatabaseKind = {
  name: 'sqlite',
  create: async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rubricon-test-'));
    return {
      database: { type: 'sqlite', path: join(dataDir, 'test.sqlite') },
      dataDir,
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const mariadb: DatabaseKind = {
  name: 'mariadb',
  create: async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rubricon-test-'));
    const db = await createMariadbDatabase();
    return {
      database: { type: 'mariadb', url: db.url },
      dataDir,
      dispose: async () => {
        await db.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** Every end-to-end suite runs once per dialect: SQLite always, MariaDB when it answers. */
export function databaseKinds(): DatabaseKind[] {
  return mariadbAvailable() ? [sqlite, mariadb] : [sqlite];
}
