import { Inject, Injectable } from '@nestjs/common';
import {
  QUESTION_KIND_ORDER,
  type InterviewDetail,
  type InterviewLinkResponse,
  type InterviewListResponse,
  type InterviewNoteView,
  type InterviewPanelMember,
  type InterviewQuestionChoice,
  type InterviewReplay,
  type InterviewRunResult,
  type InterviewSummary,
  type MailLang,
  type MailStatusSummary,
  type ReplayUpdate,
} from '@rubricon/contracts';
import type { Question } from '@rubricon/generation';
import { AssessmentsService } from '../assessments/assessments.service';
import { ScoringService } from '../scoring/scoring.service';
import { AuditService } from '../audit/audit.service';
import { BankService } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import type { AuthUser } from '../common/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config';
import { hashToken, newInvitationToken } from '../invitations/invitation-token';
import { PostingsService } from '../postings/postings.service';
import type { UserEntity } from '../users/user.entity';
import { InterviewRoomService } from './room/interview-room.service';
import { MailService, toSummary as toMailSummary, type OutgoingMail } from '../mail/mail.service';
import { CANDIDATE_ID, noteView, participant, staffInterviewQuestion, SYSTEM_ID } from './interview-view';
import type { InterviewEntity } from './interview.entity';
import type { ListInterviewsQuery, ScheduleInterviewDto } from './interviews.dto';
import { InterviewsRepository, type NewInterviewQuestion } from './interviews.repository';

/** Emails as candidates are stored: trimmed, case folded (as invitations store them). */
const normalEmail = (email: string) => email.trim().toLowerCase();

/** Who sees every interview; an interviewer sees those they are on the panel of or scheduled. */
const SEES_ALL = new Set(['admin', 'hr']);

/**
 * Live interviews outside the room: scheduling, listing and reading them, the candidate's link,
 * sharing one's note once it is over, and replay. An interview the caller may not see is answered
 * as if it did not exist, so its existence is not revealed.
 */
@Injectable()
export class InterviewsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: InterviewsRepository,
    private readonly bank: BankService,
    private readonly postings: PostingsService,
    private readonly assessments: AssessmentsService,
    private readonly room: InterviewRoomService,
    private readonly audit: AuditService,
    private readonly scoring: ScoringService,
    private readonly mail: MailService,
  ) {}

  /**
   * Schedules an interview for a new candidate row, each question pinned to its stored version in
   * the current bank; the link is shown this once, as only its hash is kept.
   */
  async schedule(dto: ScheduleInterviewDto, user: AuthUser): Promise<InterviewLinkResponse> {
    const name = dto.candidate.name.trim();
    if (!name) throw new ApiException('name-required');
    const startsAt = new Date(dto.startsAt);
    if (Number.isNaN(startsAt.getTime())) throw new ApiException('interview-start-invalid');
    const posting = await this.postings.get(dto.postingId);
    const { rows } = await this.bank.current();
    // A question composed from one of the posting's duty lines is asked in the version stored with its assessment.
    const composed = dto.questionIds.some((id) => rows[id] === undefined)
      ? await this.assessments.composedQuestions(dto.postingId)
      : new Map<string, { bankQuestionId: string; question: Question }>();
    const questions: NewInterviewQuestion[] = [];
    for (const questionId of dto.questionIds) {
      const stored = composed.get(questionId);
      if (stored) {
        questions.push({ questionId, bankQuestionId: stored.bankQuestionId, kind: stored.question.kind });
        continue;
      }
      const question = await this.bank.question(questionId);
      questions.push({ questionId, bankQuestionId: rows[questionId], kind: question.kind });
    }
    const active = await this.repo.activeStaffIds(dto.panel);
    if (dto.panel.some((id) => !active.has(id))) throw new ApiException('panel-member-unknown');
    const token = newInvitationToken();
    const candidate = { name, email: normalEmail(dto.candidate.email) };
    const { id, mail } = await this.repo.transaction(async (tx) => {
      const id = await tx.schedule(
        candidate,
        {
          postingId: dto.postingId,
          startsAt,
          durationMinutes: dto.durationMinutes,
          language: dto.language,
          linkHash: hashToken(token),
          createdById: user.id,
          candidateLang: dto.candidateLang ?? 'zh',
        },
        dto.panel,
        questions,
      );
      await this.audit.record(
        {
          action: 'interview.schedule',
          target: { type: 'interview', id },
          changes: {
            posting: { id: posting.id, title: posting.title },
            candidate,
            panel: dto.panel,
            startsAt,
            durationMinutes: dto.durationMinutes,
            questionIds: dto.questionIds,
          },
        },
        tx.database,
      );
      const [mail] = !this.mail.enabled
        ? []
        : await this.mail.enqueue(
            [
              this.interviewMail(
                { id, candidateId: await tx.candidateOf(id), startsAt, durationMinutes: dto.durationMinutes },
                { ...candidate, lang: dto.candidateLang ?? 'zh' },
                posting.title,
                token,
                0,
                user,
              ),
            ],
            tx.database,
          );
      return { id, mail };
    });
    // The panel scores what it heard: its members are the interview's raters (HR may change them).
    await this.scoring.setRaters('interview', id, dto.panel, user);
    return this.link(await this.visible(id, user), user, token, mail ? toMailSummary(mail) : null);
  }

  async list(query: ListInterviewsQuery, user: AuthUser): Promise<InterviewListResponse> {
    const [rows, total] = await this.repo.page({
      status: query.status,
      search: query.search?.trim() || undefined,
      visibleTo: SEES_ALL.has(user.role) ? undefined : user.id,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: rows.map((i) => toSummary(i, user.id)), total };
  }

  /** Active staff users of any role: whom the panel may be chosen from. */
  async panelOptions(): Promise<InterviewPanelMember[]> {
    return (await this.repo.activeStaff()).map(toPanelMember);
  }

  /** The interview with the panel's view of its questions and the notes the caller may read. */
  async detail(id: string, user: AuthUser): Promise<InterviewDetail> {
    const interview = await this.visible(id, user);
    const snapshots = await this.bank.snapshots(interview.questions.map((q) => q.bankQuestionId));
    const notes = (await this.repo.notes(id)).filter(
      (n) => n.userId === user.id || (n.shared && interview.panel.some((p) => p.userId === n.userId)),
    );
    return {
      ...toSummary(interview, user.id),
      questions: interview.questions.map((q) => staffInterviewQuestion(q, snapshots.get(q.bankQuestionId)!)),
      notes: notes.map((n) => noteView(n, n.authorName ?? '')),
    };
  }

  /** A new candidate link; the old one stops working at once (only the hash is stored). Not once it has ended. */
  async newLink(id: string, user: AuthUser): Promise<InterviewLinkResponse> {
    const interview = await this.visible(id, user);
    if (interview.status === 'ended') throw new ApiException('interview-ended');
    const token = newInvitationToken();
    const sequence = this.mail.enabled ? await this.mail.interviewMailCount(id) : 0;
    const replaced = await this.repo.transaction(async (tx) => {
      if (!(await tx.replaceLinkHash(id, hashToken(token)))) return false;
      const [mail] = !this.mail.enabled
        ? []
        : await this.mail.enqueueReplacingLinks(
            this.interviewMail(
              interview,
              { ...interview.candidate, lang: interview.candidateLang },
              interview.posting.title,
              token,
              sequence,
              user,
            ),
            { column: 'interviewId', id },
            tx.database,
          );
      // That the link changed, never the link itself.
      await this.audit.record(
        {
          action: 'interview.link',
          target: { type: 'interview', id },
          changes: { candidate: { name: interview.candidate.name, email: interview.candidate.email } },
        },
        tx.database,
      );
      return { mail: mail ? toMailSummary(mail) : null };
    });
    if (!replaced) throw new ApiException('interview-ended');
    this.room.linkReplaced(id);
    return this.link(interview, user, token, replaced.mail);
  }

  /** Shares (or takes back) the caller's note with the rest of the panel, once the interview is over. */
  async shareNote(id: string, shared: boolean, user: AuthUser): Promise<InterviewNoteView> {
    const interview = await this.visible(id, user);
    const member = interview.panel.find((p) => p.userId === user.id);
    if (!member) throw new ApiException('not-on-panel');
    if (interview.status !== 'ended') throw new ApiException('notes-not-shareable');
    return noteView(await this.repo.setNoteShared(id, user.id, shared), member.user.name);
  }

  /** Everything replay needs: who took part, the questions, each question's document log and the room's events. */
  async replay(id: string, user: AuthUser): Promise<InterviewReplay> {
    const interview = await this.visible(id, user);
    const snapshots = await this.bank.snapshots(interview.questions.map((q) => q.bankQuestionId));
    const logs: Record<string, ReplayUpdate[]> = Object.fromEntries(interview.questions.map((q) => [q.id, []]));
    for (const u of await this.repo.updates(id))
      logs[u.questionId]?.push({
        seq: u.seq,
        at: u.at,
        author: u.author,
        update: Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength).toString('base64'),
      });
    const events = (await this.repo.events(id)).map((e) => ({
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      ...(e.questionId ? { questionId: e.questionId } : {}),
      ...(e.kind === 'run' && e.detail ? { run: e.detail as InterviewRunResult } : {}),
    }));
    return {
      interviewId: interview.id,
      status: interview.status,
      startedAt: iso(interview.startedAt),
      endedAt: iso(interview.endedAt),
      participants: [
        participant(CANDIDATE_ID, interview.candidate.name, 'candidate'),
        ...interview.panel.map((p) => participant(p.userId, p.user.name, 'interviewer', p.position)),
        participant(SYSTEM_ID, 'Rubricon', 'system'),
      ],
      questions: interview.questions.map((q) => ({
        id: q.id,
        position: q.position,
        kind: q.kind,
        title: snapshots.get(q.bankQuestionId)!.title,
      })),
      logs,
      events,
    };
  }

  /**
   * What may be asked in an interview for the posting: the questions of its newest assessment in
   * the assessment's order, then the rest of the current bank by kind and id. Only questions of the
   * current bank and questions composed from the posting's duty lines are offered, as only those
   * can be scheduled.
   */
  async questionChoices(postingId: string): Promise<InterviewQuestionChoice[]> {
    const [newest] = await this.assessments.listForPosting(postingId);
    const { bank } = await this.bank.current();
    const composed = newest ? await this.assessments.composedQuestions(postingId) : new Map();
    const byId = new Map<string, Question>([
      ...bank.questions.map((q) => [q.id, q] as const),
      ...[...composed].map(([id, c]) => [id, c.question] as const),
    ]);
    const assessed = newest
      ? (await this.assessments.get(newest.id)).sections
          .flatMap((s) => s.questions.map((q) => q.id))
          .filter((qid) => byId.has(qid))
      : [];
    const inAssessment = new Set(assessed);
    const others = bank.questions
      .filter((q) => !inAssessment.has(q.id))
      .sort(
        (a, b) =>
          QUESTION_KIND_ORDER.indexOf(a.kind) - QUESTION_KIND_ORDER.indexOf(b.kind) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    return [...assessed.map((qid) => toChoice(byId.get(qid)!, true)), ...others.map((q) => toChoice(q, false))];
  }

  /** The interview, if the caller may see it: admin and HR all, an interviewer those on whose panel they are or they scheduled. */
  private async visible(id: string, user: AuthUser): Promise<InterviewEntity> {
    const interview = await this.repo.find(id);
    if (!interview || !mayView(interview, user)) throw new ApiException('interview-not-found');
    return interview;
  }

  private link(
    interview: InterviewEntity,
    user: AuthUser,
    token: string,
    mail: MailStatusSummary | null,
  ): InterviewLinkResponse {
    return { interview: toSummary(interview, user.id), link: this.url(token), mail };
  }

  private url(token: string): string {
    return `${this.config.publicUrl}/live/${token}`;
  }

  /** The candidate's mail about the interview: when, how long, the link, and a calendar file (SEQUENCE `sequence`). */
  private interviewMail(
    interview: Pick<InterviewEntity, 'id' | 'candidateId' | 'startsAt' | 'durationMinutes'>,
    candidate: { name: string; email: string; lang: MailLang },
    title: string,
    token: string,
    sequence: number,
    organizer: AuthUser,
  ): OutgoingMail {
    return {
      content: {
        kind: 'interview',
        lang: candidate.lang,
        candidateName: candidate.name,
        title: { zh: title, en: title },
        startsAt: interview.startsAt,
        durationMinutes: interview.durationMinutes,
        link: this.url(token),
        uid: interview.id,
        sequence,
        stampedAt: new Date(),
        organizer: { name: this.config.mail.senderName, email: organizer.email },
        candidateEmail: candidate.email,
      },
      toEmail: candidate.email,
      interviewId: interview.id,
      candidateId: interview.candidateId,
      createdById: organizer.id,
    };
  }
}

function mayView(interview: InterviewEntity, user: AuthUser): boolean {
  return (
    SEES_ALL.has(user.role) || interview.createdById === user.id || interview.panel.some((p) => p.userId === user.id)
  );
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toSummary(interview: InterviewEntity, callerId: string): InterviewSummary {
  return {
    id: interview.id,
    postingId: interview.postingId,
    postingTitle: interview.posting.title,
    candidate: { name: interview.candidate.name, email: interview.candidate.email },
    status: interview.status,
    startsAt: interview.startsAt.toISOString(),
    durationMinutes: interview.durationMinutes,
    language: interview.language,
    panel: interview.panel.map((p) => toPanelMember(p.user)),
    questionCount: interview.questions.length,
    startedAt: iso(interview.startedAt),
    endedAt: iso(interview.endedAt),
    createdAt: interview.createdAt.toISOString(),
    onPanel: interview.panel.some((p) => p.userId === callerId),
    candidateLang: interview.candidateLang,
  };
}

function toPanelMember(user: UserEntity): InterviewPanelMember {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

function toChoice(q: Question, inAssessment: boolean): InterviewQuestionChoice {
  return {
    id: q.id,
    kind: q.kind,
    title: q.title,
    competencies: q.competencies,
    minutes: q.minutes,
    difficulty: q.difficulty,
    inAssessment,
  };
}
