import { useCallback, useEffect, useState } from 'react';
import type { CandidateAttemptView } from '@rubricon/contracts';
import { ApiError } from '../api';
import { attemptClient, forgetSession, openSession, storedSession, type AttemptClient } from './candidate-api';
import { AttemptScreen } from './AttemptScreen';
import type { CodedError } from '../i18n/errors';
import { CandidatePage, Done, LinkProblem, Opening } from './CandidatePage';
import { Instructions } from './Instructions';
import { useCandidateText } from './messages';
import './candidate.css';

/** Everything under /take/<token>: no staff login, only the invitation link. */
export function CandidateApp({ linkToken }: { linkToken: string }) {
  const { c, textFor } = useCandidateText();
  const [client, setClient] = useState<AttemptClient | null>(null);
  const [view, setView] = useState<CandidateAttemptView | null>(null);
  const [problem, setProblem] = useState<CodedError | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const stored = storedSession(linkToken);
      if (stored) {
        const resumed = attemptClient(stored.accessToken);
        try {
          const v = await resumed.view();
          if (!cancelled) {
            setClient(resumed);
            setView(v);
          }
          return;
        } catch (e) {
          // An ended session (expired, replaced or withdrawn access token): fall back to the link itself.
          if (!(e instanceof ApiError && e.code === 'session-ended')) throw e;
          forgetSession(linkToken);
        }
      }
      const fresh = attemptClient((await openSession(linkToken)).accessToken);
      const v = await fresh.view();
      if (!cancelled) {
        setClient(fresh);
        setView(v);
      }
    })().catch((e: Error) => {
      if (!cancelled) setProblem(e);
    });
    return () => {
      cancelled = true;
    };
  }, [linkToken]);

  // Said when shown, so the language switch applies to it too; a 404 without a known code is still a bad link.
  const problemText = (e: CodedError) =>
    e instanceof ApiError && e.status === 404 && !e.code ? c.linkUnknown : textFor(e);
  const onView = useCallback((v: CandidateAttemptView) => setView(v), []);

  let body;
  if (problem) body = <LinkProblem text={problemText(problem)} />;
  else if (!view || !client) body = <Opening />;
  else if (view.status === 'invited') body = <Instructions view={view} client={client} onStarted={onView} />;
  else if (view.status === 'in_progress') body = <AttemptScreen initial={view} client={client} onView={onView} />;
  else body = <Done expired={view.status === 'expired'} title={view.title} />;

  return <CandidatePage title={view?.title}>{body}</CandidatePage>;
}
