import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * A Date as a query parameter for a datetime column: SQLite compares the stored UTC text, MySQL
 * takes the Date itself. Entities convert on their own; raw where-clauses need this.
 */
export function sqlTime(dataSource: DataSource, date: Date): unknown {
  return dataSource.driver.preparePersistentValue(date, { type: 'datetime' } as ColumnMetadata);
}
