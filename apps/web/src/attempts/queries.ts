import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttemptDetail,
  AttemptListItem,
  AttemptStatus,
  AttemptSummary,
  ExtraTimeRequest,
  InvitationLink,
  InviteCandidatesRequest,
  InviteCsvResponse,
  MailLang,
  Page,
} from '@rubricon/contracts';
import { api, send } from '../api';
import { mailKeys } from '../mail/keys';
import { pollForSummaries } from '../mail/status';

/** Attempts and invitations: every HR screen reads and changes them through these hooks. */
export const attemptKeys = {
  all: ['attempts'] as const,
  ofAssessment: (assessmentId: string) => ['attempts', 'assessment', assessmentId] as const,
  detail: (attemptId: string) => ['attempts', 'detail', attemptId] as const,
  list: (params: AttemptListParams) => ['attempts', 'list', params] as const,
};

export interface AttemptListParams {
  search: string;
  status?: AttemptStatus;
  assessmentId?: string;
  page: number;
  pageSize: number;
}

/** Attempts across assessments, newest first, searched, filtered and paged by the server. */
export function useAllAttempts(params: AttemptListParams) {
  return useQuery({
    queryKey: attemptKeys.list(params),
    queryFn: () => {
      const query = new URLSearchParams({
        limit: String(params.pageSize),
        offset: String((params.page - 1) * params.pageSize),
      });
      if (params.search.trim()) query.set('search', params.search.trim());
      if (params.status) query.set('status', params.status);
      if (params.assessmentId) query.set('assessmentId', params.assessmentId);
      return api<Page<AttemptListItem>>(`/attempts?${query}`);
    },
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollForSummaries(query.state.data?.items.map((a) => a.mail)),
  });
}

export function useAssessmentAttempts(assessmentId: string) {
  return useQuery({
    queryKey: attemptKeys.ofAssessment(assessmentId),
    queryFn: () => api<AttemptSummary[]>(`/assessments/${assessmentId}/attempts`),
    // While a row's mail is on its way, its delivery shows as it changes.
    refetchInterval: (query) => pollForSummaries(query.state.data?.map((a) => a.mail)),
  });
}

export function useAttempt(attemptId: string) {
  return useQuery({
    queryKey: attemptKeys.detail(attemptId),
    queryFn: () => api<AttemptDetail>(`/attempts/${attemptId}`),
  });
}

/** Any change to an invitation or attempt shows in every list and detail that holds it, and in its mail. */
function useInvalidateAttempts() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: attemptKeys.all }),
      client.invalidateQueries({ queryKey: mailKeys.lists }),
    ]);
}

export function useInvite(assessmentId: string) {
  const invalidate = useInvalidateAttempts();
  return useMutation({
    mutationFn: (body: InviteCandidatesRequest) =>
      send<InvitationLink[]>('POST', `/assessments/${assessmentId}/invitations`, body),
    onSuccess: invalidate,
  });
}

export function useInviteCsv(assessmentId: string) {
  const invalidate = useInvalidateAttempts();
  return useMutation({
    mutationFn: ({ file, lang }: { file: File; lang?: MailLang }) => {
      const form = new FormData();
      form.append('file', file);
      // The mail language of lines without a language column of their own.
      if (lang) form.append('lang', lang);
      return api<InviteCsvResponse>(`/assessments/${assessmentId}/invitations/csv`, { method: 'POST', body: form });
    },
    onSuccess: invalidate,
  });
}

export function useRevoke() {
  const invalidate = useInvalidateAttempts();
  return useMutation({
    mutationFn: (invitationId: string) => send<AttemptSummary>('POST', `/invitations/${invitationId}/revoke`),
    onSuccess: invalidate,
  });
}

/** A fresh link for the same attempt (also one under way); the old link stops working. */
export function useNewLink() {
  const invalidate = useInvalidateAttempts();
  return useMutation({
    mutationFn: (invitationId: string) => send<InvitationLink>('POST', `/invitations/${invitationId}/resend`),
    onSuccess: invalidate,
  });
}

/** More minutes for one candidate; answers the attempt's summary with its new deadline. */
export function useExtraTime() {
  const invalidate = useInvalidateAttempts();
  return useMutation({
    mutationFn: ({ attemptId, minutes }: { attemptId: string; minutes: number }) =>
      send<AttemptSummary>('POST', `/attempts/${attemptId}/extra-time`, { minutes } satisfies ExtraTimeRequest),
    onSuccess: invalidate,
  });
}
