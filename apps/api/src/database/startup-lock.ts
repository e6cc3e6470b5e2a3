import type { DataSource } from 'typeorm';

const LOCK = 'rubricon:startup';
const WAIT_SECONDS = 120;

/**
 * Runs `work` while holding a MySQL named lock, so API instances starting together take turns at
 * migrating the schema and at the first start (admin, seeds, bank): the second finds it done
 * instead of racing the first to create the same tables and rows. GET_LOCK belongs to one
 * connection, so a dedicated query runner holds it while the pool does the work. SQLite serves one
 * process: nothing to coordinate.
 */
export async function withStartupLock<T>(source: DataSource, work: () => Promise<T>): Promise<T> {
  if (source.options.type === 'better-sqlite3') return work();
  const holder = source.createQueryRunner();
  await holder.connect();
  try {
    const [row] = (await holder.query('SELECT GET_LOCK(?, ?) AS got', [LOCK, WAIT_SECONDS])) as { got: number }[];
    if (Number(row?.got) !== 1)
      throw new Error(`another instance held the start-up lock for over ${WAIT_SECONDS} s; is one stuck migrating?`);
    try {
      return await work();
    } finally {
      await holder.query('SELECT RELEASE_LOCK(?)', [LOCK]).catch(() => undefined);
    }
  } finally {
    await holder.release();
  }
}
