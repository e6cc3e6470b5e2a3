import type { CandidateCustomRunResult, CandidateVisibleRunResult } from '@rubricon/contracts';
import { DEFAULT_LIMITS, type RunLimits, type RunResult } from '@rubricon/sandbox';

/**
 * What a practice run (an attempt's or an interview's) may use: the question's own limits per test,
 * and three test time limits in all, so nobody can hold the workers.
 */
export function practiceLimits(limits: Partial<RunLimits> | undefined): Partial<RunLimits> {
  const timeMs = limits?.timeMs ?? DEFAULT_LIMITS.timeMs;
  return { ...limits, totalTimeMs: 3 * timeMs };
}

/** A run against the visible examples, as the people in front of it see it: every test with its output. */
export function visibleRunResult(result: RunResult): CandidateVisibleRunResult {
  return {
    mode: 'visible',
    verdict: result.verdict,
    tests: result.tests.map((t) => ({
      verdict: t.verdict,
      passed: t.passed,
      durationMs: t.durationMs,
      output: t.output,
      error: t.error,
      logs: t.logs,
    })),
  };
}

/** A run on one's own input: there is no expected value, so no pass or fail; `ok` when solve returned. */
export function customRunResult(result: RunResult): CandidateCustomRunResult {
  const test = result.tests[0] ?? { verdict: result.verdict, durationMs: 0 };
  const verdict = test.verdict === 'passed' || test.verdict === 'failed' ? 'ok' : test.verdict;
  return {
    mode: 'custom',
    verdict: verdict as CandidateCustomRunResult['verdict'],
    durationMs: test.durationMs,
    output: 'output' in test ? test.output : undefined,
    error: 'error' in test ? test.error : undefined,
    logs: 'logs' in test ? test.logs : undefined,
  };
}
