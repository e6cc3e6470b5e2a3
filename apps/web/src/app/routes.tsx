import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation, type RouteObject } from 'react-router';
import { AssessmentPage } from '../assessments/AssessmentPage';
import { AssessmentsPage } from '../assessments/AssessmentsPage';
import { AttemptDetailPage } from '../attempts/AttemptDetailPage';
import { AttemptsPage } from '../attempts/AttemptsPage';
import { AuditPage } from '../audit/AuditPage';
import { CandidatesPage } from '../attempts/CandidatesPage';
import { LoginPage } from '../auth/LoginPage';
import { CAN, useSignedIn } from '../auth/session';
import { InterviewDetailPage } from '../interviews/InterviewDetailPage';
import { InterviewsPage } from '../interviews/InterviewsPage';
import { ReplayPage } from '../interviews/ReplayPage';
import { ScheduleInterviewPage } from '../interviews/ScheduleInterviewPage';
import { PostingDetailPage } from '../postings/PostingDetailPage';
import { PostingsPage } from '../postings/PostingsPage';
import { ReviewsPage } from '../scoring/ReviewsPage';
import { ScoreSheetPage } from '../scoring/ScoreSheetPage';
import { NotFoundPage, PageLoading, RequireRole, RouteError } from '../shell/PageState';
import { StaffLayout } from '../shell/StaffLayout';
import { UsersPage } from '../users/UsersPage';

// The live room (socket.io, Yjs, the editor) is its own chunk: only interviewers in a room load it.
const InterviewRoomPage = lazy(() =>
  import('../interviews/room/InterviewRoomPage').then((m) => ({ default: m.InterviewRoomPage })),
);
// Scorecards and their charts (ECharts) are another: only HR and administrators load them.
const ScorecardsSection = lazy(() =>
  import('../scorecards/ScorecardsSection').then((m) => ({ default: m.ScorecardsSection })),
);

/** Staff pages need a signed-in user; anyone else goes to sign-in and comes back afterwards. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** The staff app's route table: every staff function is reachable from here and from the navigation. */
export const staffRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSignIn>
        <StaffLayout />
      </RequireSignIn>
    ),
    children: [
      {
        // A screen that fails to render shows a plain message inside the frame, never a blank page.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/postings" replace /> },
          { path: 'postings', element: <PostingsPage /> },
          { path: 'postings/:postingId', element: <PostingDetailPage /> },
          {
            path: 'assessments',
            element: (
              <RequireRole roles={CAN.assessments}>
                <AssessmentsPage />
              </RequireRole>
            ),
          },
          {
            path: 'assessments/:assessmentId',
            element: (
              <RequireRole roles={CAN.assessments}>
                <AssessmentPage />
              </RequireRole>
            ),
          },
          {
            path: 'assessments/:assessmentId/attempts',
            element: (
              <RequireRole roles={CAN.candidates}>
                <AttemptsPage />
              </RequireRole>
            ),
          },
          {
            path: 'candidates',
            element: (
              <RequireRole roles={CAN.candidates}>
                <CandidatesPage />
              </RequireRole>
            ),
          },
          {
            path: 'attempts/:attemptId',
            element: (
              <RequireRole roles={CAN.candidates}>
                <AttemptDetailPage />
              </RequireRole>
            ),
          },
          {
            path: 'users',
            element: (
              <RequireRole roles={CAN.users}>
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: 'interviews',
            element: (
              <RequireRole roles={CAN.interviews}>
                <InterviewsPage />
              </RequireRole>
            ),
          },
          {
            path: 'interviews/new',
            element: (
              <RequireRole roles={CAN.interviews}>
                <ScheduleInterviewPage />
              </RequireRole>
            ),
          },
          {
            path: 'interviews/:id',
            element: (
              <RequireRole roles={CAN.interviews}>
                <InterviewDetailPage />
              </RequireRole>
            ),
          },
          {
            path: 'interviews/:id/replay',
            element: (
              <RequireRole roles={CAN.interviews}>
                <ReplayPage />
              </RequireRole>
            ),
          },
          {
            path: 'interviews/:id/room',
            element: (
              <RequireRole roles={CAN.interviews}>
                <Suspense fallback={<PageLoading />}>
                  <InterviewRoomPage />
                </Suspense>
              </RequireRole>
            ),
          },
          {
            path: 'reviews',
            element: (
              <RequireRole roles={CAN.reviews}>
                <ReviewsPage />
              </RequireRole>
            ),
          },
          {
            path: 'reviews/:kind/:id',
            element: (
              <RequireRole roles={CAN.reviews}>
                <ScoreSheetPage />
              </RequireRole>
            ),
          },
          {
            path: 'scorecards/*',
            element: (
              <RequireRole roles={CAN.scorecards}>
                <Suspense fallback={<PageLoading />}>
                  <ScorecardsSection />
                </Suspense>
              </RequireRole>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireRole roles={CAN.audit}>
                <AuditPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
