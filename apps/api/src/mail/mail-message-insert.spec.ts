import { memoryDatabase } from '../database/memory-database.testing';
import { MailMessageEntity } from './mail-message.entity';
import { MailRepository, type NewMail } from './mail.repository';

/** A batch of invitations answers with each link's own mail: the rows returned are the rows stored. */
it('returns each queued row with the id it was stored under', async () => {
  const { source, db } = await memoryDatabase();
  const mail = (toEmail: string): NewMail => ({
    kind: 'invitation',
    lang: 'en',
    toEmail,
    toName: toEmail,
    subject: 's',
    input: {},
    link: null,
    remindsOf: null,
    dedupeKey: null,
    attemptId: null,
    interviewId: null,
    candidateId: null,
    createdById: null,
  });
  const rows = await new MailRepository(db).insert(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io'].map(mail));
  const stored = new Map((await source.manager.find(MailMessageEntity)).map((s) => [s.id, s.toEmail]));
  expect(rows.map((r) => stored.get(r.id))).toEqual(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io']);
  await source.destroy();
});
