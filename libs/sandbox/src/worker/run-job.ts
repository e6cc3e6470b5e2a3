import { executeTests, Outcome } from '../isolate/execute';
import { executePythonTests } from '../python/python-session';
import { gradeRun } from '../grading/grade';
import { Transpiled, transpileTypeScript } from '../grading/transpile';
import { RunJob, RunRequest, RunResult } from '../types';
import { validateRunRequest } from '../validate';

/**
 * Runs one job end to end in this process: validate, transpile, execute in isolates, grade.
 * Transport-free: the IPC server (embedded pool) and a queue consumer both call this.
 * Throws InvalidRunError for a bad request; candidate behaviour never makes it throw.
 */
export async function runJob(request: RunRequest): Promise<RunResult> {
  return runValidatedJob(validateRunRequest(request));
}

/** For jobs the pool has already validated (saves re-serialising every input per run). */
export async function runValidatedJob(job: RunJob): Promise<RunResult> {
  const lineCount = job.code.split('\n').length;
  if (job.language === 'python') {
    return gradeRun(await executePythonTests(job.code, job.tests, job.limits, job.entry), {
      job,
      mapLine: identity,
      lineCount,
    });
  }
  if (job.language === 'javascript') {
    return gradeRun(await executeTests(job.code, job.tests, job.limits, job.entry), {
      job,
      mapLine: identity,
      lineCount,
    });
  }
  const ts = transpileCached(job.code);
  if (ts.syntaxError) {
    const outcome: Outcome = { kind: 'syntax', ...ts.syntaxError };
    return gradeRun(
      job.tests.map(() => outcome),
      { job, mapLine: identity, lineCount },
    );
  }
  return gradeRun(await executeTests(ts.js, job.tests, job.limits, job.entry), { job, mapLine: ts.mapLine, lineCount });
}

const identity = (line: number) => line;

/**
 * The same code is usually run more than once (visible tests, then the hidden ones; bank checks),
 * and transpiling costs ~2 ms: keep the last few results, least recently used out first.
 */
const TRANSPILE_CACHE_SIZE = 64;
const transpiled = new Map<string, Transpiled>();

function transpileCached(code: string): Transpiled {
  let hit = transpiled.get(code);
  if (hit) transpiled.delete(code);
  else hit = transpileTypeScript(code);
  transpiled.set(code, hit);
  if (transpiled.size > TRANSPILE_CACHE_SIZE) transpiled.delete(transpiled.keys().next().value!);
  return hit;
}
