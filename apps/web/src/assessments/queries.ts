import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentStatus,
  AssessmentSummary,
  AssessmentView,
  BankQuestionSummary,
  Page,
  QuestionAlternative,
  QuestionKind,
} from '@rubricon/contracts';
import { api, send } from '../api';

/** The assessments resource: every screen reads and changes assessments through these hooks. */
export interface AssessmentListParams {
  status?: AssessmentStatus;
  postingId?: string;
  search: string;
  page: number;
  pageSize: number;
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (params: AssessmentListParams) => ['assessments', 'list', params] as const,
  forPosting: (postingId: string) => ['assessments', 'posting', postingId] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
  alternatives: (id: string, questionId: string) => ['assessments', 'detail', id, 'alternatives', questionId] as const,
};

/** Assessments across postings, newest first, filtered and paged by the server. */
export function useAssessments(params: AssessmentListParams) {
  return useQuery({
    queryKey: assessmentKeys.list(params),
    queryFn: () => {
      const query = new URLSearchParams({
        limit: String(params.pageSize),
        offset: String((params.page - 1) * params.pageSize),
      });
      if (params.status) query.set('status', params.status);
      if (params.postingId) query.set('postingId', params.postingId);
      if (params.search.trim()) query.set('search', params.search.trim());
      return api<Page<AssessmentSummary>>(`/assessments?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function usePostingAssessments(postingId: string) {
  return useQuery({
    queryKey: assessmentKeys.forPosting(postingId),
    queryFn: () => api<AssessmentSummary[]>(`/postings/${postingId}/assessments`),
  });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => api<AssessmentView>(`/assessments/${id}`) });
}

export interface GenerateInput {
  seed?: number;
  lang?: 'zh' | 'en';
}

export function useGenerateAssessment(postingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateInput) => send<AssessmentView>('POST', `/postings/${postingId}/assessments`, input),
    onSuccess: (view) => {
      client.setQueryData(assessmentKeys.detail(view.id), view);
      return client.invalidateQueries({ queryKey: assessmentKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** Every change to a draft answers with the whole, recomputed assessment: it replaces the cached one. */
export type AssessmentChange =
  | { type: 'duration'; durationMinutes: number }
  | { type: 'add'; questionId: string }
  | { type: 'remove'; questionId: string }
  | { type: 'swap'; questionId: string; replacementId: string }
  | { type: 'publish'; durationMinutes?: number };

function runChange(id: string, change: AssessmentChange): Promise<AssessmentView> {
  const question = (qid: string) => `/assessments/${id}/questions/${encodeURIComponent(qid)}`;
  switch (change.type) {
    case 'duration':
      return send('PATCH', `/assessments/${id}`, { durationMinutes: change.durationMinutes });
    case 'add':
      return send('POST', `/assessments/${id}/questions`, { questionId: change.questionId });
    case 'remove':
      return send('DELETE', question(change.questionId));
    case 'swap':
      return send('POST', `${question(change.questionId)}/swap`, { questionId: change.replacementId });
    case 'publish':
      return send(
        'POST',
        `/assessments/${id}/publish`,
        change.durationMinutes === undefined ? undefined : { durationMinutes: change.durationMinutes },
      );
  }
}

export function useChangeAssessment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: AssessmentChange) => runChange(id, change),
    onSuccess: (view) => {
      client.setQueryData(assessmentKeys.detail(id), view);
      // Lists show counts, minutes, coverage and status. Replacements are fetched afresh whenever the
      // swap drawer opens (staleTime 0); refetching an open one here would ask about a question just swapped out.
      return client.invalidateQueries({ queryKey: assessmentKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** A replacement with the posting's duty lines it would assess, ranked by the server (most lines first). */
export type Alternative = QuestionAlternative;

export function useAlternatives(id: string, questionId: string) {
  return useQuery({
    queryKey: assessmentKeys.alternatives(id, questionId),
    queryFn: () => api<Alternative[]>(`/assessments/${id}/questions/${encodeURIComponent(questionId)}/alternatives`),
    // Never from cache: they depend on the question set, which any edit changes.
    staleTime: 0,
    gcTime: 0,
  });
}

export interface BankSearch {
  kind?: QuestionKind;
  competency?: string;
  search: string;
}

export function useBankQuestions(params: BankSearch, enabled: boolean) {
  return useQuery({
    queryKey: ['bank', 'questions', params] as const,
    queryFn: () => {
      const query = new URLSearchParams();
      if (params.kind) query.set('kind', params.kind);
      if (params.competency) query.set('competency', params.competency);
      if (params.search.trim()) query.set('search', params.search.trim());
      return api<BankQuestionSummary[]>(`/bank/questions?${query}`);
    },
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
