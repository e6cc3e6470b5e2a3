import { useQuery } from '@tanstack/react-query';
import type { StaffRole, StaffUser } from '@rubricon/contracts';
import { useSyncExternalStore } from 'react';
import { api, session } from '../api';

/** Fired by api.ts when the server says the staff token no longer opens anything. */
const SIGNED_OUT_EVENT = 'rubricon:signed-out';
const SIGNED_IN_EVENT = 'rubricon:signed-in';

function subscribe(listener: () => void): () => void {
  window.addEventListener(SIGNED_OUT_EVENT, listener);
  window.addEventListener(SIGNED_IN_EVENT, listener);
  return () => {
    window.removeEventListener(SIGNED_OUT_EVENT, listener);
    window.removeEventListener(SIGNED_IN_EVENT, listener);
  };
}

/** True while a staff token is held; re-renders on sign-in and sign-out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, () => Boolean(session.token()));
}

export function signIn(token: string): void {
  session.set(token);
  window.dispatchEvent(new Event(SIGNED_IN_EVENT));
}

export function signOut(): void {
  session.clear();
  window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}

export const meKey = ['me'] as const;

/** The signed-in staff user (name, role), from GET /auth/me. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api<StaffUser>('/auth/me'), staleTime: 60_000 });
}

/** Whether the signed-in user has one of `roles`; false until /auth/me has answered. */
export function useCan(...roles: StaffRole[]): boolean {
  const me = useMe().data;
  return me !== undefined && roles.includes(me.role);
}

/** The roles each staff function needs, mirrored from the API's @Roles guards, so each role sees what it can do. */
export const CAN = {
  managePostings: ['admin', 'hr'],
  assessments: ['admin', 'hr'],
  candidates: ['admin', 'hr'],
  users: ['admin'],
  interviews: ['admin', 'hr', 'interviewer'],
  scorecards: ['admin', 'hr'],
  reviews: ['admin', 'hr', 'interviewer'],
  assignRaters: ['admin', 'hr'],
  audit: ['admin', 'hr'],
  mail: ['admin', 'hr'],
} as const satisfies Record<string, readonly StaffRole[]>;
