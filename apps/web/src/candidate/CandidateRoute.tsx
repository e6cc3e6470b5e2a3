import { lazy, Suspense } from 'react';

// The candidate bundle (socket.io client, later Monaco) loads only on /take/ links.
const CandidateApp = lazy(() => import('./CandidateApp').then((m) => ({ default: m.CandidateApp })));

export function CandidateRoute({ path }: { path: string }) {
  const token = decodeURIComponent(path.slice('/take/'.length).replace(/\/+$/, ''));
  return (
    <Suspense fallback={null}>
      <CandidateApp linkToken={token} />
    </Suspense>
  );
}
