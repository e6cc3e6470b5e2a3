import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { InterviewLinkResponse, InterviewQuestionView } from '@rubricon/contracts';
import { InterviewRoomService } from '../../apps/api/src/interviews/room/interview-room.service';
import { scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { databaseKinds } from '../support/databases';
import { connectRoom, eventually } from '../support/interview-client';
import { useServerSuite } from '../support/server-suite';
import { ADMIN, loginAs } from '../support/test-app';

jest.setTimeout(180_000);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Rooms are freed: 1,000 documents opened, edited and closed through real sockets leave no document
 * and no interview in memory, and the heap where it was (a known leak of other Yjs servers, which
 * keep documents after their last connection or after a failed save).
 */
describe('interview rooms free their memory', () => {
  const [sqlite] = databaseKinds();
  const suite = useServerSuite(sqlite, 'hr');

  it('1,000 documents opened and closed leave the heap where it was', async () => {
    const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(suite.server.url, admin, 'interviewer');
    const interviews: InterviewLinkResponse[] = [];
    for (let i = 0; i < 10; i++) interviews.push(await scheduleInterview(suite.server.url, admin, [interviewer.id]));
    const room = suite.server.app.get(InterviewRoomService);
    let opened = 0;

    /** One visit: a panel member opens both questions' documents, edits, and leaves. */
    async function visit(n: number) {
      const { interview } = interviews[n % interviews.length];
      const c = await connectRoom(suite.server.url, { accessToken: interviewer.token, interviewId: interview.id });
      const docs = (c.questions().questions as InterviewQuestionView[]).map((q) => c.doc(q.id));
      await eventually(() => docs.every((d) => d.synced));
      for (const d of docs) d.text.insert(0, `visit ${n}\n`);
      opened += docs.length;
      c.close();
      await eventually(() => room.liveCount === 0 && room.rooms.size === 0);
    }

    for (let n = 0; n < 50; n++) await visit(n);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let n = 50; opened < 1_100; n++) await visit(n);
    gc();
    const after = process.memoryUsage().heapUsed;
    expect(opened).toBeGreaterThanOrEqual(1_100);
    expect(room.rooms.size).toBe(0);
    expect(room.liveCount).toBe(0);
    process.stderr.write(
      `[interview-leaks] heap ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB after 1,000 more documents\n`,
    );
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
  });
});
