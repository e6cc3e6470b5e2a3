import request from 'supertest';
import type { PostingSummary } from '@rubricon/contracts';

/** The id of the seed posting with exactly this title. */
export async function seedPostingId(url: string, token: string, title: string): Promise<string> {
  const res = await request(url)
    .get(`/api/postings?limit=100&search=${encodeURIComponent(title)}`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  const match = (res.body.items as PostingSummary[]).find((p) => p.title === title);
  if (!match) throw new Error(`No seed posting titled ${title}`);
  return match.id;
}
