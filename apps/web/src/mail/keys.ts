/**
 * The cache keys of mail, apart from its hooks so the attempts and interviews hooks can refresh mail
 * lists after a change that queues mail (an invitation, a new link, extra time) without importing them.
 */
export const mailKeys = {
  /** Every list of messages (GET /mail?…). */
  lists: ['mail'] as const,
  list: (filter: MailFilter) => ['mail', filter] as const,
  settings: ['mail-settings'] as const,
  reminders: (assessmentId: string) => ['reminders', assessmentId] as const,
};

/** One of the API's filters of GET /mail. */
export type MailFilter = { attemptId: string } | { interviewId: string } | { candidateId: string };
