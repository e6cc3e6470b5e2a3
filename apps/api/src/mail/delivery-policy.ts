/**
 * What to do after an SMTP try, and when to try again: pure rules, so the worker stays a loop and
 * the rules are tested alone.
 */

/** The parts of a nodemailer error the rules read. */
export interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export interface FailureVerdict {
  /** True when trying again cannot help: the server refused the address or the message (5xx). */
  permanent: boolean;
  /** The server's answer or the connection error, for HR to read; never the message or its link. */
  reason: string;
}

/**
 * 5xx answers are for good (550 no such user, 552/554 refused), except an authentication failure
 * (535: the server's settings are wrong, which an administrator fixes, and then the mail should go).
 * 4xx answers, timeouts and refused connections are for now.
 */
export function judgeFailure(error: unknown): FailureVerdict {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpFailure;
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const answer = e.response?.trim() || e.message?.trim() || 'unknown error';
  const reason = clip(oneLine(code !== undefined && !answer.startsWith(String(code)) ? `${code} ${answer}` : answer));
  const permanent = code !== undefined && code >= 500 && code < 600 && e.code !== 'EAUTH';
  return { permanent, reason: e.code && code === undefined ? clip(`${e.code}: ${oneLine(answer)}`) : reason };
}

/** The wait before try `tries + 1`, after `tries` failed: base, doubling, at most an hour, ±10 % so a batch spreads out. */
export function retryDelayMs(tries: number, baseMs: number, random: () => number = Math.random): number {
  const plain = Math.min(baseMs * 2 ** Math.max(0, tries - 1), 3_600_000);
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
