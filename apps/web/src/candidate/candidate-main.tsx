import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { CandidateRoute } from './CandidateRoute';

/** The candidate page's entry: no staff code, no antd, no staff stylesheet (candidate.css brings its own base). */
export function mount(root: Root): void {
  root.render(
    <StrictMode>
      <CandidateRoute path={window.location.pathname} />
    </StrictMode>,
  );
}
