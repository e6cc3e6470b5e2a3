import { useSearchParams } from 'react-router';
import { candidatesParam, useCompare } from './queries';

/** The scorecards of the address's `?candidates=` (compare and print): the ids asked for and their query. */
export function useCandidatesCards(postingId: string) {
  const [params] = useSearchParams();
  const ids = candidatesParam(params.get('candidates'));
  return { ids, cards: useCompare(postingId, ids) };
}
