/**
 * What to do after an SMTP try, and when to try again: pure rules, so the worker stays a loop and
 * the rules are tested alone.
 */

/** The parts of a nodemailer error the rules read. */
export interface SmtpFailure {
  code?: string;
  /** The SMTP command that failed: 'CONN', 'AUTH …', 'MAIL FROM', 'RCPT TO', 'DATA', 'API'. */
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export interface FailureVerdict {
  /** True when trying again cannot help: the server refused this recipient or this message (5xx). */
  permanent: boolean;
  /** The server's answer or the connection error, for HR to read; never the message's link. */
  reason: string;
}

/** Mail that could not go for this long is given up (the usual bounce time of mail servers). */
export const GIVE_UP_AFTER_MS = 72 * 3_600_000;

/** The longest wait between two tries, so mail goes soon after an outage ends. */
export const MAX_RETRY_DELAY_MS = 15 * 60_000;

/**
 * Only a 5xx about this recipient or this message is for good (550 no such user at RCPT TO, 552/554
 * at DATA), and a recipient nodemailer itself finds invalid. A 5xx at MAIL FROM or at sign-in, a 4xx,
 * a timeout or a refused connection says the server or its settings are wrong for now: an
 * administrator fixes them, and then the mail should go.
 */
export function judgeFailure(error: unknown, links: RegExp = LINKS): FailureVerdict {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpFailure;
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const answer = e.response?.trim() || e.message?.trim() || 'unknown error';
  const text = code !== undefined && !answer.startsWith(String(code)) ? `${code} ${answer}` : answer;
  const reason = clip(oneLine(e.code && code === undefined ? `${e.code}: ${text}` : text).replace(links, '$1…'));
  const aboutThisMail = e.command === 'RCPT TO' || e.command === 'DATA';
  const permanent =
    (code !== undefined && code >= 500 && code < 600 && aboutThisMail) ||
    (e.code === 'EENVELOPE' && e.command === 'API');
  return { permanent, reason };
}

/** A candidate's link quoted back by a server (a content filter may): kept out of reasons and logs. */
const LINKS = /(\/(?:take|live)\/)\S+/g;

/** The wait before try `tries + 1`, after `tries` failed: base, doubling, at most 15 minutes, ±10 % so a batch spreads out. */
export function retryDelayMs(tries: number, baseMs: number, random: () => number = Math.random): number {
  const plain = Math.min(baseMs * 2 ** Math.max(0, tries - 1), MAX_RETRY_DELAY_MS);
  return Math.round(plain * (0.9 + 0.2 * random()));
}

/**
 * When an address may next receive mail, given the times it was sent mail in the past hour: now
 * while under `cap`, else an hour after the oldest of the last `cap` sends.
 */
export function nextSendAllowedAt(sentTimes: Date[], cap: number, now: Date): Date {
  const hourAgo = now.getTime() - 3_600_000;
  const recent = sentTimes
    .map((t) => t.getTime())
    .filter((t) => t > hourAgo)
    .sort((a, b) => b - a);
  if (recent.length < cap) return now;
  return new Date(recent[cap - 1] + 3_600_000);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const clip = (text: string) => (text.length > 480 ? `${text.slice(0, 479)}…` : text);
