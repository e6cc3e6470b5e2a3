import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { serializeSqliteWork } from './sqlite-serial';

@Entity('counters')
class Counter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int' })
  value: number;
}

/** Lets other requests' work interleave, as awaiting anything real would. */
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));

async function openDatabase(serialize: boolean): Promise<DataSource> {
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
  return serialize ? serializeSqliteWork(dataSource) : dataSource;
}

/** Read, wait, write: the shape of a versioned save. */
function increment(dataSource: DataSource, id: string, fail = false): Promise<void> {
  return dataSource.transaction(async (manager) => {
    const counter = await manager.findOneByOrFail(Counter, { id });
    await yieldTurn();
    await manager.update(Counter, { id }, { value: counter.value + 1 });
    await yieldTurn();
    if (fail) throw new Error('refused after writing');
  });
}

const valueOf = async (dataSource: DataSource, id: string) =>
  (await dataSource.getRepository(Counter).findOneByOrFail({ id })).value;

describe(serializeSqliteWork.name, () => {
  let dataSource: DataSource | undefined;
  afterEach(() => dataSource?.destroy());

  it('is needed: overlapping transactions on the one SQLite connection break each other', async () => {
    dataSource = await openDatabase(false);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => increment(dataSource!, 'a')));
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed > 0 || (await valueOf(dataSource, 'a')) !== 10).toBe(true);
  });

  it('takes overlapping transactions in turns, so each sees the last one committed', async () => {
    dataSource = await openDatabase(true);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => increment(dataSource!, 'a')));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill('fulfilled'));
    expect(await valueOf(dataSource, 'a')).toBe(10);
  });

  it('rolls back only the transaction that failed', async () => {
    dataSource = await openDatabase(true);
    const results = await Promise.allSettled([
      increment(dataSource, 'a'),
      increment(dataSource, 'a', true),
      increment(dataSource, 'a'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await valueOf(dataSource, 'a')).toBe(2);
  });

  it('keeps a lone statement out of a transaction that is open, so a rollback cannot take it along', async () => {
    dataSource = await openDatabase(true);
    const failing = increment(dataSource, 'a', true).catch(() => 'rolled back');
    await yieldTurn();
    const [outcome] = await Promise.all([failing, dataSource.getRepository(Counter).update({ id: 'b' }, { value: 7 })]);
    expect(outcome).toBe('rolled back');
    expect(await valueOf(dataSource, 'a')).toBe(0);
    expect(await valueOf(dataSource, 'b')).toBe(7);
  });

  it('runs nested transactions and saves inside a transaction straight through', async () => {
    dataSource = await openDatabase(true);
    await dataSource.transaction(async (manager) => {
      await manager.save(manager.create(Counter, { id: 'c', value: 1 }));
      await dataSource!.transaction(async (inner) => inner.update(Counter, { id: 'c' }, { value: 2 }));
      await dataSource!.manager.save(Counter, { id: 'd', value: 3 });
    });
    expect([await valueOf(dataSource, 'c'), await valueOf(dataSource, 'd')]).toEqual([2, 3]);
  });

  it('queues saves made outside a transaction with the transactions', async () => {
    dataSource = await openDatabase(true);
    const repo = dataSource.getRepository(Counter);
    const work = Array.from({ length: 5 }, (_, i) => [
      increment(dataSource!, 'a'),
      repo.save({ id: `s${i}`, value: i }),
    ]).flat();
    expect((await Promise.allSettled(work)).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await valueOf(dataSource, 'a')).toBe(5);
    expect(await repo.count()).toBe(2 + 5);
  });
});
