import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CodingQuestion } from '@rubricon/generation';
import { DataSource, IsNull } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service';
import { SandboxPool } from '../runs/runner-pool.provider';
import { AnswerEntity } from './answer.entity';
import { AttemptEntity } from './attempt.entity';

export interface CodingGrade {
  passed: number;
  total: number;
  /** Weighted share of hidden tests passed, 0..1 (partial credit by test weight). */
  score: number;
  /** The question's auto-scored rubric criterion, and its score on the 1-5 scale. */
  criterionId: string | null;
  criterionScore: number;
}

/** Grades submitted attempts' coding answers on the hidden tests, one attempt at a time. */
@Injectable()
export class GradingService {
  private readonly logger = new Logger(GradingService.name);
  private chain: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly pool: SandboxPool,
  ) {}

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

  async ungraded(limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(AttemptEntity)
      .find({
        select: { id: true },
        where: { status: 'submitted', gradedAt: IsNull() },
        order: { submittedAt: 'ASC' },
        take: limit,
      });
    return rows.map((r) => r.id);
  }

  private async grade(attemptId: string): Promise<void> {
    const attempts = this.dataSource.getRepository(AttemptEntity);
    const attempt = await attempts.findOneBy({ id: attemptId });
    if (!attempt || attempt.status !== 'submitted' || attempt.gradedAt) return;
    const delivery = await this.assessments.delivery(attempt.assessmentId);
    const coding = delivery.questions.filter((q): q is CodingQuestion => q.kind === 'coding');
    const answers = new Map(
      (await this.dataSource.getRepository(AnswerEntity).findBy({ attemptId })).map((a) => [a.questionId, a]),
    );
    const scores: number[] = [];
    for (const question of coding) {
      const answer = answers.get(question.id);
      const grade = answer?.content.trim() ? await this.gradeAnswer(question, answer) : emptyGrade(question);
      scores.push(grade.score);
      if (answer)
        await this.dataSource.getRepository(AnswerEntity).update({ id: answer.id }, { grading: JSON.stringify(grade) });
    }
    const autoScore = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
    await attempts.update({ id: attemptId, gradedAt: IsNull() }, { gradedAt: new Date(), autoScore });
    this.logger.log(
      `Graded attempt ${attemptId}: ${autoScore === null ? 'no coding questions' : `${Math.round(autoScore * 100)}%`}`,
    );
  }

  private async gradeAnswer(question: CodingQuestion, answer: AnswerEntity): Promise<CodingGrade> {
    const result = await this.pool.run(
      {
        language: answer.language ?? 'javascript',
        code: answer.content,
        tests: question.hiddenTests.map((t) => ({
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
