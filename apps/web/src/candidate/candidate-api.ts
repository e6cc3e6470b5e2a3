import type { BilingualText, CandidateAttemptView, CandidateSessionResponse } from '@rubricon/contracts';
import { request } from '../api';

/**
 * HTTP for the candidate: no staff session, a candidate access token instead. Tokens live in
 * sessionStorage (this tab only) keyed by attempt, and the invitation link remembers its attempt,
 * so a reload resumes without spending the link again.
 */
const linkKey = (linkToken: string) => `rubricon.take.${linkToken}`;
const attemptKey = (attemptId: string) => `rubricon.attempt.${attemptId}`;

export interface CandidateSession {
  attemptId: string;
  accessToken: string;
}

export function storedSession(linkToken: string): CandidateSession | null {
  const attemptId = sessionStorage.getItem(linkKey(linkToken));
  const accessToken = attemptId && sessionStorage.getItem(attemptKey(attemptId));
  return attemptId && accessToken ? { attemptId, accessToken } : null;
}

export function forgetSession(linkToken: string): void {
  const attemptId = sessionStorage.getItem(linkKey(linkToken));
  if (attemptId) sessionStorage.removeItem(attemptKey(attemptId));
  sessionStorage.removeItem(linkKey(linkToken));
}

export async function openSession(linkToken: string): Promise<CandidateSession> {
  const res = await candidateFetch<CandidateSessionResponse>(null, '/candidate/sessions', {
    method: 'POST',
    body: JSON.stringify({ token: linkToken }),
  });
  sessionStorage.setItem(linkKey(linkToken), res.attemptId);
  sessionStorage.setItem(attemptKey(res.attemptId), res.accessToken);
  return res;
}

export function candidateFetch<T>(accessToken: string | null, path: string, init: RequestInit = {}): Promise<T> {
  return request<T>(path, init, accessToken);
}

/** A bound client for one attempt. */
export function attemptClient(accessToken: string) {
  const call = <T>(path: string, method = 'GET', body?: unknown) =>
    candidateFetch<T>(accessToken, `/candidate/attempt${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    accessToken,
    view: () => call<CandidateAttemptView>(''),
    start: () => call<CandidateAttemptView>('/start', 'POST'),
    submit: () => call<CandidateAttemptView>('/submit', 'POST'),
    call,
  };
}
export type AttemptClient = ReturnType<typeof attemptClient>;

export function pick(text: BilingualText, lang: 'en' | 'zh'): string {
  return text[lang] || text[lang === 'zh' ? 'en' : 'zh'];
}
