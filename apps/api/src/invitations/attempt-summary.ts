import type { AttemptSummary, MailLang, MailStatusSummary } from '@rubricon/contracts';
import type { AttemptEntity } from '../attempts/attempt.entity';
import { effectiveStatus } from '../attempts/candidate-view';

/**
 * HR's line for one attempt; `a` comes with its invitation and candidate, `mail` is its newest mail,
 * `assessmentLang` the language its mail is written in unless HR chose one for the invitation.
 */
export function toAttemptSummary(
  a: AttemptEntity,
  integrityEventCount: number,
  mail: MailStatusSummary | null,
  assessmentLang: MailLang,
): AttemptSummary {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    attemptId: a.id,
    invitationId: a.invitationId,
    candidate: { id: a.candidate.id, name: a.candidate.name, email: a.candidate.email },
    status: effectiveStatus(a, a.invitation.expiresAt, new Date()),
    invitation: {
      expiresAt: a.invitation.expiresAt.toISOString(),
      revokedAt: iso(a.invitation.revokedAt),
      usedAt: iso(a.invitation.usedAt),
    },
    startedAt: iso(a.startedAt),
    deadline: iso(a.deadline),
    submittedAt: iso(a.submittedAt),
    submittedBy: a.submittedBy,
    extraMinutes: a.extraMinutes,
    autoScorePercent: a.autoScore === null ? null : Math.round(a.autoScore * 1000) / 10,
    integrityEventCount,
    mail,
    mailLang: a.invitation.lang ?? assessmentLang,
  };
}
