import type { ErrorCode } from './errors';
import type { AttemptSummary, InvitationLink } from './attempts';

/** A line of a candidates CSV that was not invited, and why (a code the staff app words). */
export interface SkippedCsvLine {
  /** The file's line, the header being line 1. */
  line: number;
  email: string;
  /** `candidate-already-invited`: an invitation to this assessment that was not revoked exists. */
  code: ErrorCode;
}

/** POST /assessments/:id/invitations/csv: the new links, and the lines left out. */
export interface InviteCsvResponse {
  links: InvitationLink[];
  skipped: SkippedCsvLine[];
}

/** GET /attempts: an attempt across assessments, with the assessment it belongs to. */
export interface AttemptListItem extends AttemptSummary {
  assessment: { id: string; postingTitle: string };
}
