import { Injectable } from '@nestjs/common';
import {
  MAX_HIDDEN_RUNS_PER_QUESTION,
  type CandidateCustomRunResult,
  type CandidateHiddenRunResult,
  type CandidateRunRequest,
  type CandidateVisibleRunResult,
} from '@rubricon/contracts';
import { hiddenCases } from '@rubricon/generation';
import type { RunRequest, RunResult } from '@rubricon/sandbox';
import { ApiException } from '../common/api-exception';
import { IntegrityService } from '../integrity/integrity.service';
import { customRunResult, practiceLimits, visibleRunResult } from '../runs/run-results';
import { RunsService } from '../runs/runs.service';
import { AttemptsService } from './attempts.service';

/**
 * A candidate runs code against the visible examples (outputs shown), on an input of their own
 * (output shown, nothing to compare with), or against the hidden tests (counts only: hidden inputs
 * and expected values never leave the server, not even in error text).
 * One run at a time per candidate, each capped at three test time limits in all, so nobody can hold
 * the workers; hidden runs are counted per question and shown to HR, because their timing and
 * counts are a narrow side channel on the hidden inputs.
 */
@Injectable()
export class CandidateRunsService {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly integrity: IntegrityService,
    private readonly runs: RunsService,
  ) {}

  async run(
    attemptId: string,
    req: CandidateRunRequest,
  ): Promise<CandidateVisibleRunResult | CandidateHiddenRunResult | CandidateCustomRunResult> {
    const question = await this.attempts.runnableQuestion(attemptId, req.questionId);
    const owner = `attempt:${attemptId}`;
    const base = {
      language: req.language,
      code: req.code,
      comparator: question.comparator,
      limits: practiceLimits(question.limits),
    };
    if (req.mode === 'hidden') {
      const used = await this.integrity.count(attemptId, 'hidden-run', question.id);
      if (used >= MAX_HIDDEN_RUNS_PER_QUESTION) {
        throw new ApiException('hidden-runs-exhausted', { max: MAX_HIDDEN_RUNS_PER_QUESTION });
      }
      const result = await this.sandbox(owner, {
        ...base,
        // Inputs at a stated limit are generated from the bank's source (cached), never stored.
        tests: hiddenCases(question).map((t) => ({
          input: t.input,
          expected: t.expected,
          weight: t.weight,
          hidden: true,
        })),
      });
      const passed = result.tests.filter((t) => t.passed).length;
      await this.integrity.record(attemptId, 'hidden-run', question.id, {
        passed,
        total: question.hiddenTests.length,
      });
      return { mode: 'hidden', passed, total: question.hiddenTests.length };
    }
    if (req.mode === 'custom') {
      // No expected value: the comparison's pass or fail means nothing, only whether solve returned.
      return customRunResult(await this.sandbox(owner, { ...base, tests: [{ input: req.input, expected: null }] }));
    }
    return visibleRunResult(
      await this.sandbox(owner, {
        ...base,
        tests: question.examples.map((e) => ({ input: e.input, expected: e.expected })),
      }),
    );
  }

  /** One run at a time per attempt; the runner's refusals carry their own codes ('run-in-progress', 'sandbox-busy'). */
  private sandbox(owner: string, request: RunRequest): Promise<RunResult> {
    return this.runs.run(owner, request, { inFlight: 1 });
  }
}
