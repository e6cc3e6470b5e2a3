import { DataSource, type DataSourceOptions } from 'typeorm';
import { AssessmentEntity } from '../../apps/api/src/assessments/assessment.entity';
import { BankQuestionEntity } from '../../apps/api/src/bank/bank-question.entity';
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

  it('keep the duties of assessments made before duties became a JSON column', async () => {
    const db = await kind.create();
    const options = dataSourceOptions(db.database);
    const all = options.migrations as Array<{ name: string }>;
    const before = all.slice(
      0,
      all.findIndex((m) => m.name.startsWith('AssessmentDutiesJson')),
    );
    expect(before.length).toBeGreaterThan(0);
    const duties = [{ text: '负责“核心”系统的 \\ 设计', assessable: true, lowConfidence: false, competencies: [] }];
    const old = new DataSource({ ...options, migrations: before } as DataSourceOptions);
    const current = new DataSource(options);
    try {
      await old.initialize();
      await old.runMigrations();
      await old.query('INSERT INTO postings (id, title) VALUES (?, ?)', ['p1', '开发工程师']);
      await old.query(
        'INSERT INTO assessments (id, postingId, status, lang, roleFamily, durationMinutes, bankVersion, duties, coveragePercent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ['a1', 'p1', 'draft', 'zh', 'developer', 60, 'v1', JSON.stringify(duties), 100],
      );
      await old.destroy();
      await current.initialize();
      expect((await current.runMigrations()).length).toBeGreaterThan(0);
      const row = await current.getRepository(AssessmentEntity).findOneByOrFail({ id: 'a1' });
      expect(row.duties).toEqual(duties);
    } finally {
      if (old.isInitialized) await old.destroy();
      if (current.isInitialized) await current.destroy();
      await db.dispose();
    }
  });
  it('keep the stored question versions when bank question content became a JSON column', async () => {
    const db = await kind.create();
    const options = dataSourceOptions(db.database);
    const all = options.migrations as Array<{ name: string }>;
    const before = all.slice(
      0,
      all.findIndex((m) => m.name.startsWith('BankQuestionJson')),
    );
    expect(before.length).toBeGreaterThan(0);
    const question = { id: 'case.x', kind: 'case', title: { zh: '“引号” \\ 与换行\n', en: 'Quotes " and \\' } };
    const old = new DataSource({ ...options, migrations: before } as DataSourceOptions);
    const current = new DataSource(options);
    try {
      await old.initialize();
      await old.runMigrations();
      await old.query(
        'INSERT INTO bank_questions (id, questionId, contentHash, kind, content) VALUES (?, ?, ?, ?, ?)',
        ['q1', 'case.x', 'h1', 'case', JSON.stringify(question)],
      );
      await old.destroy();
      await current.initialize();
      expect((await current.runMigrations()).length).toBeGreaterThan(0);
      const row = await current.getRepository(BankQuestionEntity).findOneByOrFail({ id: 'q1' });
      expect(row.content).toEqual(question);
    } finally {
      if (old.isInitialized) await old.destroy();
      if (current.isInitialized) await current.destroy();
      await db.dispose();
    }
  });
});
