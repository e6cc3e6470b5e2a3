import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { headerSafe } from '@rubricon/mail';
import { APP_CONFIG, type AppConfig } from '../config';
import {
  GIVE_UP_AFTER_MS,
  judgeFailure,
  nextSendAllowedAt,
  retryDelayMs,
  type FailureVerdict,
} from './delivery-policy';
import type { MailMessageEntity } from './mail-message.entity';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { MailRepository } from './mail.repository';
import { MailService, type OutgoingMail } from './mail.service';

/** How long a claim holds: a worker that died mid-send leaves the message to another after this. */
const CLAIM_MS = 2 * 60_000;
/** Messages taken per pass. */
const BATCH = 25;
/** Reminders are looked for every this many passes. */
const REMINDER_EVERY = 5;
/** How far ahead reminders are looked for: the longest a reminder may come before its moment. */
const EXPIRY_HORIZON_MS = 14 * 24 * 3_600_000;
const DEADLINE_HORIZON_MS = 24 * 3_600_000;

/**
 * Sends the outbox: every `pollMs` it claims due messages one by one (a conditional update, so two
 * instances never send one message at once), cancels it if what it says no longer holds, sends it over
 * SMTP, and records the outcome. A failed try is retried with backoff; a 5xx refusal of the recipient
 * or the message, or 72 hours of failures, gives it up, with the server's reason for HR. Every few
 * passes it queues the reminders that have come due. Logs carry message ids and outcomes, never links
 * or bodies.
 *
 * Delivery is at least once: a crash (or a database failure) between the server accepting a message
 * and the row being marked sent sends it again when the claim lapses. Each message keeps one Message-ID across tries, so a
 * mail client shows such a repeat as the same message.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped?: Promise<void>;
  private passes = 0;
  private readonly domain: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    private readonly repo: MailRepository,
    private readonly mail: MailService,
  ) {
    this.domain = new URL(config.publicUrl).hostname || 'rubricon.localdomain';
  }

  onApplicationBootstrap(): void {
    if (!this.transport) return;
    this.timer = setInterval(() => void this.tick(), this.config.mail.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /**
   * Stops and lets the pass under way settle its message before the database closes: TypeORM closes
   * it on application shutdown, and its module and this one are both global, so the order of that
   * hook between them is not ours (a pass cut short leaves its message claimed for CLAIM_MS).
   */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private stop(): Promise<void> {
    this.stopped ??= (async () => {
      clearInterval(this.timer);
      this.timer = undefined;
      await this.running;
      this.transport?.close();
    })();
    return this.stopped;
  }

  /** One pass; overlapping ticks are skipped rather than stacked. */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((error) => this.logger.error(`Mail pass failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.passes++ % REMINDER_EVERY === 0) await this.queueReminders(new Date());
    for (const due of await this.repo.due(new Date(), BATCH)) {
      if (!this.timer) return; // shutting down: the rest stay queued
      const now = new Date();
      const claimed = await this.repo.claim(due.id, due.tries, now, new Date(now.getTime() + CLAIM_MS));
      if (claimed) await this.deliver(claimed, now);
    }
  }

  private async deliver(message: MailMessageEntity, now: Date): Promise<void> {
    const cap = this.config.mail.perRecipientPerHour;
    const sent = await this.repo.sentTimes(message.toEmail, new Date(now.getTime() - 3_600_000));
    const allowedAt = nextSendAllowedAt(sent, cap, now);
    if (allowedAt > now) {
      await this.repo.defer(message, allowedAt);
      this.logger.warn(
        `Mail ${message.id} waits until ${allowedAt.toISOString()}: its address had ${cap} mails this hour`,
      );
      return;
    }
    const stale = await this.repo.staleness(message, now);
    if (stale) {
      await this.repo.markCancelled(message, stale, new Date());
      this.logger.log(`Mail ${message.id} (${message.kind}) cancelled: ${stale}`);
      return;
    }
    let response: string;
    try {
      const rendered = this.mail.renderStored(message);
      response = await this.transport!.send({
        messageId: `<${message.id}@${this.domain}>`,
        to: { name: headerSafe(message.toName, 120), address: message.toEmail },
        subject: headerSafe(rendered.subject, 300),
        text: rendered.text,
        html: rendered.html,
        attachments: rendered.attachments,
      });
    } catch (error) {
      await this.failed(message, judgeFailure(error));
      return;
    }
    // Accepted: from here on, a failure to record it must not send it again, except through a claim
    // that lapses (the row stays `sending`), the one way documented.
    try {
      if (await this.repo.markSent(message, new Date(), response))
        this.logger.log(`Mail ${message.id} (${message.kind}) sent`);
      else this.logger.warn(`Mail ${message.id} (${message.kind}) sent, but its claim had passed to another worker`);
    } catch (error) {
      this.logger.error(
        `Mail ${message.id} (${message.kind}) sent, but not recorded as sent: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /** A failed try: for good when the server refused the mail or it has waited too long; else again later. */
  private async failed(message: MailMessageEntity, verdict: FailureVerdict): Promise<void> {
    const waited = Date.now() - message.queuedAt.getTime();
    if (verdict.permanent || waited >= GIVE_UP_AFTER_MS) {
      const reason = verdict.permanent
        ? verdict.reason
        : `Given up after ${GIVE_UP_AFTER_MS / 3_600_000} hours: ${verdict.reason}`;
      await this.repo.markFailed(message, reason, new Date());
      this.logger.warn(`Mail ${message.id} (${message.kind}) failed for good after ${message.tries} tries: ${reason}`);
      return;
    }
    const at = new Date(Date.now() + retryDelayMs(message.tries, this.config.mail.retryBaseMs));
    await this.repo.markRetry(message, verdict.reason, at);
    this.logger.warn(
      `Mail ${message.id} (${message.kind}) try ${message.tries} failed, next at ${at.toISOString()}: ${verdict.reason}`,
    );
  }

  /**
   * Queues each reminder whose moment has come: once per expiry or deadline (a new expiry or a
   * moved deadline gets its own), and only when the invitation or attempt existed before that moment,
   * so a one-day invitation is not "reminded" at once of a two-day reminder.
   */
  async queueReminders(now: Date): Promise<number> {
    let queued = 0;
    for (const r of await this.repo.expiryReminders(now, new Date(now.getTime() + EXPIRY_HORIZON_MS))) {
      const moment = r.expiresAt.getTime() - r.hours * 3_600_000;
      if (moment > now.getTime() || r.invitedAt.getTime() >= moment) continue;
      const added = await this.queueOne(r.attemptId, {
        content: {
          kind: 'reminder-expiry',
          lang: r.lang,
          candidateName: r.name,
          title: { zh: r.title, en: r.title },
          minutes: r.minutes,
          expiresAt: r.expiresAt,
          invitedAt: r.invitedAt,
        },
        toEmail: r.email,
        attemptId: r.attemptId,
        candidateId: r.candidateId,
        remindsOf: r.expiresAt,
        dedupeKey: `reminder-expiry:${r.attemptId}:${r.expiresAt.getTime()}`,
      });
      if (added) queued++;
    }
    for (const r of await this.repo.deadlineReminders(now, new Date(now.getTime() + DEADLINE_HORIZON_MS))) {
      const moment = r.deadline.getTime() - r.minutes * 60_000;
      if (moment > now.getTime() || r.startedAt.getTime() >= moment) continue;
      const added = await this.queueOne(r.attemptId, {
        content: {
          kind: 'reminder-deadline',
          lang: r.lang,
          candidateName: r.name,
          title: { zh: r.title, en: r.title },
          deadline: r.deadline,
        },
        toEmail: r.email,
        attemptId: r.attemptId,
        candidateId: r.candidateId,
        remindsOf: r.deadline,
        dedupeKey: `reminder-deadline:${r.attemptId}:${r.deadline.getTime()}`,
      });
      if (added) queued++;
    }
    return queued;
  }

  /** One reminder; one that cannot be queued is logged and left, so it does not hold up the others. */
  private async queueOne(attemptId: string, mail: OutgoingMail & { dedupeKey: string }): Promise<boolean> {
    try {
      return await this.mail.enqueueOnce(mail);
    } catch (error) {
      this.logger.error(
        `Reminder for attempt ${attemptId} not queued: ${error instanceof Error ? error.message : error}`,
      );
      return false;
    }
  }
}
