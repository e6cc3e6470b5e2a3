import type { MailLang } from '@rubricon/contracts';

/** Text in both languages, as postings and questions carry it; a mail picks its own language's side. */
export interface MailTitle {
  zh: string;
  en: string;
}

/** What every message has: its language, whom it greets, and how dates are written. */
interface Common {
  lang: MailLang;
  candidateName: string;
  /** IANA zone the dates are written in (e.g. Asia/Shanghai); the zone is named next to each time. */
  timeZone: string;
  /** Who sends it, for the signature (e.g. "Rubricon" or the company's name). */
  senderName: string;
}

/** The link is a secret: the outbox keeps it only until the mail is sent. */
export type MailInput =
  | (Common & {
      kind: 'invitation' | 'new-link';
      title: MailTitle;
      /** Minutes the candidate has once started (extra time included). */
      minutes: number;
      expiresAt: Date;
      link: string;
      /** A new link for an attempt under way: its deadline (the mail then says when it ends). */
      deadline?: Date | null;
    })
  | (Common & { kind: 'reminder-expiry'; title: MailTitle; minutes: number; expiresAt: Date; invitedAt: Date })
  | (Common & { kind: 'reminder-deadline'; title: MailTitle; deadline: Date })
  | (Common & {
      kind: 'extra-time';
      title: MailTitle;
      /** Minutes added by this grant. */
      addedMinutes: number;
      /** The moved deadline of an attempt under way; null when not started (the time allowed grew). */
      deadline: Date | null;
      /** Minutes allowed in all, for an attempt not started yet. */
      minutes: number;
    })
  | (Common & {
      kind: 'interview';
      title: MailTitle;
      startsAt: Date;
      durationMinutes: number;
      link: string;
      /** Stable id of the calendar event (the interview's id): a new mail for it updates the same event. */
      uid: string;
      /** Raised each time the interview's mail is sent again with changes (ICS SEQUENCE). */
      sequence: number;
      /** When the mail was written (ICS DTSTAMP). */
      stampedAt: Date;
      organizer: { name: string; email: string };
      candidateEmail: string;
    })
  | (Common & { kind: 'explanation'; title: MailTitle; text: string });

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** A message ready for SMTP: a plain-text and an HTML body saying the same, no remote content. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}
