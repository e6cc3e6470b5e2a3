import request from 'supertest';
import type {
  AssessmentView,
  CandidateAttemptView,
  CandidateSessionResponse,
  InvitationLink,
} from '@rubricon/contracts';
import { io, type Socket } from 'socket.io-client';
import { seedPostingId } from './postings';

/** Generates and publishes an assessment for a seed posting; returns it. */
export async function publishedAssessment(
  url: string,
  hrToken: string,
  postingTitle: string,
  durationMinutes?: number,
): Promise<AssessmentView> {
  const auth = { Authorization: `Bearer ${hrToken}` };
  const postingId = await seedPostingId(url, hrToken, postingTitle);
  const draft = (
    await request(url).post(`/api/postings/${postingId}/assessments`).set(auth).send({ seed: 3 }).expect(201)
  ).body as AssessmentView;
  if (durationMinutes)
    await request(url).patch(`/api/assessments/${draft.id}`).set(auth).send({ durationMinutes }).expect(200);
  return (await request(url).post(`/api/assessments/${draft.id}/publish`).set(auth).expect(201)).body;
}

export async function invite(url: string, hrToken: string, assessmentId: string, count = 1): Promise<InvitationLink[]> {
  const candidates = Array.from({ length: count }, (_, i) => ({
    name: `Candidate ${i + 1}`,
    email: `candidate${i + 1}-${Date.now()}@example.com`,
  }));
  return (
    await request(url)
      .post(`/api/assessments/${assessmentId}/invitations`)
      .set('Authorization', `Bearer ${hrToken}`)
      .send({ candidates })
      .expect(201)
  ).body;
}

/** The seed posting whose assessments have coding and written questions. */
export const DEVELOPER_POSTING = '开发工程师';

/** A fresh published assessment for the developer seed posting, and `count` invitation links to it. */
export async function invitedCandidates(
  url: string,
  hrToken: string,
  count = 1,
): Promise<{ assessment: AssessmentView; links: InvitationLink[] }> {
  const assessment = await publishedAssessment(url, hrToken, DEVELOPER_POSTING);
  return { assessment, links: await invite(url, hrToken, assessment.id, count) };
}

/** Opens the link's candidate session and starts its attempt (the clock runs from here). */
export async function startedAttempt(
  url: string,
  link: InvitationLink,
): Promise<{ session: CandidateSessionResponse; started: CandidateAttemptView }> {
  const session = await openSession(url, link);
  const started = (
    await request(url)
      .post('/api/candidate/attempt/start')
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(200)
  ).body as CandidateAttemptView;
  return { session, started };
}

export async function openSession(url: string, link: InvitationLink): Promise<CandidateSessionResponse> {
  return (await request(url).post('/api/candidate/sessions').send({ token: link.token }).expect(201)).body;
}

/** A connected candidate socket on /attempts; resolves once the server has sent the attempt state. */
export function connectCandidate(
  url: string,
  token: string,
): Promise<{ socket: Socket; firstState: { status: string; remainingMs: number | null } }> {
  const socket = io(`${url}/attempts`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('attempt-state', (state) => resolve({ socket, firstState: state }));
    socket.once('connect_error', (error) => reject(error));
  });
}

export function emitWithAck<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
}
