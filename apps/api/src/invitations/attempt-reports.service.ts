import { Injectable } from '@nestjs/common';
import type { AttemptDetail, AttemptSummary } from '@rubricon/contracts';
import { AssessmentsService } from '../assessments/assessments.service';
import { ApiException } from '../common/api-exception';
import { IntegrityService } from '../integrity/integrity.service';
import { toAttemptSummary } from './attempt-summary';
import { summariseIntegrity } from '../integrity/integrity-summary';
import { InvitationsRepository } from './invitations.repository';
import { MailService } from '../mail/mail.service';

/** What HR reads about the attempts of an assessment: status, answers, grading, the integrity timeline. */
@Injectable()
export class AttemptReportsService {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly assessments: AssessmentsService,
    private readonly integrity: IntegrityService,
    private readonly mail: MailService,
  ) {}

  async attempts(assessmentId: string): Promise<AttemptSummary[]> {
    const { lang } = await this.assessments.delivery(assessmentId); // 404 for an unknown assessment
    const rows = await this.repo.attemptsOfAssessment(assessmentId);
    const counts = await this.integrity.countsByAttempt(rows.map((r) => r.id));
    const mails = await this.mail.latest(
      'attemptId',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toAttemptSummary(r, counts.get(r.id) ?? 0, mails.get(r.id) ?? null, lang));
  }

  async detail(attemptId: string): Promise<AttemptDetail> {
    const attempt = await this.repo.attempt(attemptId);
    if (!attempt) throw new ApiException('attempt-not-found');
    const delivery = await this.assessments.delivery(attempt.assessmentId);
    const answers = new Map((await this.repo.answers(attemptId)).map((a) => [a.questionId, a]));
    const timeline = await this.integrity.timeline(attemptId);
    return {
      ...toAttemptSummary(attempt, timeline.length, await this.mail.latestOne('attemptId', attemptId), delivery.lang),
      assessmentId: attempt.assessmentId,
      // Every question, numbered as the candidate's page numbers them (the delivery's order).
      answers: delivery.questions.map((q, i) => {
        const a = answers.get(q.id);
        const base = { questionId: q.id, number: i + 1, kind: q.kind, title: q.title };
        if (!a) return { ...base, answered: false, content: '', version: 0, savedAt: null };
        return {
          ...base,
          answered: true,
          content: a.content,
          ...(a.language ? { language: a.language } : {}),
          version: a.version,
          savedAt: a.savedAt.toISOString(),
          ...(a.grading ? { grading: JSON.parse(a.grading) } : {}),
        };
      }),
      integritySummary: summariseIntegrity(timeline, attempt.submittedAt ?? new Date()),
      timeline,
      adjustments: (await this.repo.adjustments(attemptId)).map((j) => ({
        kind: j.kind,
        minutes: j.minutes,
        by: { id: j.byUserId, name: j.byName },
        at: j.at.toISOString(),
      })),
    };
  }
}
