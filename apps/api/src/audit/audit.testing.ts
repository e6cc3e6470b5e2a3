import type { AuditRecord, AuditService } from './audit.service';

/**
 * For unit tests of services that record to the audit log: keeps what they record, writes nothing.
 * The log itself (actor, address, the transaction) is tested end to end in tests/e2e/audit.e2e-spec.ts.
 */
export function fakeAudit(): AuditService & { recorded: AuditRecord[] } {
  const recorded: AuditRecord[] = [];
  return {
    recorded,
    record: async (entry: AuditRecord) => {
      recorded.push(entry);
    },
  } as unknown as AuditService & { recorded: AuditRecord[] };
}
