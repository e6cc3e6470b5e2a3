import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@rubricon/contracts';
import { Database } from '../database/database';
import { containsPattern, likeParam } from '../database/like';
import { UserEntity } from '../users/user.entity';
import { AuditEntryEntity } from './audit-entry.entity';

export type NewAuditEntry = Omit<AuditEntryEntity, 'id' | 'at'>;

/** An entry with its actor's current name (null for the system or a user since gone). */
export type AuditEntryWithName = AuditEntryEntity & { actorName: string | null };

export interface AuditFilter {
  actions?: AuditAction[];
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Part of the target id or of the actor's email, literally. */
  search?: string;
  offset: number;
  limit: number;
}

/** The audit log's only reads and writes. It inserts and reads; nothing here updates or deletes. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Inserts through `tx` when given (the entry then commits or rolls back with the change). */
  async insert(entry: NewAuditEntry, tx?: Database): Promise<void> {
    await (tx ?? this.db).run((m) => m.insert(AuditEntryEntity, m.create(AuditEntryEntity, entry)));
  }

  /** Newest first (then by id, for a stable order within one timestamp), with the actor's name. */
  async page(filter: AuditFilter): Promise<[AuditEntryWithName[], number]> {
    const db = this.db;
    return db.run(async (m) => {
      const qb = m.createQueryBuilder(AuditEntryEntity, 'a');
      if (filter.actions?.length) qb.andWhere('a.action IN (:...actions)', { actions: filter.actions });
      if (filter.actorId) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
      if (filter.targetType) qb.andWhere('a.targetType = :targetType', { targetType: filter.targetType });
      if (filter.targetId) qb.andWhere('a.targetId = :targetId', { targetId: filter.targetId });
      if (filter.from) qb.andWhere('a.at >= :from', { from: db.time(filter.from) });
      if (filter.to) qb.andWhere('a.at <= :to', { to: db.time(filter.to) });
      if (filter.search)
        qb.andWhere(`(a.targetId ${likeParam('pattern')} OR a.actorEmail ${likeParam('pattern')})`, {
          pattern: containsPattern(filter.search),
        });
      const [rows, total] = await qb
        .orderBy('a.at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .skip(filter.offset)
        .take(filter.limit)
        .getManyAndCount();
      const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
      const names = new Map<string, string>();
      if (actorIds.length) {
        const users = await m
          .createQueryBuilder(UserEntity, 'u')
          .select(['u.id', 'u.name'])
          .where('u.id IN (:...ids)', { ids: actorIds })
          .getMany();
        for (const u of users) names.set(u.id, u.name);
      }
      return [
        rows.map((r) => Object.assign(r, { actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })),
        total,
      ];
    });
  }
}
