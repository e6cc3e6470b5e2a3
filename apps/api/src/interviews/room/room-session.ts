import type { CollabRoom } from '@rubricon/collab';
import type { InterviewParticipant } from '@rubricon/contracts';

/** Who a socket of the /interviews namespace is, decided once at the handshake. */
export interface RoomSession {
  interviewId: string;
  /** The socket id: awareness client ids and open documents belong to it. */
  connectionId: string;
  role: 'interviewer' | 'candidate';
  /** Staff user id; null for the candidate. */
  userId: string | null;
  participant: InterviewParticipant;
  /** The documents this connection opened (or is opening), by question id. */
  docs: Map<string, Promise<CollabRoom>>;
}

export const roomOf = (interviewId: string) => `iv:${interviewId}`;
export const staffRoomOf = (interviewId: string) => `iv:${interviewId}:staff`;
export const candidateRoomOf = (interviewId: string) => `iv:${interviewId}:candidate`;
export const userRoomOf = (interviewId: string, userId: string) => `iv:${interviewId}:user:${userId}`;
export const docKeyOf = (interviewId: string, questionId: string) => `${interviewId}/${questionId}`;
export const docRoomOf = (docKey: string) => `doc:${docKey}`;
