import request from 'supertest';
import type { InterviewLinkResponse, InterviewQuestionChoice, ScheduleInterviewRequest } from '@rubricon/contracts';
import { DEVELOPER_POSTING } from './attempts';
import { seedPostingId } from './postings';

/** What a scheduler may choose from for a posting: its newest assessment's questions first, then the bank. */
export async function interviewQuestionChoices(
  url: string,
  token: string,
  postingId: string,
): Promise<InterviewQuestionChoice[]> {
  return (
    await request(url)
      .get(`/api/postings/${postingId}/interview-questions`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200)
  ).body;
}

/**
 * A valid scheduling request for the developer seed posting: a fresh candidate, the first coding
 * question and the first written one of the bank, tomorrow, for an hour, in TypeScript.
 */
export async function interviewRequest(
  url: string,
  token: string,
  panel: string[],
  overrides: Partial<ScheduleInterviewRequest> = {},
): Promise<ScheduleInterviewRequest> {
  const postingId = overrides.postingId ?? (await seedPostingId(url, token, DEVELOPER_POSTING));
  const choices = await interviewQuestionChoices(url, token, postingId);
  const coding = choices.find((c) => c.kind === 'coding')!;
  const written = choices.find((c) => c.kind !== 'coding')!;
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    postingId,
    candidate: { name: `Interviewee ${unique}`, email: `interviewee-${unique}@example.com` },
    questionIds: [coding.id, written.id],
    panel,
    startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    durationMinutes: 60,
    language: 'typescript',
    ...overrides,
  };
}

/** Schedules an interview (see interviewRequest) and returns the one-time link response. */
export async function scheduleInterview(
  url: string,
  token: string,
  panel: string[],
  overrides: Partial<ScheduleInterviewRequest> = {},
): Promise<InterviewLinkResponse> {
  const body = await interviewRequest(url, token, panel, overrides);
  return (await request(url).post('/api/interviews').set('Authorization', `Bearer ${token}`).send(body).expect(201))
    .body;
}

/** The token of a candidate link (`…/live/<token>`). */
export const linkToken = (link: string): string => link.slice(link.lastIndexOf('/live/') + '/live/'.length);
