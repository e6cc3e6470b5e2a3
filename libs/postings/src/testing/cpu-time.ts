/**
 * CPU time for the parser's time-bound tests. They ask whether an input makes the parser do
 * superlinear work, and wall time cannot answer that on a shared 2-core CI machine.
 *
 * Time is the main thread's CPU time (`process.threadCpuUsage`), not the process's. Jest runs many
 * suites in one worker. Threads that an earlier suite left busy (V8's GC and compiler helpers, a
 * native module's threads) count towards `process.cpuUsage`. Once that made a 200-token document
 * seem to take 1.4 s. The parser runs on the main thread only, so it is all measured here.
 */
export function threadCpuMs(run: () => unknown): number {
  const start = process.threadCpuUsage();
  run();
  const { user, system } = process.threadCpuUsage(start);
  return (user + system) / 1000;
}

/**
 * The best of up to `tries` timings, stopping at the first within `budgetMs`. A single slow
 * timing can be a GC pause; an input that is really slow stays slow every time.
 */
export function bestCpuMs(run: () => unknown, budgetMs: number, tries = 3): number {
  let best = Infinity;
  for (let i = 0; i < tries && best > budgetMs; i++) best = Math.min(best, threadCpuMs(run));
  return best;
}
