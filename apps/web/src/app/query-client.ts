import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

/**
 * One cache for every server call. A refusal (4xx) is an answer, not a glitch: it is never retried;
 * a network failure or a 5xx is retried twice with backoff.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
