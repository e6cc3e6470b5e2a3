import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InterviewDetail,
  InterviewLinkResponse,
  InterviewListResponse,
  InterviewNoteView,
  InterviewPanelMember,
  InterviewQuestionChoice,
  InterviewReplay,
  InterviewStatus,
  ScheduleInterviewRequest,
} from '@rubricon/contracts';
import { api, send } from '../api';
import { mailKeys } from '../mail/keys';

/** Live interviews: every staff screen reads and changes them through these hooks. */
export const interviewKeys = {
  all: ['interviews'] as const,
  list: (params: InterviewListParams) => ['interviews', 'list', params] as const,
  detail: (id: string) => ['interviews', 'detail', id] as const,
  replay: (id: string) => ['interviews', 'replay', id] as const,
  panelOptions: ['interviews', 'panel-options'] as const,
  questionChoices: (postingId: string) => ['interviews', 'question-choices', postingId] as const,
};

export interface InterviewListParams {
  search: string;
  status?: InterviewStatus;
  page: number;
  pageSize: number;
}

/** Interviews the caller may see, searched by candidate, filtered by status and paged by the server. */
export function useInterviews(params: InterviewListParams) {
  return useQuery({
    queryKey: interviewKeys.list(params),
    queryFn: () => {
      const query = new URLSearchParams({
        limit: String(params.pageSize),
        offset: String((params.page - 1) * params.pageSize),
      });
      if (params.search.trim()) query.set('search', params.search.trim());
      if (params.status) query.set('status', params.status);
      return api<InterviewListResponse>(`/interviews?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function useInterview(id: string) {
  return useQuery({ queryKey: interviewKeys.detail(id), queryFn: () => api<InterviewDetail>(`/interviews/${id}`) });
}

export function useReplay(id: string) {
  return useQuery({
    queryKey: interviewKeys.replay(id),
    queryFn: () => api<InterviewReplay>(`/interviews/${id}/replay`),
  });
}

/** Active staff one may put on a panel. */
export function usePanelOptions() {
  return useQuery({
    queryKey: interviewKeys.panelOptions,
    queryFn: () => api<InterviewPanelMember[]>('/interviews/panel-options'),
  });
}

/** The posting's assessment questions first (inAssessment), then the rest of the bank. */
export function useQuestionChoices(postingId: string | undefined) {
  return useQuery({
    queryKey: interviewKeys.questionChoices(postingId ?? ''),
    queryFn: () => api<InterviewQuestionChoice[]>(`/postings/${postingId}/interview-questions`),
    enabled: Boolean(postingId),
  });
}

/** A change to an interview shows in every list and detail that holds it, and in its mail (a new link mails it). */
function useInvalidateInterviews() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: interviewKeys.all }),
      client.invalidateQueries({ queryKey: mailKeys.lists }),
    ]);
}

export function useScheduleInterview() {
  const invalidate = useInvalidateInterviews();
  return useMutation({
    mutationFn: (body: ScheduleInterviewRequest) => send<InterviewLinkResponse>('POST', '/interviews', body),
    onSuccess: invalidate,
  });
}

/** A new candidate link; the earlier one stops working. */
export function useNewInterviewLink(id: string) {
  const invalidate = useInvalidateInterviews();
  return useMutation({
    mutationFn: () => send<InterviewLinkResponse>('POST', `/interviews/${id}/link`),
    onSuccess: invalidate,
  });
}

export function useShareNotes(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) => send<InterviewNoteView>('PUT', `/interviews/${id}/notes/mine/shared`, { shared }),
    onSuccess: () => client.invalidateQueries({ queryKey: interviewKeys.detail(id) }),
  });
}
