/** Addresses of the scorecard screens. */
export const rankingPath = (postingId: string) => `/scorecards/${encodeURIComponent(postingId)}`;
export const scorecardPath = (postingId: string, candidateId: string) =>
  `${rankingPath(postingId)}/${encodeURIComponent(candidateId)}`;
export const explanationPath = (postingId: string, candidateId: string) =>
  `${scorecardPath(postingId, candidateId)}/explanation`;
/** `candidates=a,b,c`, as the compare and print screens (and the API's compare) read it. */
export const candidatesQuery = (candidateIds: string[]) => new URLSearchParams({ candidates: candidateIds.join(',') });
export const comparePath = (postingId: string, candidateIds: string[]) =>
  `${rankingPath(postingId)}/compare?${candidatesQuery(candidateIds)}`;
export const printPath = (postingId: string, candidateIds: string[]) =>
  `${rankingPath(postingId)}/print?${candidatesQuery(candidateIds)}`;
