import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config';
import type { MailAttachment } from '@rubricon/mail';

/** One message as the worker hands it to SMTP; the display name and subject are already header-safe (the address was validated when the invitation was made). */
export interface OutgoingSmtpMessage {
  messageId: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/** Sends over SMTP; resolves with the server's answer, rejects with nodemailer's error. */
export interface MailTransport {
  send(message: OutgoingSmtpMessage): Promise<string>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * nodemailer over SMTP_URL (STARTTLS when the server offers it; smtps:// for TLS from the start).
 * One pooled connection, reused from mail to mail (a connection per mail drained a batch 6 times
 * slower: bench:mail). It never reads files or URLs named in a message, and logs nothing (links
 * would be in the log).
 */
export function smtpTransport(config: MailConfig): MailTransport | null {
  if (!config.smtpUrl) return null;
  const transport = createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  } as Parameters<typeof createTransport>[0]);
  return {
    async send(message) {
      const calendar = message.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      const info = await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        attachments: message.attachments
          .filter((a) => a !== calendar)
          .map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        // A calendar invitation as mail clients expect it: a text/calendar part they offer to add.
        ...(calendar
          ? { icalEvent: { method: 'REQUEST', filename: calendar.filename, content: calendar.content } }
          : {}),
      });
      return String((info as { response?: unknown }).response ?? '250 OK');
    },
    close: () => transport.close(),
  };
}
