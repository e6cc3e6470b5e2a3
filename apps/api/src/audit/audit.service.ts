import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntryView, Page } from '@rubricon/contracts';
import { RequestContext } from '../common/request-context';
import type { Database } from '../database/database';
import { AuditRepository, type AuditEntryWithName, type AuditFilter } from './audit.repository';

/** Who did it: a staff user as they were at the time. */
export interface AuditActor {
  id: string;
  email: string;
  role: string;
}

export interface AuditRecord {
  action: AuditAction;
  target: { type: string; id: string };
  /** What changed: field -> { from, to }, or the values worth keeping. Never secrets (see scrub). */
  changes?: Record<string, unknown>;
  /** Overrides the request's actor: a socket's user, or null for the system. Omit inside HTTP requests. */
  actor?: AuditActor | null;
}

/** Keys whose values never reach the log, whatever a caller passes: passwords, tokens, link hashes. */
const SECRET_KEY = /password|token|secret|hash/i;

/**
 * The audit log: every consequential staff action, with who, when, from which address and what
 * changed. Services call `record` next to the change; admins and HR read it through `page`. There
 * is deliberately no way to change or remove an entry.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /**
   * Records one entry. Actor (id, email, role) and client address come from the current request
   * (RequestContext, AsyncLocalStorage), or from `actor` when given (e.g. sockets, the system: null).
   * Inside a transaction pass its Database (`tx`) so the entry commits or rolls back with the change.
   */
  async record(entry: AuditRecord, tx?: Database): Promise<void> {
    const context = RequestContext.current();
    const actor = entry.actor !== undefined ? entry.actor : (context?.actor ?? null);
    await this.repo.insert(
      {
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        actorRole: actor?.role ?? null,
        ip: context?.ip ?? null,
        action: entry.action,
        targetType: entry.target.type,
        targetId: entry.target.id,
        changes: JSON.stringify(scrub(entry.changes ?? {})),
      },
      tx,
    );
  }

  /** Newest first, filtered. */
  async page(filter: AuditFilter): Promise<Page<AuditEntryView>> {
    const [rows, total] = await this.repo.page(filter);
    return { items: rows.map(toView), total };
  }
}

function toView(row: AuditEntryWithName): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId
      ? { id: row.actorId, name: row.actorName ?? '', email: row.actorEmail ?? '', role: row.actorRole ?? '' }
      : null,
    ip: row.ip,
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    changes: parseChanges(row.changes),
  };
}

function parseChanges(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A copy without secret-looking keys, at any depth. */
function scrub(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    out[key] = scrubValue(item);
  }
  return out;
}

function scrubValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') return scrub(value as Record<string, unknown>);
  return value;
}
