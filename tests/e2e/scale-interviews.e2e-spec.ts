import { DocClient, type CollabSocket } from '@rubricon/collab';
import type { InterviewQuestionView, InterviewRoomQuestions, InterviewRoomState } from '@rubricon/contracts';
import { createConnection } from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import { linkToken, scheduleInterview } from '../factories/interviews';
import { createStaff } from '../factories/staff';
import { startCluster, type Cluster } from '../support/cluster';
import { connectRoom, eventually } from '../support/interview-client';
import { mariadbAvailable } from '../support/mariadb';
import { redisAvailable } from '../support/redis';
import { ADMIN, loginAs } from '../support/test-app';

jest.setTimeout(180_000);

const describeScale = mariadbAvailable() && redisAvailable() ? describe : describe.skip;

/** A room socket that reconnects by itself (through the front proxy, to whichever instance is up). */
function roomSocket(url: string, auth: object): Socket {
  return io(`${url}/interviews`, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
  });
}

function latest<T>(socket: Socket, event: string): () => T | undefined {
  let value: T | undefined;
  socket.on(event, (v: T) => (value = v));
  return () => value;
}

/**
 * Two API instances on one MariaDB and one Redis: an interviewer on one and the candidate on the
 * other co-edit a question's code; then the interviewer's instance is killed (kill -9) and they go
 * on through the other one. Every instance's copy of the document, and the log, must agree.
 */
describeScale('live interviews across API instances', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ instances: 2 });
  });
  afterAll(async () => {
    await cluster?.dispose();
  });

  it('co-edit on two instances converges, and goes on converging after one instance is killed', async () => {
    const [a, b] = cluster.instances;
    const admin = await loginAs(a.url!, ADMIN.email, ADMIN.password);
    const interviewer = await createStaff(a.url!, admin, 'interviewer');
    const scheduled = await scheduleInterview(a.url!, admin, [interviewer.id]);
    const id = scheduled.interview.id;

    // The interviewer reaches instance A, the candidate instance B, through the one front address.
    cluster.pin(0);
    const staffSocket = roomSocket(cluster.url, { accessToken: interviewer.token, interviewId: id });
    const staffQuestions = latest<InterviewRoomQuestions>(staffSocket, 'room:questions');
    await eventually(() => Boolean(staffQuestions()));
    cluster.pin(1);
    const candidateSocket = roomSocket(cluster.url, { link: linkToken(scheduled.link) });
    const candidateState = latest<InterviewRoomState>(candidateSocket, 'room:state');
    const candidateQuestions = latest<InterviewRoomQuestions>(candidateSocket, 'room:questions');
    await eventually(() => Boolean(candidateState()));
    cluster.pin(null);

    // Revealed on A: B re-reads the interview and lets its candidate see and edit the question.
    const coding = (staffQuestions()!.questions as InterviewQuestionView[])[0];
    await staffSocket.timeout(10_000).emitWithAck('question:reveal', { questionId: coding.id });
    await eventually(() => candidateQuestions()!.questions.some((q) => q.id === coding.id));
    await eventually(() => candidateState()!.currentQuestionId === coding.id);
    // Who is online counts both instances' sockets.
    expect(
      candidateState()!
        .participants.filter((p) => p.online)
        .map((p) => p.role)
        .sort(),
    ).toEqual(['candidate', 'interviewer']);

    const refusals: unknown[] = [];
    const staffDoc = new DocClient(staffSocket as unknown as CollabSocket, coding.id, {
      onRefused: (r) => refusals.push(r),
    });
    const candidateDoc = new DocClient(candidateSocket as unknown as CollabSocket, coding.id, {
      onRefused: (r) => refusals.push(r),
    });
    await eventually(() => staffDoc.synced && candidateDoc.synced);
    for (let i = 0; i < 40; i++) {
      (i % 2 ? staffDoc : candidateDoc).text.insert(0, `e${i};`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const converged = () =>
      staffDoc.text.toString() === candidateDoc.text.toString() && staffDoc.text.toString().includes('e39;');
    await eventually(converged, 15_000);
    expect(refusals).toEqual([]);
    for (let i = 0; i < 40; i++) expect(staffDoc.text.toString()).toContain(`e${i};`);

    // Each instance's own copy has it all: a newcomer on either one reads the same text.
    for (const instance of [a, b]) {
      const viewer = await connectRoom(instance.url!, { accessToken: interviewer.token, interviewId: id });
      const doc = viewer.doc(coding.id);
      await eventually(() => doc.synced && doc.text.toString() === staffDoc.text.toString());
      viewer.close();
    }

    // Instance A dies with the interviewer on it; the interviewer's socket comes back through B.
    const staffReconnected = new Promise((resolve) => staffSocket.io.once('reconnect', resolve));
    expect(await cluster.stop(0, 'SIGKILL')).toBe('SIGKILL');
    await staffReconnected;
    for (let i = 40; i < 60; i++) {
      (i % 2 ? staffDoc : candidateDoc).text.insert(staffDoc.text.length, `f${i};`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(
      () => staffDoc.text.toString() === candidateDoc.text.toString() && staffDoc.text.toString().includes('f59;'),
      15_000,
    );
    const expected = staffDoc.text.toString();
    for (let i = 0; i < 40; i++) expect(expected).toContain(`e${i};`);
    expect(refusals).toEqual([]);

    // A comes back: it loads the document from the log (and snapshot) every instance wrote to.
    await cluster.start(0);
    const late = await connectRoom(cluster.instances[0].url!, { accessToken: interviewer.token, interviewId: id });
    const lateDoc = late.doc(coding.id);
    await eventually(() => lateDoc.synced && lateDoc.text.toString() === expected, 15_000);
    late.close();

    // The log numbers each document's entries once, whichever instance wrote them.
    const conn = await createConnection({ uri: (cluster.db.database as { url: string }).url });
    const [rows] = (await conn.query(
      'SELECT `seq`, COUNT(*) AS n FROM `interview_updates` WHERE `interviewId` = ? AND `questionId` = ? GROUP BY `seq` HAVING n > 1',
      [id, coding.id],
    )) as unknown as [unknown[]];
    await conn.end();
    expect(rows).toEqual([]);

    staffDoc.destroy();
    candidateDoc.destroy();
    staffSocket.disconnect();
    candidateSocket.disconnect();
  });
});
