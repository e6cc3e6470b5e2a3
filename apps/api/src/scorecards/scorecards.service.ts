import { Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  MAX_COMPARED,
  type BilingualText,
  type CandidateExplanation,
  type MailLang,
  type MailMessageView,
  type PostingAgreement,
  type PostingScoreSummary,
  type RankingPage,
  type RankingRow,
  type RecommendationCounts,
  type ScorecardFlag,
  type ScorecardView,
  type SubjectKind,
} from '@rubricon/contracts';
import {
  agreementOfUnits,
  calibrationOfUnits,
  computeScorecard,
  emptyRecommendations,
  mean,
  SCORECARD_FORMULA,
  toCsv,
  toPercent,
  type ScoringQuestion,
  type ScoringSheet,
} from '@rubricon/scoring';
import { AuditService } from '../audit/audit.service';
import { MailService, toView } from '../mail/mail.service';
import { BankService } from '../bank/bank.service';
import { ApiException } from '../common/api-exception';
import { AttemptEvents } from '../common/attempt-events';
import type { AuthUser } from '../common/auth.decorators';
import { summariseIntegrity } from '../integrity/integrity-summary';
import { IntegrityService } from '../integrity/integrity.service';
import { ScoringRepository, type SheetWithRater } from '../scoring/scoring.repository';
import { autoLevels, SubjectLoader, type LoadedSubject } from '../scoring/subject-loader';
import { ScorecardsRepository, type RankingQuery } from './scorecards.repository';
import { RedisCache } from '../cluster/redis-cache';
import { RedisConnections } from '../cluster/redis-connections';

/** Everything one scorecard is computed from. */
interface CardInputs {
  subjects: LoadedSubject[];
  sheets: SheetWithRater[];
  questions: ScoringQuestion[];
  scoringSheets: ScoringSheet[];
}

const subjectKey = (kind: SubjectKind, id: string) => `${kind}:${id}`;

/**
 * HR's side of scoring: each candidate's scorecard for a posting, computed by formula
 * (libs/scoring) and stored whenever its sheets change so the ranking is one indexed query;
 * distributions, agreement and calibration per posting; CSV exports; the candidate's explanation.
 */
@Injectable()
export class ScorecardsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScorecardsService.name);
  private stopListening?: () => void;
  /** The last refresh queued per scorecard (`postingId:candidateId`). */
  private readonly refreshing = new Map<string, Promise<void>>();
  /**
   * Each posting's agreement figures, until one of its scorecards changes. One process keeps them
   * here; with scale-out they live in Redis (`shared`), where a change on any instance forgets them,
   * and this map only joins requests that arrive while they are being computed.
   */
  private readonly agreements = new Map<string, Promise<PostingAgreement>>();
  private readonly shared: RedisCache<PostingAgreement> | null;

  constructor(
    private readonly repo: ScorecardsRepository,
    private readonly scoring: ScoringRepository,
    private readonly subjects: SubjectLoader,
    private readonly bank: BankService,
    private readonly integrity: IntegrityService,
    private readonly audit: AuditService,
    private readonly events: AttemptEvents,
    private readonly mail: MailService,
    @Optional() redis?: RedisConnections,
  ) {
    this.shared = redis ? new RedisCache<PostingAgreement>(redis, 'agreement', 600) : null;
  }

  /** A submitted attempt enters its posting's ranking at once (unassigned until HR assigns raters). */
  onApplicationBootstrap(): void {
    this.stopListening = this.events.subscribe((change) => {
      if (change.status === 'submitted') void this.attemptChanged(change.attemptId);
    });
  }

  onApplicationShutdown(): void {
    this.stopListening?.();
  }

  /** Recomputes the scorecard an attempt belongs to (after submission, after grading). Never throws. */
  async attemptChanged(attemptId: string): Promise<void> {
    try {
      const subject = await this.scoring.subject('attempt', attemptId);
      if (subject) await this.refresh(subject.postingId, subject.candidateId);
    } catch (error) {
      this.logger.error(
        `Scorecard of attempt ${attemptId} not refreshed: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /**
   * Recomputes and stores the candidate's scorecard for the posting, after the change that calls it
   * has committed. Refreshes of one scorecard take turns in this process, so a slower computation
   * from older sheets never overwrites a newer one; a failure is logged (the change itself stands)
   * and the next change of that candidate's sheets recomputes from scratch.
   */
  refresh(postingId: string, candidateId: string): Promise<void> {
    const key = `${postingId}:${candidateId}`;
    const turn = (this.refreshing.get(key) ?? Promise.resolve())
      .then(() => this.recompute(postingId, candidateId))
      .catch((error: unknown) =>
        this.logger.error(`Scorecard ${key} not refreshed: ${error instanceof Error ? error.message : String(error)}`),
      );
    this.refreshing.set(key, turn);
    void turn.then(() => {
      if (this.refreshing.get(key) === turn) this.refreshing.delete(key);
    });
    return turn;
  }

  private async recompute(postingId: string, candidateId: string): Promise<void> {
    this.agreements.delete(postingId);
    await this.shared?.delete(postingId);
    const inputs = await this.inputs(postingId, candidateId);
    const card = computeScorecard(
      inputs.questions,
      inputs.scoringSheets,
      inputs.subjects.map((s) => subjectKey(s.kind, s.id)),
    );
    await this.repo.save({
      postingId,
      candidateId,
      total: card.total,
      ratersAssigned: card.ratersAssigned,
      ratersSubmitted: card.ratersSubmitted,
      flagCount: card.flags.length,
      flags: JSON.stringify(card.flags),
      competencies: JSON.stringify(
        Object.fromEntries(
          Object.entries(card.competencies)
            .filter(([, c]) => c.score !== null)
            .map(([id, c]) => [id, c.score]),
        ),
      ),
      recommendations: JSON.stringify(card.recommendations),
      sources: JSON.stringify([...new Set(inputs.subjects.map((s) => s.kind))]),
      pendingRaters: [...new Set(inputs.sheets.filter((s) => s.status !== 'submitted').map((s) => s.raterId))].join(
        ',',
      ),
    });
    // Again once stored: another instance may have cached figures read before this change committed.
    await this.shared?.delete(postingId);
  }

  private async inputs(postingId: string, candidateId: string): Promise<CardInputs> {
    const refs = await this.scoring.subjectsOf(postingId, candidateId);
    const subjects: LoadedSubject[] = [];
    for (const ref of refs) subjects.push(await this.subjects.load(ref.kind, ref.id));
    subjects.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'attempt' ? -1 : 1));
    const sheets = await this.scoring.sheetsOfCandidate(postingId, candidateId);
    const scores = await this.scoring.scores(sheets.filter((s) => s.status === 'submitted').map((s) => s.id));
    const questions: ScoringQuestion[] = subjects.flatMap((subject) =>
      subject.questions.map(({ questionId }) => {
        const q = subject.content.get(questionId)!;
        const auto = autoLevels(subject, questionId);
        return {
          key: `${subjectKey(subject.kind, subject.id)}:${questionId}`,
          subjectKey: subjectKey(subject.kind, subject.id),
          competencies: q.competencies,
          criteria: q.rubric.map((c) => ({ id: c.id, weight: c.weight, autoLevel: auto.get(c.id) ?? null })),
        };
      }),
    );
    const scoringSheets: ScoringSheet[] = sheets.map((s) => ({
      raterId: s.raterId,
      subjectKey: subjectKey(s.subjectKind, s.subjectId),
      status: s.status,
      recommendation: s.recommendation,
      scores: scores
        .filter((x) => x.sheetId === s.id)
        .map((x) => ({
          questionKey: `${subjectKey(s.subjectKind, s.subjectId)}:${x.questionId}`,
          criterionId: x.criterionId,
          level: x.level,
        })),
    }));
    return { subjects, sheets, questions, scoringSheets };
  }

  /** `totals` (every total of the posting, for ranks) may be passed in by a caller reading many pages. */
  async ranking(
    postingId: string,
    query: RankingQuery,
    viewer: AuthUser,
    knownTotals?: number[],
  ): Promise<RankingPage> {
    await this.posting(postingId);
    const [page, totals, competencyLabels] = await Promise.all([
      this.repo.ranking(postingId, query),
      knownTotals ?? this.repo.totals(postingId),
      this.bank.competencyLabels(),
    ]);
    const items: RankingRow[] = page.rows.map((row) => {
      const withheld = row.pendingRaters.split(',').includes(viewer.id);
      return {
        rank: withheld || row.total === null ? null : rankOf(totals, row.total),
        candidate: { id: row.candidateId, name: row.candidateName, email: row.candidateEmail },
        total: withheld ? null : row.total,
        percent: withheld ? null : toPercent(row.total),
        competencies: withheld ? {} : (JSON.parse(row.competencies) as Record<string, number>),
        ratersAssigned: row.ratersAssigned,
        ratersSubmitted: row.ratersSubmitted,
        // Flags say whether the raters disagreed: withheld like the scores.
        flags: withheld ? [] : (JSON.parse(row.flags) as ScorecardFlag[]),
        recommendations: withheld ? emptyRecommendations() : (JSON.parse(row.recommendations) as RecommendationCounts),
        sources: JSON.parse(row.sources) as SubjectKind[],
        withheld,
      };
    });
    const used = new Set(items.flatMap((i) => Object.keys(i.competencies)));
    return {
      items,
      total: page.total,
      competencyLabels: Object.fromEntries([...used].map((id) => [id, competencyLabels[id] ?? { zh: id, en: id }])),
    };
  }

  /** The whole ranking (every row that matches) as CSV, UTF-8 with BOM, formula-leading cells neutralised. */
  async rankingCsv(
    postingId: string,
    query: Omit<RankingQuery, 'limit' | 'offset'>,
    viewer: AuthUser,
  ): Promise<string> {
    const rows: RankingRow[] = [];
    let labels: Record<string, BilingualText> = {};
    const totals = await this.repo.totals(postingId);
    for (let offset = 0; ; offset += 500) {
      const page = await this.ranking(postingId, { ...query, limit: 500, offset }, viewer, totals);
      rows.push(...page.items);
      labels = { ...labels, ...page.competencyLabels };
      if (page.items.length < 500) break;
    }
    const competencies = Object.keys(labels).sort();
    const header = [
      'rank',
      'candidate',
      'email',
      'total (1-5)',
      'percent',
      ...competencies.map((id) => `${labels[id].en} / ${labels[id].zh}`),
      'raters submitted',
      'raters assigned',
      'strong yes',
      'yes',
      'no',
      'strong no',
      'flags',
    ];
    return toCsv([
      header,
      ...rows.map((r) => [
        r.rank,
        r.candidate.name,
        r.candidate.email,
        round(r.total),
        round(r.percent, 1),
        ...competencies.map((id) => round(r.competencies[id] ?? null)),
        r.ratersSubmitted,
        r.ratersAssigned,
        r.recommendations['strong-yes'],
        r.recommendations.yes,
        r.recommendations.no,
        r.recommendations['strong-no'],
        r.withheld ? 'withheld until you submit' : r.flags.join(' '),
      ]),
    ]);
  }

  async summary(postingId: string): Promise<PostingScoreSummary> {
    const title = await this.posting(postingId);
    const [profiles, labels] = await Promise.all([this.repo.profiles(postingId), this.bank.competencyLabels()]);
    const bins = Array.from({ length: 8 }, (_, i) => ({ from: 1 + i * 0.5, to: 1.5 + i * 0.5, count: 0 }));
    const byCompetency = new Map<string, number[]>();
    let scored = 0;
    for (const p of profiles) {
      if (p.total === null) continue;
      scored += 1;
      bins[Math.min(bins.length - 1, Math.floor((p.total - 1) / 0.5))].count += 1;
      for (const [id, score] of Object.entries(JSON.parse(p.competencies) as Record<string, number>)) {
        const list = byCompetency.get(id) ?? [];
        list.push(score);
        byCompetency.set(id, list);
      }
    }
    return {
      posting: { id: postingId, title },
      candidates: profiles.length,
      scored,
      distribution: bins,
      competencies: [...byCompetency.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, scores]) => ({
          id,
          label: labels[id] ?? { zh: id, en: id },
          mean: mean(scores)!,
          n: scores.length,
        })),
    };
  }

  /**
   * A posting's agreement, computed once and kept until a scorecard of the posting is recomputed
   * (every sheet change does that): reading it again costs nothing, whatever the posting's size.
   */
  async agreement(postingId: string): Promise<PostingAgreement> {
    await this.posting(postingId);
    const cached = this.agreements.get(postingId);
    if (cached) return cached;
    const computing = this.sharedAgreement(postingId);
    this.agreements.set(postingId, computing);
    computing.then(
      // Shared: the next request asks Redis again, so another instance's change is seen.
      () => this.shared && this.agreements.get(postingId) === computing && this.agreements.delete(postingId),
      () => this.agreements.get(postingId) === computing && this.agreements.delete(postingId),
    );
    return computing;
  }

  private async sharedAgreement(postingId: string): Promise<PostingAgreement> {
    if (!this.shared) return this.computeAgreement(postingId);
    const known = await this.shared.get(postingId);
    if (known) return known;
    const computed = await this.computeAgreement(postingId);
    await this.shared.set(postingId, computed);
    return computed;
  }

  private async computeAgreement(postingId: string): Promise<PostingAgreement> {
    const rows = await this.repo.ratings(postingId);
    // Grouped once: unit (subject, question, criterion) -> rater -> level, and the units of each criterion.
    const units = new Map<string, Map<string, number>>();
    const byCriterion = new Map<string, Map<string, number>[]>();
    for (const r of rows) {
      const criterion = `${r.questionId}\u0000${r.criterionId}`;
      const key = `${r.subjectKind}:${r.subjectId}\u0000${criterion}`;
      let unit = units.get(key);
      if (!unit) {
        units.set(key, (unit = new Map()));
        const list = byCriterion.get(criterion);
        if (list) list.push(unit);
        else byCriterion.set(criterion, [unit]);
      }
      unit.set(r.raterId, r.level);
    }
    const questions = await this.repo.latestQuestions([...new Set(rows.map((r) => r.questionId))]);
    const cal = calibrationOfUnits(units.values());
    const names = await this.repo.userNames(cal.map((c) => c.rater));
    return {
      overall: agreementOfUnits(units.values()),
      criteria: [...byCriterion.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, criterionUnits]) => {
          const [questionId, criterionId] = key.split('\u0000');
          const q = questions.get(questionId);
          const c = q?.rubric.find((x) => x.id === criterionId);
          return {
            questionId,
            criterionId,
            name: c?.name ?? { zh: criterionId, en: criterionId },
            questionTitle: q?.title ?? { zh: questionId, en: questionId },
            ...agreementOfUnits(criterionUnits),
          };
        }),
      calibration: cal.map((c) => ({
        rater: { id: c.rater, name: names.get(c.rater) ?? '' },
        n: c.n,
        meanOffset: c.meanOffset,
        meanLevel: c.meanLevel,
      })),
    };
  }

  /** The full scorecard; refused to a rater of this candidate who has not submitted yet. */
  async card(postingId: string, candidateId: string, viewer: AuthUser): Promise<ScorecardView> {
    const title = await this.posting(postingId);
    const candidate = await this.repo.candidate(candidateId);
    if (!candidate) throw new ApiException('scorecard-not-found');
    const inputs = await this.inputs(postingId, candidateId);
    if (inputs.subjects.length === 0) throw new ApiException('scorecard-not-found');
    if (inputs.sheets.some((s) => s.raterId === viewer.id && s.status !== 'submitted')) {
      throw new ApiException('scores-withheld');
    }
    const result = computeScorecard(
      inputs.questions,
      inputs.scoringSheets,
      inputs.subjects.map((s) => subjectKey(s.kind, s.id)),
    );
    const labels = await this.bank.competencyLabels();
    const totals = await this.repo.totals(postingId);
    const amendments = await this.scoring.amendments(inputs.sheets.map((s) => s.id));
    const integrity: ScorecardView['integrity'] = [];
    for (const subject of inputs.subjects.filter((s) => s.kind === 'attempt')) {
      const timeline = await this.integrity.timeline(subject.id);
      integrity.push({
        attemptId: subject.id,
        summary: summariseIntegrity(timeline, subject.completedAt ?? new Date()),
        events: timeline.length,
      });
    }
    let q = 0;
    const questions: ScorecardView['questions'] = inputs.subjects.flatMap((subject) =>
      subject.questions.map(({ questionId }) => {
        const content = subject.content.get(questionId)!;
        const computed = result.questions[q++];
        const auto = autoLevels(subject, questionId);
        return {
          subject: { kind: subject.kind, id: subject.id },
          questionId,
          kind: content.kind,
          title: content.title,
          competencies: content.competencies,
          score: computed.score,
          criteria: content.rubric.map((c, i) => ({
            criterionId: c.id,
            name: c.name,
            weight: c.weight,
            autoLevel: auto.get(c.id) ?? null,
            levels: computed.criteria[i].levels,
            mean: computed.criteria[i].mean,
            spread: computed.criteria[i].spread,
            flags: computed.criteria[i].flags,
          })),
        };
      }),
    );
    return {
      posting: { id: postingId, title },
      candidate: { id: candidate.id, name: candidate.name, email: candidate.email },
      total: result.total,
      percent: result.percent,
      rank: result.total === null ? null : rankOf(totals, result.total),
      ranked: totals.length,
      competencies: Object.entries(result.competencies)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, c]) => ({ id, label: labels[id] ?? { zh: id, en: id }, score: c.score, questions: c.questions })),
      questions,
      raters: inputs.sheets.map((s, i) => ({
        rater: { id: s.raterId, name: s.raterName, email: s.raterEmail },
        subject: { kind: s.subjectKind, id: s.subjectId },
        status: s.status,
        submittedAt: s.submittedAt?.toISOString() ?? null,
        recommendation: s.status === 'submitted' ? s.recommendation : null,
        total: result.raters[i].total,
        amendments: amendments.filter((a) => a.sheetId === s.id).length,
      })),
      recommendations: result.recommendations,
      flags: result.flags,
      integrity,
      formula: SCORECARD_FORMULA,
    };
  }

  async compare(postingId: string, candidateIds: string[], viewer: AuthUser): Promise<ScorecardView[]> {
    const ids = [...new Set(candidateIds)];
    if (ids.length < 1 || ids.length > MAX_COMPARED) throw new ApiException('compare-too-many', { max: MAX_COMPARED });
    const cards: ScorecardView[] = [];
    for (const id of ids) cards.push(await this.card(postingId, id, viewer));
    return cards;
  }

  async cardCsv(postingId: string, candidateId: string, viewer: AuthUser): Promise<string> {
    const card = await this.card(postingId, candidateId, viewer);
    const raters = card.raters.filter((r) => r.status === 'submitted');
    const rows: unknown[][] = [
      ['posting', card.posting.title],
      ['candidate', card.candidate.name, card.candidate.email],
      ['total (1-5)', round(card.total), 'percent', round(card.percent, 1), 'rank', card.rank, 'of', card.ranked],
      ['flags', card.flags.join(' ')],
      [],
      ['competency', 'score (1-5)', 'questions'],
      ...card.competencies.map((c) => [`${c.label.en} / ${c.label.zh}`, round(c.score), c.questions]),
      [],
      [
        'source',
        'question',
        'criterion',
        'weight',
        'automatic',
        ...raters.map((r) => r.rater.name),
        'mean',
        'spread',
        'flags',
      ],
      ...card.questions.flatMap((q) =>
        q.criteria.map((c) => [
          q.subject.kind,
          `${q.title.en} / ${q.title.zh}`,
          `${c.name.en} / ${c.name.zh}`,
          c.weight,
          round(c.autoLevel),
          ...raters.map((r) => {
            const level = c.levels[r.rater.id];
            return level === undefined ? '' : level === null ? 'no evidence' : round(level);
          }),
          round(c.mean),
          c.spread,
          c.flags.join(' '),
        ]),
      ),
      [],
      ['rater', 'email', 'source', 'status', 'recommendation', 'total (1-5)', 'amendments'],
      ...card.raters.map((r) => [
        r.rater.name,
        r.rater.email,
        r.subject.kind,
        r.status,
        r.recommendation ?? '',
        round(r.total),
        r.amendments,
      ]),
    ];
    return toCsv(rows as Parameters<typeof toCsv>[0]);
  }

  /**
   * What was assessed and how the result was reached, in words a candidate understands (PIPL art.
   * 24: an explanation of a decision made with automated means). Viewing it is audited.
   */
  async explanation(postingId: string, candidateId: string, viewer: AuthUser): Promise<CandidateExplanation> {
    const explanation = explain(await this.card(postingId, candidateId, viewer));
    await this.audit.record({
      action: 'explanation.view',
      target: { type: 'candidate', id: candidateId },
      changes: { postingId },
    });
    return explanation;
  }

  /**
   * Mails the explanation to the candidate in `lang`, as HR read it (mail must be on; the address's
   * hourly cap applies). Sending it is audited.
   */
  async sendExplanation(
    postingId: string,
    candidateId: string,
    lang: MailLang,
    sender: AuthUser,
  ): Promise<MailMessageView> {
    if (!this.mail.enabled) throw new ApiException('mail-disabled');
    const card = await this.card(postingId, candidateId, sender);
    await this.mail.assertUnderCap(card.candidate.email);
    // The mail greets the candidate itself.
    const text = explain(card, false)[lang];
    const [row] = await this.mail.enqueue([
      {
        content: {
          kind: 'explanation',
          lang,
          candidateName: card.candidate.name,
          title: { zh: card.posting.title, en: card.posting.title },
          text,
        },
        toEmail: card.candidate.email,
        candidateId,
        createdById: sender.id,
      },
    ]);
    await this.audit.record({
      action: 'explanation.send',
      target: { type: 'candidate', id: candidateId },
      changes: { postingId, lang, mailId: row.id },
    });
    return toView(row);
  }

  private async posting(postingId: string): Promise<string> {
    const title = await this.repo.postingTitle(postingId);
    if (title === null) throw new ApiException('posting-not-found');
    return title;
  }
}

/** The explanation of one candidate's result, in both languages, from their scorecard; `greeting`: opening with the candidate's name. */
function explain(card: ScorecardView, greeting = true): CandidateExplanation {
  const kinds = [...new Set(card.questions.map((q) => q.kind))];
  const kindNames = {
    coding: { zh: '编程题', en: 'coding tasks' },
    case: { zh: '案例分析题', en: 'case questions' },
    scenario: { zh: '情景题', en: 'scenario questions' },
    behavioral: { zh: '行为面试题', en: 'behavioural questions' },
  } as const;
  const raters = card.raters.filter((r) => r.status === 'submitted').length;
  const hasAuto = card.questions.some((q) => q.criteria.some((c) => c.autoLevel !== null));
  const competencies = card.competencies.filter((c) => c.score !== null);
  const zh = [
    ...(greeting ? [`${card.candidate.name}，您好：`, ''] : []),
    `以下说明您申请的职位“${card.posting.title}”的评估考查了什么，以及结果是如何得出的。`,
    '',
    `考查内容：共 ${card.questions.length} 道题（${kinds.map((k) => kindNames[k].zh).join('、')}），考查的能力包括：${competencies.map((c) => c.label.zh).join('、') || '—'}。`,
    `评分方式：${raters} 位评分人各自独立地按照事先确定的评分标准打分（每项标准 1–5 级，每一级都有书面描述），在提交自己的评分之前看不到他人的评分。` +
      (hasAuto ? '编程题的部分标准由代码在隐藏测试用例上的通过情况自动计分，评分人只有在写明理由时才能修改。' : ''),
    `结果的计算：${SCORECARD_FORMULA.zh}`,
    '作答过程中记录的诚信信号（如粘贴、离开页面）仅供参考，不计入分数。',
    '最终的录用决定由人作出，评估结果是依据之一。如对结果有疑问，您可以联系招聘方要求说明或提出异议。',
  ].join('\n');
  const en = [
    ...(greeting ? [`Dear ${card.candidate.name},`, ''] : []),
    `This explains what the assessment for "${card.posting.title}" assessed and how its result was reached.`,
    '',
    `What was assessed: ${card.questions.length} questions (${kinds.map((k) => kindNames[k].en).join(', ')}), assessing: ${competencies.map((c) => c.label.en).join(', ') || '—'}.`,
    `How it was scored: ${raters} rater(s) scored independently against criteria fixed in advance (each on a 1-5 scale with a written description of the levels), without seeing each other's scores before submitting their own.` +
      (hasAuto
        ? ' Some criteria of the coding tasks were scored automatically from hidden test cases; a rater could change such a score only by giving a reason.'
        : ''),
    `How the result is computed: ${SCORECARD_FORMULA.en}`,
    'Integrity signals recorded while you worked (such as pasting or leaving the page) are advisory and not part of the score.',
    'The hiring decision is made by people; the assessment is one input. If you have questions about the result, you may ask the recruiter to explain it or contest it.',
  ].join('\n');
  return { zh, en };
}

/** 1 + how many totals are strictly higher (ties share a rank); `totals` sorted high to low. */
export function rankOf(totals: readonly number[], total: number): number {
  let lo = 0;
  let hi = totals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totals[mid] > total + 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

function round(value: number | null, digits = 2): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}
