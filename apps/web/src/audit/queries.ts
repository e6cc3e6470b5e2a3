import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditAction, AuditEntryView, Page } from '@rubricon/contracts';
import { api } from '../api';

export interface AuditListParams {
  actions: AuditAction[];
  actorId?: string;
  /** ISO times, inclusive. */
  from?: string;
  to?: string;
  search: string;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => ['audit', 'list', params] as const,
};

/** The audit log, newest first, filtered and paged by the server (GET /audit). */
export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => {
      const query = new URLSearchParams({
        limit: String(params.pageSize),
        offset: String((params.page - 1) * params.pageSize),
      });
      for (const action of params.actions) query.append('action', action);
      if (params.actorId) query.set('actorId', params.actorId);
      if (params.from) query.set('from', params.from);
      if (params.to) query.set('to', params.to);
      if (params.search.trim()) query.set('q', params.search.trim());
      return api<Page<AuditEntryView>>(`/audit?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}
