import { Injectable } from '@nestjs/common';
import { Database, type Dialect } from '../database/database';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: Database) {}

  get dialect(): Dialect {
    return this.db.dialect;
  }

  /** Resolves when the database answers a trivial query. */
  async ping(): Promise<void> {
    await this.db.run((m) => m.query('SELECT 1'));
  }
}
