import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { Database } from './database';

@Entity('counters')
class Counter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int' })
  value: number;
}

/** Lets other requests' work interleave, as awaiting anything real would. */
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));

async function openSqlite(): Promise<DataSource> {
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [Counter],
    synchronize: true,
  }).initialize();
  await dataSource.getRepository(Counter).insert([
    { id: 'a', value: 0 },
    { id: 'b', value: 0 },
  ]);
  return dataSource;
}

type Transact = (work: (manager: import('typeorm').EntityManager) => Promise<void>) => Promise<void>;

/** Read, wait, write: the shape of a versioned save. */
function increment(transact: Transact, id: string, fail = false): Promise<void> {
  return transact(async (manager) => {
    const counter = await manager.findOneByOrFail(Counter, { id });
    await yieldTurn();
    await manager.update(Counter, { id }, { value: counter.value + 1 });
    await yieldTurn();
    if (fail) throw new Error('refused after writing');
  });
}

describe(Database.name, () => {
  let dataSource: DataSource;
  let db: Database;
  const transact: Transact = (work) => db.transaction((tx) => tx.run(work));
  const valueOf = (id: string) => db.run(async (m) => (await m.findOneByOrFail(Counter, { id })).value);

  beforeEach(async () => {
    dataSource = await openSqlite();
    db = Database.of(dataSource);
  });
  afterEach(() => dataSource.destroy());

  it('is needed: overlapping TypeORM transactions on the one SQLite connection break each other', async () => {
    const bare: Transact = (work) => dataSource.transaction(work);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => increment(bare, 'a')));
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed > 0 || (await valueOf('a')) !== 10).toBe(true);
  });

  it('takes overlapping transactions in turns, so each sees the last one committed', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => increment(transact, 'a')));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill('fulfilled'));
    expect(await valueOf('a')).toBe(10);
  });

  it('rolls back only the transaction that failed', async () => {
    const results = await Promise.allSettled([
      increment(transact, 'a'),
      increment(transact, 'a', true),
      increment(transact, 'a'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await valueOf('a')).toBe(2);
  });

  it('keeps a lone statement out of a transaction that is open, so a rollback cannot take it along', async () => {
    const failing = increment(transact, 'a', true).catch(() => 'rolled back');
    await yieldTurn();
    const [outcome] = await Promise.all([failing, db.run((m) => m.update(Counter, { id: 'b' }, { value: 7 }))]);
    expect(outcome).toBe('rolled back');
    expect(await valueOf('a')).toBe(0);
    expect(await valueOf('b')).toBe(7);
  });

  it('lets work inside a transaction nest further transactions on the same one', async () => {
    await db.transaction(async (tx) => {
      await tx.run((m) => m.save(m.create(Counter, { id: 'c', value: 1 })));
      await tx.transaction((inner) => inner.run((m) => m.update(Counter, { id: 'c' }, { value: 2 })));
    });
    expect(await valueOf('c')).toBe(2);
  });

  it('refuses the root database inside a transaction instead of waiting forever for its own turn', async () => {
    await expect(db.transaction(() => valueOf('a'))).rejects.toThrow(/inside a transaction/);
    expect(await valueOf('a')).toBe(0);
  });

  it('converts times for hand-written conditions as the column stores them', () => {
    expect(db.dialect).toBe('sqlite');
    expect(db.time(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02 03:04:05.678');
  });
});
