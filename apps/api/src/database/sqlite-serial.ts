import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver runs everything over one connection (one shared QueryRunner),
 * so two requests whose transactions overlap in time interleave on it: the second BEGIN fails or
 * becomes a savepoint inside the first, one ROLLBACK undoes the other's work, and a plain UPDATE
 * from a third request joins whichever transaction happens to be open. MySQL has a pool and real
 * per-connection transactions; SQLite needs its database work taken in turns.
 *
 * This makes every transaction on the data source exclusive: `transaction()` waits for the one in
 * progress, and a statement from outside any transaction waits while one is open, so it can neither
 * see uncommitted rows nor be rolled back with somebody else's work. `save()`/`remove()` outside a
 * transaction (TypeORM opens one itself for those) are taken through the same queue. Work inside a
 * transaction, including nested transactions, runs straight through: AsyncLocalStorage tells which
 * code runs on behalf of the transaction holding the connection.
 *
 * The cost is that transactions must stay short and do only database work (no sandbox runs or
 * network calls inside), which the services keep to. Returns the data source, for chaining.
 */
export function serializeSqliteWork(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const insideTurn = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  let held = false;

  /** Runs `work` alone on the connection, after every earlier turn has ended. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(async () => {
      held = true;
      try {
        return await insideTurn.run(true, work);
      } finally {
        held = false;
      }
    });
    tail = turn.catch(() => undefined);
    return turn;
  };
  const outside = () => insideTurn.getStore() === undefined;

  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) =>
    outside() ? inTurn(() => transaction(...args)) : transaction(...args)) as EntityManager['transaction'];

  // Writes TypeORM wraps in a transaction of its own when none is open.
  for (const method of ['save', 'remove', 'softRemove', 'recover'] as const) {
    const original = (manager[method] as (...args: unknown[]) => Promise<unknown>).bind(manager);
    (manager as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      outside() ? inTurn(() => original(...args)) : original(...args);
  }

  // The driver's one QueryRunner: a lone statement from outside waits while a transaction is open.
  const runner: QueryRunner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((...args: unknown[]) =>
    held && outside() ? inTurn(() => query(...args)) : query(...args)) as QueryRunner['query'];
  return dataSource;
}
