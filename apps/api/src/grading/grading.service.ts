import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { hiddenCases, type CodingQuestion } from '@rubricon/generation';
import { AssessmentsService } from '../assessments/assessments.service';
import type { AnswerEntity } from '../attempts/answer.entity';
import { AttemptEvents } from '../common/attempt-events';
import { RunsService } from '../runs/runs.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { GradingRepository } from './grading.repository';

/**
 * How often submitted attempts that are still ungraded (after a restart, a failed run) are picked
 * up; a submission is graded at once through the attempt events, so the sweep is only a safety net.
 */
const SWEEP_MS = 10_000;

export interface CodingGrade {
  passed: number;
  total: number;
  /** Weighted share of hidden tests passed, 0..1 (partial credit by test weight). */
  score: number;
  /** The question's auto-scored rubric criterion, and its score on the 1-5 scale. */
  criterionId: string | null;
  criterionScore: number;
}

/**
 * Grades submitted attempts' coding answers on the hidden tests, one attempt at a time: each one as
 * it is submitted, and on a sweep whatever a restart or a failure left ungraded.
 */
@Injectable()
export class GradingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GradingService.name);
  private chain: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<string>();
  private stopListening?: () => void;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repo: GradingRepository,
    private readonly assessments: AssessmentsService,
    private readonly runs: RunsService,
    private readonly events: AttemptEvents,
    private readonly scorecards: ScorecardsService,
  ) {}

  onApplicationBootstrap(): void {
    this.stopListening = this.events.subscribe((change) => {
      if (change.status === 'submitted') void this.enqueue(change.attemptId);
    });
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopListening?.();
    clearInterval(this.timer);
    await this.chain;
  }

  /** Queues every ungraded attempt that is not queued already. */
  async sweep(): Promise<void> {
    try {
      for (const id of await this.repo.ungraded(20)) void this.enqueue(id);
    } catch (error) {
      this.logger.error(`Grading sweep failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** Queues grading; grading an attempt twice is harmless (the second finds it graded). */
  enqueue(attemptId: string): Promise<void> {
    if (this.pending.has(attemptId)) return Promise.resolve();
    this.pending.add(attemptId);
    const run = this.chain.then(() => this.grade(attemptId)).finally(() => this.pending.delete(attemptId));
    this.chain = run.catch((error) =>
      this.logger.error(
        `Grading ${attemptId} failed; it will be retried: ${error instanceof Error ? error.message : error}`,
      ),
    );
    return run;
  }

  private async grade(attemptId: string): Promise<void> {
    const attempt = await this.repo.attempt(attemptId);
    if (!attempt || attempt.status !== 'submitted' || attempt.gradedAt) return;
    const delivery = await this.assessments.delivery(attempt.assessmentId);
    const coding = delivery.questions.filter((q): q is CodingQuestion => q.kind === 'coding');
    const answers = new Map((await this.repo.answers(attemptId)).map((a) => [a.questionId, a]));
    const scores: number[] = [];
    const grades: { answerId: string; grading: string }[] = [];
    // The sandbox runs happen first, outside any transaction; the grades are then stored together.
    for (const question of coding) {
      const answer = answers.get(question.id);
      const grade = answer?.content.trim() ? await this.gradeAnswer(question, answer) : emptyGrade(question);
      scores.push(grade.score);
      if (answer) grades.push({ answerId: answer.id, grading: JSON.stringify(grade) });
    }
    const autoScore = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
    await this.repo.saveGrades(attemptId, grades, autoScore);
    // Coding criteria scored from hidden tests change the candidate's scorecard.
    await this.scorecards.attemptChanged(attemptId);
    this.logger.log(
      `Graded attempt ${attemptId}: ${autoScore === null ? 'no coding questions' : `${Math.round(autoScore * 100)}%`}`,
    );
  }

  private async gradeAnswer(question: CodingQuestion, answer: AnswerEntity): Promise<CodingGrade> {
    const result = await this.runs.run(
      'grading',
      {
        language: answer.language ?? 'javascript',
        code: answer.content,
        // Inputs at a stated limit are generated from the bank's source (cached), never stored.
        tests: hiddenCases(question).map((t) => ({
          input: t.input,
          expected: t.expected,
          weight: t.weight,
          hidden: true,
        })),
        comparator: question.comparator,
        limits: question.limits,
      },
      { priority: 'high' },
    );
    const passed = result.tests.filter((t) => t.passed).length;
    return {
      passed,
      total: question.hiddenTests.length,
      score: result.score,
      criterionId: autoCriterion(question),
      criterionScore: round2(1 + 4 * result.score),
    };
  }
}

function emptyGrade(question: CodingQuestion): CodingGrade {
  return {
    passed: 0,
    total: question.hiddenTests.length,
    score: 0,
    criterionId: autoCriterion(question),
    criterionScore: 1,
  };
}

function autoCriterion(question: CodingQuestion): string | null {
  return question.rubric.find((c) => c.autoScored)?.id ?? null;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
