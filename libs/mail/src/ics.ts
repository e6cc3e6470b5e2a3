import { headerSafe } from './header-safe';

/** A person in the calendar event: the name shown, and the address the event is tied to. */
export interface IcsPerson {
  name: string;
  email: string;
}

/** One interview as a calendar event. */
export interface InterviewIcsInput {
  /** Stable id (the interview's id): the event's UID is `<uid>@rubricon`, so a new mail updates it. */
  uid: string;
  /** Raised each time the event is sent again with changes; calendars keep the highest. */
  sequence: number;
  /** When the event was written (DTSTAMP). */
  stampedAt: Date;
  startsAt: Date;
  durationMinutes: number;
  /** The event's title, in the mail's language. */
  summary: string;
  /** Free text; may hold newlines. The link is added below it. */
  description: string;
  /** The interview room (URL, LOCATION, and in DESCRIPTION). */
  link: string;
  organizer: IcsPerson;
  attendee: IcsPerson;
}

/** Minutes before the start at which the calendar shows a reminder. */
export const ICS_ALARM_MINUTES = 15;

/** Octets allowed on one content line, CRLF excluded (RFC 5545 section 3.1). */
const MAX_OCTETS = 75;

/**
 * An RFC 5545 calendar (METHOD:REQUEST, so mail clients offer to add it) holding one interview:
 * times in UTC, the link as URL and LOCATION, organizer and candidate as attendee (RSVP), and a
 * display alarm 15 minutes before. Lines end in CRLF and are folded at 75 UTF-8 octets.
 */
export function interviewIcs(event: InterviewIcsInput): string {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`sequence must be a non-negative integer, got ${event.sequence}`);
  }
  if (!Number.isFinite(event.durationMinutes) || event.durationMinutes <= 0) {
    throw new RangeError(`durationMinutes must be positive, got ${event.durationMinutes}`);
  }
  const endsAt = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  const uri = uriValue(event.link);
  const description = event.description ? `${event.description}\n${uri}` : uri;
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Rubricon//Interviews//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${icsText(`${event.uid}@rubricon`)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsUtc(event.stampedAt)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(endsAt)}`,
    `SUMMARY:${icsText(event.summary)}`,
    `DESCRIPTION:${icsText(description)}`,
    `URL:${uri}`,
    `LOCATION:${icsText(uri)}`,
    `ORGANIZER;CN=${icsParam(event.organizer.name)}:mailto:${address(event.organizer.email)}`,
    `ATTENDEE;CN=${icsParam(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${address(event.attendee.email)}`,
    'STATUS:CONFIRMED',
    'BEGIN:VALARM',
    `TRIGGER:-PT${ICS_ALARM_MINUTES}M`,
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(event.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => foldIcsLine(line) + '\r\n').join('');
}

/** A UTC DATE-TIME, `YYYYMMDDTHHMMSSZ` (seconds kept, milliseconds dropped). */
export function icsUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma escaped, every line break
 * written `\n` (CRLF and lone CR count as one break), other control characters turned to spaces
 * (TEXT may not hold them).
 */
export function icsText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ' ')
      .replace(/[\\;,]/g, (ch) => `\\${ch}`)
      .replace(/\n/g, '\\n')
  );
}

/**
 * A quoted parameter value such as CN: a quoted value cannot hold `"` or control characters
 * (RFC 5545 section 3.1), so these go; line breaks become spaces.
 */
export function icsParam(text: string): string {
  return `"${headerSafe(text.replace(/"/g, ''), 200)}"`;
}

/**
 * One content line folded (RFC 5545 section 3.1): no line longer than 75 octets of UTF-8, a
 * continuation line starting with one space (counted in its 75), and never a break inside a
 * multi-byte character.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** How many octets a code point takes in UTF-8 (a lone surrogate, written as U+FFFD, takes 3). */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/** A URI value: URIs are not TEXT-escaped, so anything that could end the line goes. */
function uriValue(link: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return link.replace(/[\u0000-\u0020\u007F-\u009F\u2028\u2029]/g, '');
}

/** An address for `mailto:`: no whitespace or control characters. */
function address(email: string): string {
  return uriValue(email);
}
