import { RUN_QUEUE, STALLED_OUT_REASON, validateRunRequest } from '@rubricon/sandbox';
import { QUEUE_WAIT_MS, RunQueueError, answerDeadlineMs, failedJobOutcome, inFlightKey } from './run-queue-rules';

const job = (limits = {}) =>
  validateRunRequest({
    language: 'javascript',
    code: 'function solve(x) { return x; }',
    tests: [
      { input: 1, expected: 1 },
      { input: 2, expected: 2, hidden: true },
    ],
    limits,
  });

describe('run queue rules', () => {
  it('waits long enough for a run, its retry after a dead runner, and a wait in the queue, and no longer', () => {
    // 1 s per test, 3 s in all: the pool kills the worker at 3 + 2 + 5 = 10 s; a dead runner's lock
    // lapses after 10 s and is noticed within 5 s more; two starts, then 30 s of queueing.
    const deadline = answerDeadlineMs(job({ timeMs: 1_000, totalTimeMs: 3_000 }));
    expect(deadline).toBe(2 * (10_000 + RUN_QUEUE.lockDurationMs + RUN_QUEUE.stalledIntervalMs) + QUEUE_WAIT_MS);
    expect(answerDeadlineMs(job({ timeMs: 2_000, totalTimeMs: 20_000 }))).toBeGreaterThan(deadline);
  });

  it('counts an owner across instances, but grading per instance', () => {
    expect(inFlightKey('rubricon', 'attempt:42', 'normal', 'api-1')).toBe('rubricon:runs:in-flight:attempt:42');
    expect(inFlightKey('rubricon', 'attempt:42', 'normal', 'api-2')).toBe('rubricon:runs:in-flight:attempt:42');
    expect(inFlightKey('rubricon', 'grading', 'high', 'api-1')).not.toBe(
      inFlightKey('rubricon', 'grading', 'high', 'api-2'),
    );
  });

  it("turns a job whose runners died twice into a 'crashed' verdict on every test, hidden ones without detail", () => {
    const outcome = failedJobOutcome(job(), STALLED_OUT_REASON);
    expect(outcome).toEqual({
      verdict: 'crashed',
      score: 0,
      tests: [
        { verdict: 'crashed', passed: false, durationMs: 0, error: expect.stringMatching(/stopped twice/) },
        { verdict: 'crashed', passed: false, durationMs: 0, error: expect.stringMatching(/stopped twice/) },
      ],
    });
  });

  it('answers any other failure, and a wait that timed out, with a queue error that names no job data', () => {
    const timedOut = failedJobOutcome(
      job(),
      'Job wait practice timed out before finishing, no finish notification arrived after 100ms (id=x)',
    );
    expect(timedOut).toBeInstanceOf(RunQueueError);
    expect((timedOut as Error).message).toMatch(/did not answer in time/);
    const failed = failedJobOutcome(job(), 'Unsupported language "python" in test input {"secret":1}');
    expect(failed).toBeInstanceOf(RunQueueError);
    expect((failed as Error).message).not.toMatch(/secret|python/);
  });
});
