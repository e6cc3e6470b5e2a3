import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

export type Dialect = 'sqlite' | 'mysql';

/**
 * The one way repositories reach the database. Repositories receive a `Database` and do their work
 * through `run` (a statement or a few) and `transaction` (all or nothing).
 *
 * Why SQLite needs turns: TypeORM's better-sqlite3 driver runs everything over one connection, so two
 * requests whose transactions overlap in time interleave on it: the second BEGIN fails or becomes a
 * savepoint inside the first, one ROLLBACK undoes the other's work, and a lone statement from a third
 * request joins whichever transaction happens to be open. So on SQLite every `run` and every
 * `transaction` takes a turn on the connection, first come first served. MySQL has a pool and real
 * transactions: work runs at once, transactions on a pooled connection.
 *
 * A transaction hands its work a `Database` bound to that transaction (repositories build a
 * transactional copy of themselves from it: `repo.transaction(async (tx) => …)`), not the world: it
 * holds the connection (on SQLite, everybody's) while it runs, so it must do database work only, no
 * sandbox runs or network calls. Work that reaches for the root database from inside a transaction
 * would wait for its own turn on SQLite; it is refused at once instead.
 */
export class Database {
  private constructor(
    private readonly source: DataSource,
    private readonly turns: Turns | null,
    /** Set on the copy a transaction hands to its work. */
    private readonly txManager: EntityManager | null,
  ) {}

  static of(source: DataSource): Database {
    return new Database(source, source.options.type === 'better-sqlite3' ? new Turns() : null, null);
  }

  get dialect(): Dialect {
    return this.source.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  /** Runs database work: inside a transaction on its manager, otherwise (on SQLite, in turn) on the pool. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.txManager) return work(this.txManager);
    return this.turns ? this.turns.take(() => work(this.source.manager)) : work(this.source.manager);
  }

  /** All of `work` commits, or none of it. Inside a transaction, `work` joins it. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    if (this.txManager) return work(this);
    const begin = () => this.source.transaction((manager) => work(new Database(this.source, null, manager)));
    return this.turns ? this.turns.take(begin) : begin();
  }

  /** A Date as a parameter for a datetime column in a hand-written condition (SQLite compares stored UTC text). */
  time(date: Date): unknown {
    return this.source.driver.preparePersistentValue(date, { type: 'datetime' } as ColumnMetadata);
  }
}

/** First-come turns on SQLite's single connection; nested use from inside a turn is a bug, refused loudly. */
class Turns {
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();

  take<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore())
      return Promise.reject(
        new Error('The root Database was used inside a transaction: use the transactional repository it handed you.'),
      );
    const turn = this.tail.then(() => this.inside.run(true, work));
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
