import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { AssessmentView } from '@rubricon/contracts';
import { seedPostingId } from '../factories/postings';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { ADMIN, loginAs, startTestApp, type TestApp } from '../support/test-app';

const BANK = join(__dirname, '..', '..', 'question-banks');

/** Rewrites one question's English title in a copied bank, wherever its file is. */
function retitle(bankDir: string, oldTitle: string, newTitle: string): void {
  for (const kind of ['coding', 'case', 'scenario', 'behavioral']) {
    for (const name of readdirSync(join(bankDir, kind))) {
      const file = join(bankDir, kind, name);
      const text = readFileSync(file, 'utf8');
      if (text.includes(oldTitle)) return writeFileSync(file, text.replace(oldTitle, newTitle));
    }
  }
  throw new Error(`title not found: ${oldTitle}`);
}

describe.each(databaseKinds().map((k) => [k.name, k] as const))('question bank versions on %s', (_name, kind) => {
  let db: TestDatabase;
  let server: TestApp | undefined;
  const bankDir = mkdtempSync(join(tmpdir(), 'rubricon-bank-'));

  beforeAll(async () => {
    cpSync(BANK, bankDir, { recursive: true });
    db = await kind.create();
  });
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
    rmSync(bankDir, { recursive: true, force: true });
  });

  it('keeps a published assessment exactly as it was when the bank changes later', async () => {
    server = await startTestApp(db, { bankDir });
    let token = await loginAs(server.url, ADMIN.email, ADMIN.password);
    const postingId = await seedPostingId(server.url, token, '开发工程师');
    const draft = (
      await request(server.url)
        .post(`/api/postings/${postingId}/assessments`)
        .set('Authorization', `Bearer ${token}`)
        .send({ seed: 1 })
        .expect(201)
    ).body as AssessmentView;
    await request(server.url)
      .post(`/api/assessments/${draft.id}/publish`)
      .set('Authorization', `Bearer ${token}`)
      .expect(201);
    const question = draft.sections[0].questions[0];
    await server.close();

    retitle(bankDir, question.title.en, 'Edited after publishing');
    server = await startTestApp(db, { bankDir });
    token = await loginAs(server.url, ADMIN.email, ADMIN.password);
    const published = (
      await request(server.url).get(`/api/assessments/${draft.id}`).set('Authorization', `Bearer ${token}`).expect(200)
    ).body as AssessmentView;
    expect(published.sections[0].questions[0].title.en).toBe(question.title.en);

    const fresh = (
      await request(server.url)
        .post(`/api/postings/${postingId}/assessments`)
        .set('Authorization', `Bearer ${token}`)
        .send({ seed: 1 })
        .expect(201)
    ).body as AssessmentView;
    expect(fresh.bankVersion).not.toBe(published.bankVersion);
    expect(fresh.sections[0].questions[0].title.en).toBe('Edited after publishing');
  });
});
