/** Addresses of the scorecard screens. */
export const rankingPath = (postingId: string) => `/scorecards/${encodeURIComponent(postingId)}`;
export const scorecardPath = (postingId: string, candidateId: string) =>
  `${rankingPath(postingId)}/${encodeURIComponent(candidateId)}`;
export const explanationPath = (postingId: string, candidateId: string) =>
  `${scorecardPath(postingId, candidateId)}/explanation`;
export const comparePath = (postingId: string, candidateIds: string[]) =>
  `${rankingPath(postingId)}/compare?${new URLSearchParams({ candidates: candidateIds.join(',') })}`;
export const printPath = (postingId: string, candidateIds: string[]) =>
  `${rankingPath(postingId)}/print?${new URLSearchParams({ candidates: candidateIds.join(',') })}`;
