import { useEffect, useState } from 'react';
import { session } from './api';
import { AssessmentPage } from './assessments/AssessmentPage';
import { AttemptDetailPage } from './attempts/AttemptDetailPage';
import { AttemptsPage } from './attempts/AttemptsPage';
import { CandidateRoute } from './candidate/CandidateRoute';
import { LoginPage } from './auth/LoginPage';
import { PostingDetailPage } from './postings/PostingDetailPage';
import { PostingsPage } from './postings/PostingsPage';
import { navigate, usePath } from './router';
import { Shell } from './shell/Shell';

export function App() {
  const [signedIn, setSignedIn] = useState(() => Boolean(session.token()));
  const path = usePath();

  useEffect(() => {
    const onSignedOut = () => setSignedIn(false);
    window.addEventListener('rubricon:signed-out', onSignedOut);
    return () => window.removeEventListener('rubricon:signed-out', onSignedOut);
  }, []);

  // Candidates arrive with an invitation link, never with a staff login.
  if (path.startsWith('/take/')) return <CandidateRoute path={path} />;
  if (!signedIn)
    return (
      <LoginPage
        onSignedIn={() => {
          setSignedIn(true);
          if (path === '/' || path === '/login') navigate('/postings');
        }}
      />
    );
  const signOut = () => {
    session.clear();
    setSignedIn(false);
  };
  const posting = path.match(/^\/postings\/([0-9a-f-]{36})$/);
  const assessment = path.match(/^\/assessments\/([0-9a-f-]{36})$/);
  const attempts = path.match(/^\/assessments\/([0-9a-f-]{36})\/attempts$/);
  const attempt = path.match(/^\/attempts\/([0-9a-f-]{36})$/);
  return (
    <Shell onSignOut={signOut}>
      {attempts ? (
        <AttemptsPage assessmentId={attempts[1]} />
      ) : attempt ? (
        <AttemptDetailPage attemptId={attempt[1]} />
      ) : assessment ? (
        <AssessmentPage id={assessment[1]} />
      ) : posting ? (
        <PostingDetailPage id={posting[1]} />
      ) : (
        <PostingsPage />
      )}
    </Shell>
  );
}
