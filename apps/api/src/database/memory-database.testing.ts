import { DataSource } from 'typeorm';
import { Database } from './database';
import { ENTITIES } from './entities';

/**
 * For unit tests of repositories' statements: every entity's table in an in-memory SQLite database,
 * built from the entities (no migrations), foreign keys off so a test inserts only the rows it needs.
 * Destroy `source` after the test. The migrations and both dialects are tested end to end.
 */
export async function memoryDatabase(): Promise<{ source: DataSource; db: Database }> {
  const source = await new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: ENTITIES,
    synchronize: true,
  }).initialize();
  await source.query('PRAGMA foreign_keys = OFF');
  return { source, db: Database.of(source) };
}
