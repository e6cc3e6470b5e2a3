import type { InterviewSummary } from '@rubricon/contracts';

/**
 * What the caller may do with an interview, the same on the list and the detail page: the room
 * is for the panel until the end; replay exists once the interview has started.
 */
export function canJoin(interview: Pick<InterviewSummary, 'onPanel' | 'status'>): boolean {
  return interview.onPanel && interview.status !== 'ended';
}

export function canReplay(interview: Pick<InterviewSummary, 'status'>): boolean {
  return interview.status !== 'scheduled';
}

export const roomPath = (id: string) => `/interviews/${id}/room`;
export const replayPath = (id: string) => `/interviews/${id}/replay`;
export const interviewPath = (id: string) => `/interviews/${id}`;
