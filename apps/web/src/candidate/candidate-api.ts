import type { BilingualText, CandidateAttemptView, CandidateSessionResponse } from '@rubricon/contracts';
import { ApiError, request } from '../api';
import { sessionEndOf, type SessionEnd } from './save-refusals';

/**
 * HTTP for the candidate: no staff session, a candidate access token instead. Every opening of the
 * page opens its own session from the invitation link, and nothing is stored: a token kept in the
 * tab's storage would be shared by a duplicated tab, and two pages writing as one session could
 * overwrite each other unseen. The newest session takes over; older pages are told (onEnded).
 */
export function openSession(linkToken: string): Promise<CandidateSessionResponse> {
  return candidateFetch<CandidateSessionResponse>(null, '/candidate/sessions', {
    method: 'POST',
    body: JSON.stringify({ token: linkToken }),
  });
}

export function candidateFetch<T>(accessToken: string | null, path: string, init: RequestInit = {}): Promise<T> {
  return request<T>(path, init, accessToken);
}

/**
 * A bound client for one session of an attempt. When the server says the session is over (another
 * window took over, or the link changed), by any route or over the socket (`end`), its `onEnded`
 * listeners hear it once.
 */
export function attemptClient(accessToken: string) {
  const listeners = new Set<(end: SessionEnd) => void>();
  let ended: SessionEnd | null = null;
  const end = (why: SessionEnd) => {
    if (ended) return;
    ended = why;
    listeners.forEach((listener) => listener(why));
  };
  const call = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    try {
      return await candidateFetch<T>(accessToken, `/candidate/attempt${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      const why = e instanceof ApiError ? sessionEndOf(e.code) : undefined;
      if (why) end(why);
      throw e;
    }
  };
  return {
    accessToken,
    view: () => call<CandidateAttemptView>(''),
    start: () => call<CandidateAttemptView>('/start', 'POST'),
    submit: () => call<CandidateAttemptView>('/submit', 'POST'),
    call,
    end,
    /** Returns the function that stops listening. */
    onEnded: (listener: (end: SessionEnd) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
export type AttemptClient = ReturnType<typeof attemptClient>;

export function pick(text: BilingualText, lang: 'en' | 'zh'): string {
  return text[lang] || text[lang === 'zh' ? 'en' : 'zh'];
}
