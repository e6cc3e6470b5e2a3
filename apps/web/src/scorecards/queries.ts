import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CandidateExplanation,
  PostingDetail,
  PostingAgreement,
  PostingScoreSummary,
  RankingPage,
  RankingSort,
  ScorecardView,
} from '@rubricon/contracts';
import { api } from '../api';
import { postingKeys } from '../postings/queries';
import { candidatesQuery } from './paths';

/** Scorecards, rankings and agreement of a posting (HR, admin): every screen reads them through these hooks. */
export const scorecardKeys = {
  all: ['scorecards'] as const,
  ranking: (postingId: string, params: RankingParams) => ['scorecards', postingId, 'ranking', params] as const,
  summary: (postingId: string) => ['scorecards', postingId, 'summary'] as const,
  agreement: (postingId: string) => ['scorecards', postingId, 'agreement'] as const,
  card: (postingId: string, candidateId: string) => ['scorecards', postingId, 'card', candidateId] as const,
  compare: (postingId: string, ids: string[]) => ['scorecards', postingId, 'compare', ids] as const,
  explanation: (postingId: string, candidateId: string) =>
    ['scorecards', postingId, 'explanation', candidateId] as const,
};

export type SortOrder = 'asc' | 'desc';

export interface RankingParams {
  sort: RankingSort;
  order: SortOrder;
  /** undefined: every candidate; true: only flagged ones; false: only those without flags. */
  flagged?: boolean;
  search: string;
  page: number;
  pageSize: number;
}

export const postingPath = (postingId: string) => `/scorecards/postings/${encodeURIComponent(postingId)}`;

/** The ranking's query string, shared by the page and its CSV export so both show the same rows. */
export function rankingQuery(params: RankingParams, { paged = true }: { paged?: boolean } = {}): URLSearchParams {
  const query = new URLSearchParams({ sort: params.sort, order: params.order });
  if (params.flagged !== undefined) query.set('flagged', String(params.flagged));
  if (params.search.trim()) query.set('search', params.search.trim());
  if (paged) {
    query.set('limit', String(params.pageSize));
    query.set('offset', String((params.page - 1) * params.pageSize));
  }
  return query;
}

/** One page of a posting's ranking, sorted, filtered and paged by the server. */
export function useRanking(postingId: string, params: RankingParams) {
  return useQuery({
    queryKey: scorecardKeys.ranking(postingId, params),
    queryFn: () => api<RankingPage>(`${postingPath(postingId)}/ranking?${rankingQuery(params)}`),
    placeholderData: keepPreviousData,
  });
}

/** The chosen posting (its title for the picker and the page title); nothing is asked before one is chosen. */
export function useChosenPosting(postingId: string | undefined) {
  return useQuery({
    queryKey: postingKeys.detail(postingId ?? ''),
    queryFn: () => api<PostingDetail>(`/postings/${encodeURIComponent(postingId!)}`),
    enabled: Boolean(postingId),
  });
}

export function useScoreSummary(postingId: string) {
  return useQuery({
    queryKey: scorecardKeys.summary(postingId),
    queryFn: () => api<PostingScoreSummary>(`${postingPath(postingId)}/summary`),
  });
}

export function useAgreement(postingId: string) {
  return useQuery({
    queryKey: scorecardKeys.agreement(postingId),
    queryFn: () => api<PostingAgreement>(`${postingPath(postingId)}/agreement`),
  });
}

export function useScorecard(postingId: string, candidateId: string) {
  return useQuery({
    queryKey: scorecardKeys.card(postingId, candidateId),
    queryFn: () => api<ScorecardView>(`${postingPath(postingId)}/candidates/${encodeURIComponent(candidateId)}`),
  });
}

/** Up to MAX_COMPARED scorecards side by side, in the order asked for. */
export function useCompare(postingId: string, candidateIds: string[]) {
  return useQuery({
    queryKey: scorecardKeys.compare(postingId, candidateIds),
    queryFn: () => api<ScorecardView[]>(`${postingPath(postingId)}/compare?${candidatesQuery(candidateIds)}`),
    enabled: candidateIds.length > 0,
  });
}

export function useExplanation(postingId: string, candidateId: string) {
  return useQuery({
    queryKey: scorecardKeys.explanation(postingId, candidateId),
    queryFn: () =>
      api<CandidateExplanation>(`${postingPath(postingId)}/candidates/${encodeURIComponent(candidateId)}/explanation`),
  });
}

/** The candidate ids of `?candidates=a,b,c`: trimmed, without duplicates or empties. */
export function candidatesParam(value: string | null): string[] {
  return [...new Set((value ?? '').split(',').map((id) => id.trim()))].filter(Boolean);
}
