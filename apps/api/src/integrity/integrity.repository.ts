import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { IntegrityEventEntity } from './integrity-event.entity';

@Injectable()
export class IntegrityRepository {
  constructor(private readonly db: Database) {}

  async insert(event: Omit<IntegrityEventEntity, 'id' | 'attempt'>): Promise<void> {
    await this.db.run((m) => m.insert(IntegrityEventEntity, m.create(IntegrityEventEntity, event)));
  }

  count(where: { attemptId: string; type?: IntegrityEventEntity['type']; questionId?: string }): Promise<number> {
    return this.db.run((m) => m.countBy(IntegrityEventEntity, where));
  }

  timeline(attemptId: string): Promise<IntegrityEventEntity[]> {
    return this.db.run((m) => m.find(IntegrityEventEntity, { where: { attemptId }, order: { occurredAt: 'ASC' } }));
  }

  async countsByAttempt(attemptIds: string[]): Promise<Map<string, number>> {
    if (attemptIds.length === 0) return new Map();
    const rows = await this.db.run((m) =>
      m
        .createQueryBuilder(IntegrityEventEntity, 'e')
        .select('e.attemptId', 'attemptId')
        .addSelect('COUNT(*)', 'n')
        .where({ attemptId: In(attemptIds) })
        .groupBy('e.attemptId')
        .getRawMany<{ attemptId: string; n: string | number }>(),
    );
    return new Map(rows.map((r) => [r.attemptId, Number(r.n)]));
  }
}
