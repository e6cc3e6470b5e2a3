import { CandidateApp } from './CandidateApp';

// main.tsx already loads the candidate page as its own chunk (candidate-main), so CandidateApp comes
// in that chunk: a second lazy step would only add a round trip before the page can be used.
export function CandidateRoute({ path }: { path: string }) {
  const token = decodeURIComponent(path.slice('/take/'.length).replace(/\/+$/, ''));
  return <CandidateApp linkToken={token} />;
}
