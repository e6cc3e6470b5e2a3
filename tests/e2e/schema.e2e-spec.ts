import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { databaseKinds } from '../support/databases';

describe.each(databaseKinds().map((k) => [k.name, k] as const))('migrations on %s', (_name, kind) => {
  it('produce exactly the schema the entities describe', async () => {
    const db = await kind.create();
    const dataSource = new DataSource(dataSourceOptions(db.database));
    try {
      await dataSource.initialize();
      const applied = await dataSource.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.dispose();
    }
  });
});
