import { useRoutes, type RouteObject } from 'react-router';
import { NotFoundPage } from '../shell/PageState';
import { ComparePage } from './ComparePage';
import { ExplanationPage } from './ExplanationPage';
import { PrintScorecards } from './PrintScorecards';
import { ScorecardPage } from './ScorecardPage';
import { ScorecardsPage } from './ScorecardsPage';

/** The scorecard screens below /scorecards; `compare` and `print` are matched before a candidate id. */
const scorecardRoutes: RouteObject[] = [
  { index: true, element: <ScorecardsPage /> },
  { path: ':postingId', element: <ScorecardsPage /> },
  { path: ':postingId/compare', element: <ComparePage /> },
  { path: ':postingId/print', element: <PrintScorecards /> },
  { path: ':postingId/:candidateId', element: <ScorecardPage /> },
  { path: ':postingId/:candidateId/explanation', element: <ExplanationPage /> },
  { path: '*', element: <NotFoundPage /> },
];

/**
 * /scorecards/*: one chunk, with ECharts, that only HR and administrators load (app/routes.tsx
 * imports it lazily).
 */
export function ScorecardsSection() {
  return useRoutes(scorecardRoutes);
}
