import type { InterviewQuestionView } from '@rubricon/contracts';
import request from 'supertest';
import { DocReplay } from '@rubricon/collab';
import { linkToken, scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { connectRoom, eventually } from '../support/interview-client';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { ADMIN, loginAs, testConfig } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The API dies with edits in flight: `kill -9` loses none older than a second (the log is written
 * every 250 ms), SIGTERM loses none at all, and a restarted server restores the exact document.
 */
describe.each(databaseKinds().map((k) => [k.name, k] as const))(
  'interview documents survive the API on %s',
  (_name, kind) => {
    let db: TestDatabase;
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      db = await kind.create();
    });
    afterAll(async () => {
      server?.child.kill('SIGKILL');
      await db?.dispose();
    });

    async function editThenStop(stop: 'SIGKILL' | 'SIGTERM', waitMs: number) {
      const config = testConfig(db);
      server = await startServerProcess(config);
      const admin = await loginAs(server.url, ADMIN.email, ADMIN.password);
      const interviewer = await createStaff(server.url, admin, 'interviewer');
      const scheduled = await scheduleInterview(server.url, admin, [interviewer.id]);
      const id = scheduled.interview.id;
      const staff = await connectRoom(server.url, { accessToken: interviewer.token, interviewId: id });
      const candidate = await connectRoom(server.url, { link: linkToken(scheduled.link) });
      const coding = (staff.questions().questions as InterviewQuestionView[])[0];
      await staff.ask('question:reveal', { questionId: coding.id });
      const a = staff.doc(coding.id);
      const b = candidate.doc(coding.id);
      await eventually(() => a.synced && b.synced);
      for (let i = 0; i < 30; i++) {
        (i % 2 ? a : b).text.insert(0, `edit-${i};`);
        await new Promise((r) => setTimeout(r, 10));
      }
      // Both sides have everything: the server applied all of it.
      await eventually(() => a.text.toString() === b.text.toString() && a.text.toString().includes('edit-29;'));
      const expected = a.text.toString();
      await new Promise((r) => setTimeout(r, waitMs));
      server.child.kill(stop);
      const how = await server.exited;
      staff.close();
      candidate.close();
      // SIGTERM drains and exits 0 (common/shutdown.ts); kill -9 is a kill.
      expect(how).toBe(stop === 'SIGTERM' ? 0 : 'SIGKILL');

      server = await startServerProcess(config);
      const again = await connectRoom(server.url, { accessToken: interviewer.token, interviewId: id });
      const restored = again.doc(coding.id);
      await eventually(() => restored.synced);
      expect(restored.text.toString()).toBe(expected);
      // And the log alone rebuilds it: replay sees every edit.
      const replay = (
        await request(server.url)
          .get(`/api/interviews/${id}/replay`)
          .set('Authorization', `Bearer ${admin}`)
          .expect(200)
      ).body as { logs: Record<string, { seq: number; at: number; author: string; update: string }[]> };
      const log = replay.logs[coding.id].map((u) => ({
        ...u,
        update: new Uint8Array(Buffer.from(u.update, 'base64')),
      }));
      expect(new DocReplay(log).textAfter(log.length)).toBe(expected);
      again.close();
      server.child.kill('SIGTERM');
      await server.exited;
      server = undefined;
    }

    it('kill -9 a second after the last edit loses no edit', () => editThenStop('SIGKILL', 1_000));

    it('SIGTERM right after the last edit flushes everything', () => editThenStop('SIGTERM', 0));
  },
);
