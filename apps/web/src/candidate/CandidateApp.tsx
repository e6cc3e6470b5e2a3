import { lazy, useCallback, useEffect, useState } from 'react';
import type { CandidateAttemptView } from '@rubricon/contracts';
import { ApiError } from '../api';
import { attemptClient, openSession, type AttemptClient } from './candidate-api';
import type { CodedError } from '../i18n/errors';
import { CandidatePage, Done, LinkProblem, Opening } from './CandidatePage';
import { Instructions } from './Instructions';
import { useCandidateText } from './messages';
import { sessionEndOf, type SessionEnd } from './save-refusals';
import { SessionOver } from './SessionOver';
import './candidate.css';

// The attempt screen (socket.io, the answer book, the questions) is not needed to read the
// instructions: it loads while the candidate reads them (Instructions prefetches it).
const AttemptScreen = lazy(() => import('./AttemptScreen').then((m) => ({ default: m.AttemptScreen })));

/** Everything under /take/<token>: no staff login, only the invitation link. */
export function CandidateApp({ linkToken }: { linkToken: string }) {
  const { c, textFor } = useCandidateText();
  const [client, setClient] = useState<AttemptClient | null>(null);
  const [view, setView] = useState<CandidateAttemptView | null>(null);
  const [problem, setProblem] = useState<CodedError | null>(null);
  /** Why this page's session is over (another window took over, the link changed); it then writes nothing. */
  const [ended, setEnded] = useState<SessionEnd | null>(null);
  /** Raised to open the link again ("continue here"), which takes the attempt back from the other window. */
  const [opening, setOpening] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let stopListening = () => {};
    // Each opening of the page (a reload, another tab, another device) is its own session: the link
    // resumes the attempt until it is over, and the newest session takes over from the others.
    (async () => {
      const fresh = attemptClient((await openSession(linkToken)).accessToken);
      stopListening = fresh.onEnded((why) => !cancelled && setEnded(why));
      const v = await fresh.view();
      if (!cancelled) {
        setClient(fresh);
        setView(v);
      }
    })().catch((e: Error) => {
      // A session already taken over by another window is shown by SessionOver, not as a bad link.
      if (!cancelled && !(e instanceof ApiError && sessionEndOf(e.code))) setProblem(e);
    });
    return () => {
      cancelled = true;
      stopListening();
    };
  }, [linkToken, opening]);

  const continueHere = useCallback(() => {
    setEnded(null);
    setClient(null);
    setView(null);
    setProblem(null);
    setOpening((n) => n + 1);
  }, []);

  // Said when shown, so the language switch applies to it too; a 404 without a known code is still a bad link.
  const problemText = (e: CodedError) =>
    e instanceof ApiError && e.status === 404 && !e.code ? c.linkUnknown : textFor(e);
  const onView = useCallback((v: CandidateAttemptView) => setView(v), []);

  let body;
  if (ended) body = <SessionOver end={ended} title={view?.title} onContinue={continueHere} />;
  else if (problem) body = <LinkProblem text={problemText(problem)} />;
  else if (!view || !client) body = <Opening />;
  else if (view.status === 'invited') body = <Instructions view={view} client={client} onStarted={onView} />;
  else if (view.status === 'in_progress') body = <AttemptScreen initial={view} client={client} onView={onView} />;
  else body = <Done view={view} />;

  return <CandidatePage title={view?.title}>{body}</CandidatePage>;
}
