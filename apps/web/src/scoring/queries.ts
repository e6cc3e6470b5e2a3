import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendRequest,
  Page,
  RaterAssignment,
  ReviewSummary,
  SaveSheetRequest,
  ScoreSheetView,
  SetRatersRequest,
  SheetStatus,
  StaffRole,
  SubjectKind,
} from '@rubricon/contracts';
import { api, send } from '../api';
import { assessmentKeys } from '../assessments/queries';

/** Rubric scoring: the rater's sheets, HR's rater assignment and blind mode, through these hooks. */
export const scoringKeys = {
  all: ['scoring'] as const,
  sheets: (params: ReviewListParams) => ['scoring', 'sheets', params] as const,
  sheet: (kind: SubjectKind, id: string) => ['scoring', 'sheet', kind, id] as const,
  raters: (kind: SubjectKind, id: string) => ['scoring', 'raters', kind, id] as const,
  raterOptions: ['scoring', 'rater-options'] as const,
};

export interface ReviewListParams {
  status: SheetStatus;
  page: number;
  pageSize: number;
}

/** A staff user one may assign as a rater. */
export interface RaterOption {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

const subjectPath = (kind: SubjectKind, id: string) => `/scoring/subjects/${kind}/${encodeURIComponent(id)}`;

/** The caller's own sheets, pending or submitted, newest assignment first, paged by the server. */
export function useMySheets(params: ReviewListParams) {
  return useQuery({
    queryKey: scoringKeys.sheets(params),
    queryFn: () => {
      const query = new URLSearchParams({
        status: params.status,
        limit: String(params.pageSize),
        offset: String((params.page - 1) * params.pageSize),
      });
      return api<Page<ReviewSummary>>(`/scoring/sheets?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}

/** The caller's sheet for one subject; others' scores only once the caller has submitted. */
export function useSheet(kind: SubjectKind, id: string) {
  return useQuery({
    queryKey: scoringKeys.sheet(kind, id),
    queryFn: () => api<ScoreSheetView>(`${subjectPath(kind, id)}/sheet`),
    // A draft being edited must not be replaced under the rater's hands by a background refetch.
    refetchOnWindowFocus: false,
  });
}

/** Every change answers the whole sheet: it replaces the cached one, and the review lists refresh. */
function useSheetMutation<T>(kind: SubjectKind, id: string, call: (body: T) => Promise<ScoreSheetView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData(scoringKeys.sheet(kind, id), view);
      void client.invalidateQueries({ queryKey: ['scoring', 'sheets'] });
      void client.invalidateQueries({ queryKey: scoringKeys.raters(kind, id) });
    },
  });
}

export function useSaveSheet(kind: SubjectKind, id: string) {
  return useSheetMutation(kind, id, (body: SaveSheetRequest) =>
    send<ScoreSheetView>('PUT', `${subjectPath(kind, id)}/sheet`, body),
  );
}

export function useSubmitSheet(kind: SubjectKind, id: string) {
  return useSheetMutation(kind, id, () => send<ScoreSheetView>('POST', `${subjectPath(kind, id)}/sheet/submit`));
}

export function useAmend(kind: SubjectKind, id: string) {
  return useSheetMutation(kind, id, (body: AmendRequest) =>
    send<ScoreSheetView>('POST', `${subjectPath(kind, id)}/sheet/amendments`, body),
  );
}

/** HR: who scores a subject, and how far each has got. */
export function useRaters(kind: SubjectKind, id: string) {
  return useQuery({
    queryKey: scoringKeys.raters(kind, id),
    queryFn: () => api<RaterAssignment[]>(`${subjectPath(kind, id)}/raters`),
  });
}

export function useSetRaters(kind: SubjectKind, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetRatersRequest) => send<RaterAssignment[]>('PUT', `${subjectPath(kind, id)}/raters`, body),
    onSuccess: (raters) => {
      client.setQueryData(scoringKeys.raters(kind, id), raters);
      void client.invalidateQueries({ queryKey: ['scoring', 'sheets'] });
    },
  });
}

/** Active staff to choose raters from. */
export function useRaterOptions(enabled = true) {
  return useQuery({
    queryKey: scoringKeys.raterOptions,
    queryFn: () => api<RaterOption[]>('/scoring/rater-options'),
    enabled,
    staleTime: 60_000,
  });
}

/** HR: blind scoring of one assessment on or off; the assessment's views refresh. */
export function useSetBlindScoring(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (blind: boolean) =>
      send<{ blind: boolean }>('PUT', `/assessments/${assessmentId}/blind-scoring`, { blind }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: assessmentKeys.all });
      void client.invalidateQueries({ queryKey: scoringKeys.all });
    },
  });
}
