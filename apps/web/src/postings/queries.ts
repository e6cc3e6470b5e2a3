import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportPostingsResponse, Page, PostingDetail, PostingSummary } from '@rubricon/contracts';
import { api, send } from '../api';

/** The postings resource: every screen reads and changes postings through these hooks. */
export const postingKeys = {
  all: ['postings'] as const,
  list: (params: { search: string; page: number; pageSize: number }) => ['postings', 'list', params] as const,
  detail: (id: string) => ['postings', 'detail', id] as const,
};

export function usePostings(params: { search: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: postingKeys.list(params),
    queryFn: () => {
      const query = new URLSearchParams({
        limit: String(params.pageSize),
        offset: String((params.page - 1) * params.pageSize),
      });
      if (params.search.trim()) query.set('search', params.search.trim());
      return api<Page<PostingSummary>>(`/postings?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function usePosting(id: string) {
  return useQuery({ queryKey: postingKeys.detail(id), queryFn: () => api<PostingDetail>(`/postings/${id}`) });
}

export type PostingImport = { file: File } | { text: string };
/** What to do with postings already imported with the same content: report them (save nothing), skip them, or import again. */
export type DuplicateChoice = 'report' | 'skip' | 'import';

export function useImportPostings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, duplicates }: { input: PostingImport; duplicates: DuplicateChoice }) => {
      const path = `/postings/import?duplicates=${duplicates}`;
      if ('text' in input) return send<ImportPostingsResponse>('POST', path, { text: input.text });
      const form = new FormData();
      form.append('file', input.file);
      return api<ImportPostingsResponse>(path, { method: 'POST', body: form });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: postingKeys.all }),
  });
}

export type PostingChanges = Partial<
  Pick<PostingDetail, 'title' | 'department' | 'location' | 'headcount' | 'duties' | 'requirements'>
>;

export function useUpdatePosting(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: PostingChanges) => send<PostingDetail>('PATCH', `/postings/${id}`, changes),
    onSuccess: (posting) => {
      client.setQueryData(postingKeys.detail(id), posting);
      return client.invalidateQueries({ queryKey: ['postings', 'list'] });
    },
  });
}

export function useDeletePosting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>('DELETE', `/postings/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: postingKeys.all }),
  });
}
