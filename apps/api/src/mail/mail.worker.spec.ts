import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MAIL_OFF, type AppConfig } from '../config';
import type { Database } from '../database/database';
import { memoryDatabase } from '../database/memory-database.testing';
import { MailMessageEntity } from './mail-message.entity';
import type { MailTransport, OutgoingSmtpMessage } from './mail-transport';
import { MailRepository } from './mail.repository';
import { MailService, type OutgoingMail } from './mail.service';
import { MailWorker } from './mail.worker';

/** A transport that answers as told: each call takes the next answer (an Error is thrown), then accepts. */
class ScriptedTransport implements MailTransport {
  readonly sent: OutgoingSmtpMessage[] = [];
  constructor(private readonly answers: (string | Error)[] = []) {}
  async send(message: OutgoingSmtpMessage): Promise<string> {
    const answer = this.answers.shift() ?? '250 2.0.0 Ok: queued';
    if (answer instanceof Error) throw answer;
    this.sent.push(message);
    return answer;
  }
  close(): void {}
}

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.response ?? 'x')), fields);

const invitation = (email: string, name = 'Ada'): OutgoingMail => ({
  content: {
    kind: 'invitation',
    lang: 'en',
    candidateName: name,
    title: { zh: '后端工程师', en: 'Backend engineer' },
    minutes: 90,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
    link: 'https://rubricon.test/take/secret-token-123',
  },
  toEmail: email,
});

/** The real repository and service on SQLite, a scripted transport: the worker's rules, one pass at a time. */
describe(MailWorker.name, () => {
  let source: DataSource;
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => source?.destroy());

  async function setUp(answers: (string | Error)[] = [], mail: Partial<AppConfig['mail']> = {}) {
    let db: Database;
    ({ source, db } = await memoryDatabase());
    const config = {
      publicUrl: 'https://rubricon.test',
      mail: { ...MAIL_OFF, smtpUrl: 'smtp://127.0.0.1:2525', retryBaseMs: 1000, ...mail },
    } as AppConfig;
    const repo = new MailRepository(db);
    const service = new MailService(config, repo);
    const transport = new ScriptedTransport(answers);
    const worker = new MailWorker(config, transport, repo, service);
    // As if started: the pass loop stops when the worker is shut down.
    (worker as unknown as { timer: unknown }).timer = setInterval(() => undefined, 60_000).unref();
    const rows = () => source.manager.find(MailMessageEntity, { order: { queuedAt: 'ASC' } });
    const makeDue = () =>
      source.manager.update(MailMessageEntity, { status: 'queued' }, { nextAttemptAt: new Date(Date.now() - 1) });
    return { worker, service, transport, rows, makeDue, stop: () => worker.onApplicationShutdown() };
  }

  it('sends a queued mail once, with one Message-ID, and then forgets its link', async () => {
    const { worker, service, transport, rows, stop } = await setUp();
    const [row] = await service.enqueue([invitation('ada@example.com')]);
    expect(row.link).toBe('https://rubricon.test/take/secret-token-123');
    await worker.tick();
    await worker.tick();
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0].messageId).toBe(`<${row.id}@rubricon.test>`);
    expect(transport.sent[0].text).toContain('https://rubricon.test/take/secret-token-123');
    const [after] = await rows();
    expect(after).toMatchObject({ status: 'sent', tries: 1, link: null, smtpResponse: '250 2.0.0 Ok: queued' });
    await stop();
  });

  it('retries a refused connection after a backoff, keeping the reason, and then sends', async () => {
    const refused = smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' });
    const { worker, service, transport, rows, makeDue, stop } = await setUp([refused]);
    await service.enqueue([invitation('ada@example.com')]);
    const before = Date.now();
    await worker.tick();
    const [waiting] = await rows();
    expect(waiting).toMatchObject({
      status: 'queued',
      tries: 1,
      lastError: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525',
    });
    expect(waiting.link).not.toBeNull();
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 900);
    await worker.tick(); // not due yet
    expect(transport.sent).toHaveLength(0);
    await makeDue();
    await worker.tick();
    expect(transport.sent).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', tries: 2 });
    await stop();
  });

  it('gives a refused recipient up at once, and any mail after 72 hours of failures, with the reason', async () => {
    const noSuchUser = smtpError({
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.1.1 no such user',
    });
    const busy = smtpError({ command: 'RCPT TO', responseCode: 451, response: '451 4.3.0 try again later' });
    const relay = smtpError({
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 553,
      response: '553 relay denied',
    });
    const { worker, service, rows, makeDue, stop } = await setUp([noSuchUser, relay, busy, busy]);
    await service.enqueue([invitation('gone@example.com')]);
    await worker.tick();
    expect((await rows())[0]).toMatchObject({ status: 'failed', tries: 1, lastError: '550 5.1.1 no such user' });

    // The sender refused: the settings are wrong, not the mail, so it waits for them to be fixed.
    const [busyRow] = await service.enqueue([invitation('busy@example.com')]);
    await worker.tick();
    expect((await rows()).find((r) => r.id === busyRow.id)).toMatchObject({
      status: 'queued',
      lastError: '553 relay denied',
    });
    await makeDue();
    await worker.tick();
    expect((await rows()).find((r) => r.id === busyRow.id)).toMatchObject({ status: 'queued', tries: 2 });
    // Three days of failures later, it is given up.
    await source.manager.update(
      MailMessageEntity,
      { id: busyRow.id },
      { queuedAt: new Date(Date.now() - 73 * 3_600_000) },
    );
    await makeDue();
    await worker.tick();
    const given = (await rows()).find((r) => r.id === busyRow.id)!;
    expect(given).toMatchObject({
      status: 'failed',
      tries: 3,
      lastError: 'Given up after 72 hours: 451 4.3.0 try again later',
    });
    expect(given.failedAt).toBeInstanceOf(Date);
    await stop();
  });

  it('records nothing as failed when the server accepted the mail but the database did not take it', async () => {
    const { worker, service, transport, rows, stop } = await setUp();
    const repo = (worker as unknown as { repo: MailRepository }).repo;
    const markSent = repo.markSent.bind(repo);
    let failOnce = true;
    repo.markSent = async (...args) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('connection lost');
      }
      return markSent(...args);
    };
    await service.enqueue([invitation('ada@example.com')]);
    await worker.tick();
    expect(transport.sent).toHaveLength(1);
    // Left as claimed: only the claim's lapse could send it again, not a retry.
    expect((await rows())[0]).toMatchObject({ status: 'sending', tries: 1, lastError: null });
    await worker.tick();
    expect(transport.sent).toHaveLength(1);
    await stop();
  });

  it('cancels a link mail whose link no longer works instead of sending it', async () => {
    const { worker, service, transport, rows, stop } = await setUp();
    await service.enqueue([{ ...invitation('ada@example.com'), attemptId: 'no-such-attempt' }]);
    await worker.tick();
    expect(transport.sent).toHaveLength(0);
    expect((await rows())[0]).toMatchObject({ status: 'cancelled', link: null });
    expect((await rows())[0].lastError).toMatch(/^Not sent: .*link/);
    await stop();
  });

  it('holds mail over the hourly cap of one address until the hour has passed, without counting a try', async () => {
    const { worker, service, transport, rows, stop } = await setUp([], { perRecipientPerHour: 2 });
    await service.enqueue(['a', 'b', 'c'].map(() => invitation('ada@example.com')));
    await service.enqueue([invitation('bob@example.com')]);
    await worker.tick();
    expect(transport.sent.map((m) => m.to.address).sort()).toEqual([
      'ada@example.com',
      'ada@example.com',
      'bob@example.com',
    ]);
    const held = (await rows()).filter((r) => r.status === 'queued');
    expect(held).toHaveLength(1);
    expect(held[0].tries).toBe(0);
    expect(held[0].nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    await stop();
  });

  it('never lets two workers send one mail, and takes over a claim that lapsed', async () => {
    const { worker, service, transport, rows, stop } = await setUp();
    const second = new MailWorker(
      (worker as unknown as { config: AppConfig }).config,
      transport,
      (worker as unknown as { repo: MailRepository }).repo,
      service,
    );
    (second as unknown as { timer: unknown }).timer = setInterval(() => undefined, 60_000).unref();
    await service.enqueue(Array.from({ length: 20 }, (_, i) => invitation(`c${i}@example.com`)));
    await Promise.all([worker.tick(), second.tick()]);
    expect(transport.sent).toHaveLength(20);
    expect(new Set(transport.sent.map((m) => m.messageId)).size).toBe(20);

    // A worker died mid-send: its claim lapses and the mail goes, once.
    const [orphan] = await service.enqueue([invitation('late@example.com')]);
    await source.manager.update(
      MailMessageEntity,
      { id: orphan.id },
      { status: 'sending', tries: 1, lockedUntil: new Date(Date.now() - 1) },
    );
    await worker.tick();
    await second.tick();
    expect(transport.sent.filter((m) => m.to.address === 'late@example.com')).toHaveLength(1);
    expect((await rows()).find((r) => r.id === orphan.id)).toMatchObject({ status: 'sent', tries: 2 });
    await stop();
    await second.onApplicationShutdown();
  });

  it('puts no CR or LF of a name or title into a header', async () => {
    const { worker, service, transport, stop } = await setUp();
    const hostile = invitation('eve@example.com', 'Eve\r\nBcc: x@evil.test');
    (hostile.content as { title: { zh: string; en: string } }).title = {
      zh: '岗位\r\nBcc: x@evil.test',
      en: 'Role\nSubject: injected',
    };
    await service.enqueue([hostile]);
    await worker.tick();
    const [sent] = transport.sent;
    expect(sent.to.name).not.toMatch(/[\r\n]/);
    expect(sent.subject).not.toMatch(/[\r\n]/);
    expect(sent.to.address).toBe('eve@example.com');
    await stop();
  });
});
