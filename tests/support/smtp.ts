import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppConfig, MailConfig } from '../../apps/api/src/config';
import { mailOn } from '../factories/mail';
import { createStaff } from '../factories/staff';
import type { DatabaseKind, TestDatabase } from './databases';
import { ADMIN, loginAs, startTestApp, type TestApp } from './test-app';

/** One message as the SMTP server received it: parsed, with its envelope and raw source. */
export interface ReceivedMail {
  /** The envelope's MAIL FROM, and every RCPT TO the server accepted. */
  envelope: { mailFrom: string | null; rcptTo: string[] };
  parsed: ParsedMail;
  raw: string;
  /** Shorthands of `parsed`: subject, text body, HTML body ('' when absent). */
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The To header's first address and display name. */
  to: { address: string; name: string };
}

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`, for the app's mail config. */
  readonly url: string;
  readonly port: number;
  /** Every message received so far, in order of arrival. */
  readonly messages: ReceivedMail[];
  /** Messages whose envelope names `address` (case-insensitive). */
  to(address: string): ReceivedMail[];
  /** Resolves once `n` messages in all (or, with `filter`, `n` matching ones) arrived; rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number, filter?: (m: ReceivedMail) => boolean): Promise<ReceivedMail[]>;
  /** Answers RCPT TO for these addresses (lower-case) with 550, a hard failure; others are accepted. */
  readonly refuse: Set<string>;
  /** How long the server takes to accept each message (0: at once), to make a batch take a while. */
  delayMs: number;
  /** Messages whose data arrived and that are not answered yet (see delayMs). */
  readonly receiving: number;
  /** Stops listening: new connections are refused (ECONNREFUSED) until `restart`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** Teardown: stops and forgets the messages. */
  close(): Promise<void>;
}

/**
 * A real SMTP server from `smtp-server` on 127.0.0.1 (a free port), plain text (no STARTTLS, no
 * TLS), accepting mail without authentication, keeping each message parsed by mailparser.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const refuse = new Set<string>();
  /** Messages received and not answered yet (parsed, then held `delayMs`): `stop` waits for them. */
  const parsing = new Set<Promise<void>>();
  let server: SMTPServer | null = null;
  let port = 0;

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error) => void) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (error) => callback(error));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const mailFrom = session.envelope.mailFrom;
      const envelope = {
        mailFrom: mailFrom ? mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
      };
      const done = (async () => {
        const parsed = await simpleParser(raw);
        if (smtp.delayMs > 0) await new Promise((r) => setTimeout(r, smtp.delayMs));
        const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
        // Kept in the same tick as the 250 that tells the app it was accepted.
        messages.push({
          envelope,
          parsed,
          raw,
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          messageId: parsed.messageId ?? '',
          to: { address: to?.value[0]?.address ?? '', name: to?.value[0]?.name ?? '' },
        });
        callback();
      })().catch((error: Error) => callback(error));
      parsing.add(done);
      void done.finally(() => parsing.delete(done));
    });
  };

  const listen = async (at: number): Promise<void> => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      hideSTARTTLS: true,
      secure: false,
      logger: false,
      closeTimeout: 500,
      onData,
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address.toLowerCase())) {
          const error = Object.assign(
            new Error(`5.1.1 <${address.address}>: Recipient address rejected: no such user`),
            {
              responseCode: 550,
            },
          );
          return callback(error);
        }
        callback();
      },
    });
    s.on('error', () => undefined); // a client dropping its connection is not the test's failure
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.listen(at, '127.0.0.1', () => {
        s.server.off('error', reject);
        resolve();
      });
    });
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };

  const stop = async (): Promise<void> => {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    await Promise.all(parsing);
  };

  await listen(0);
  const smtp: TestSmtp = {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    messages,
    refuse,
    delayMs: 0,
    get receiving() {
      return parsing.size;
    },
    to: (address) => messages.filter((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === address.toLowerCase())),
    async waitFor(n, timeoutMs = 15_000, filter = () => true) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const matching = messages.filter(filter);
        if (matching.length >= n) return matching;
        if (Date.now() > end)
          throw new Error(`SMTP: ${matching.length} matching messages of ${n} arrived in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop,
    async restart() {
      if (server) throw new Error('SMTP server is running already');
      await listen(port);
    },
    async close() {
      await stop();
      messages.length = 0;
    },
  };
  return smtp;
}

/**
 * One real server for a describe block with mail on, sending through its own test SMTP server, on a
 * fresh database of `kind`, with a signed-in HR user. `restartApp` closes the server and starts a new
 * one on the same database (the outbox must survive it). Fields are set in beforeAll.
 */
export function useMailSuite(
  kind: DatabaseKind,
  mail: Partial<MailConfig> = {},
  app: Partial<Omit<AppConfig, 'mail'>> = {},
): {
  readonly server: TestApp;
  readonly db: TestDatabase;
  readonly token: string;
  readonly smtp: TestSmtp;
  restartApp: (before?: () => Promise<void>) => Promise<void>;
} {
  const suite = {
    async restartApp(before?: () => Promise<void>) {
      await suite.server.close();
      await before?.();
      suite.server = await startTestApp(suite.db, { ...app, mail: mailOn(suite.smtp.url, mail) });
      suite.token = await loginAs(suite.server.url, suite.hr.email, suite.hr.password);
    },
  } as {
    server: TestApp;
    db: TestDatabase;
    token: string;
    smtp: TestSmtp;
    hr: { email: string; password: string };
    restartApp: (before?: () => Promise<void>) => Promise<void>;
  };
  beforeAll(async () => {
    suite.smtp = await startSmtp();
    suite.db = await kind.create();
    suite.server = await startTestApp(suite.db, { ...app, mail: mailOn(suite.smtp.url, mail) });
    const admin = await loginAs(suite.server.url, ADMIN.email, ADMIN.password);
    suite.hr = await createStaff(suite.server.url, admin, 'hr');
    suite.token = await loginAs(suite.server.url, suite.hr.email, suite.hr.password);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.smtp?.close();
    await suite.db?.dispose();
  });
  return suite;
}
